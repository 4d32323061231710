import Link from "next/link";
import { requirePage } from "@/lib/auth/page";
import { unitsText } from "@/lib/i18n/units";
import { todayInVietnam } from "@/lib/units/days";
import { unitFormOptions } from "@/lib/units/service";
import { UnitForm } from "@/components/units/unit-form";
import s from "@/components/units/units.module.css";
import { createUnitAction } from "../actions";

export default async function NewUnitPage() {
  await requirePage("units.write", "/admin/units/new");
  const options = await unitFormOptions();
  return (
    <>
      <div className={s.breadcrumb}>
        <Link href="/admin/units">{unitsText.title}</Link> ›
      </div>
      <h1>{unitsText.create}</h1>
      <div className="panel">
        <UnitForm action={createUnitAction} options={options} defaults={{ validFrom: todayInVietnam() }} submit={unitsText.create} testId="create-unit" />
      </div>
    </>
  );
}
