import Link from "next/link";
import { requirePage } from "@/lib/auth/page";
import { unitsText } from "@/lib/i18n/units";
import { openUnits, unitFormOptions } from "@/lib/units/service";
import { MergeForm } from "@/components/units/merge-form";
import s from "@/components/units/units.module.css";
import { mergeUnitsAction } from "../actions";

export default async function MergePage({ searchParams }: { searchParams: Promise<{ ids?: string }> }) {
  await requirePage("units.write", "/admin/units/merge");
  const { ids } = await searchParams;
  const preselected = (ids ?? "").split(",").map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const [units, options] = await Promise.all([openUnits(), unitFormOptions()]);
  return (
    <>
      <div className={s.breadcrumb}>
        <Link href="/admin/units">{unitsText.title}</Link> ›
      </div>
      <h1>{unitsText.restructure.mergeTitle}</h1>
      <p className="muted">{unitsText.restructure.mergeHelp}</p>
      <div className="panel">
        <MergeForm action={mergeUnitsAction} units={units} levels={options.levels} blocks={options.blocks} preselected={preselected} />
      </div>
    </>
  );
}
