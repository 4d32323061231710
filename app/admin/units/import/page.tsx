import Link from "next/link";
import { requirePage } from "@/lib/auth/page";
import { unitsText } from "@/lib/i18n/units";
import { UNIT_COLUMNS } from "@/lib/units/excel-columns";
import { ImportForm } from "@/components/units/import-form";
import s from "@/components/units/units.module.css";
import { importUnitsAction } from "../actions";

const M = unitsText.import;

export default async function ImportUnitsPage() {
  await requirePage("units.write", "/admin/units/import");
  return (
    <>
      <div className={s.breadcrumb}>
        <Link href="/admin/units">{unitsText.title}</Link> ›
      </div>
      <h1>{M.title}</h1>
      <div className="panel">
        <p>{M.help}</p>
        <p>
          <a href="/api/units/export">{M.template}</a>
        </p>
        <table>
          <thead>
            <tr><th>Cột</th><th>Bắt buộc</th><th>Hướng dẫn</th></tr>
          </thead>
          <tbody>
            {UNIT_COLUMNS.map((c) => (
              <tr key={c.key}><td>{c.header}</td><td>{c.required ? "Có" : "Không"}</td><td>{c.help}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="panel">
        <ImportForm action={importUnitsAction} />
      </div>
    </>
  );
}
