import Link from "next/link";
import { requirePage } from "@/lib/auth/page";
import { unitsText } from "@/lib/i18n/units";
import { findFields } from "@/lib/units/fields";
import { StickyFieldError, StickyForm } from "@/components/ui/sticky-form";
import s from "@/components/units/units.module.css";
import { createFieldAction, setFieldActiveAction, updateFieldAction } from "./actions";

const F = unitsText.fieldsPage;

export default async function FieldsPage() {
  await requirePage("units.write", "/admin/fields");
  const fields = await findFields();
  return (
    <>
      <div className={s.breadcrumb}>
        <Link href="/admin/units">{unitsText.title}</Link> ›
      </div>
      <h1>{F.title}</h1>
      <p className="muted">{F.help}</p>
      <details className="panel">
        <summary><strong>{F.create}</strong></summary>
        <StickyForm action={createFieldAction} submit={F.create} testId="create-field">
          <div className="row">
            <div>
              <label htmlFor="f-code">{F.code}</label>
              <input id="f-code" name="code" required maxLength={32} style={{ textTransform: "uppercase", maxWidth: 200 }} />
              <StickyFieldError name="code" />
            </div>
            <div style={{ flex: 1 }}>
              <label htmlFor="f-name">{F.name}</label>
              <input id="f-name" name="name" required maxLength={200} />
              <StickyFieldError name="name" />
            </div>
          </div>
        </StickyForm>
      </details>
      <table>
        <thead>
          <tr><th style={{ width: 170 }}>{F.code}</th><th>{F.name}</th><th className="num">Dùng trong danh sách</th><th>Trạng thái</th><th>Thao tác</th></tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.id} data-testid={`field-${f.code}`}>
              <td className="mono">{f.code}</td>
              <td>{f.name}</td>
              <td className="num">{F.records(f.records)}</td>
              <td>{f.active ? <span className="badge ok">{F.active}</span> : <span className="badge">{F.inactive}</span>}</td>
              <td>
                <details>
                  <summary>Sửa</summary>
                  <StickyForm action={updateFieldAction} submit={F.save}>
                    <input type="hidden" name="id" value={f.id} readOnly />
                    <input type="hidden" name="expectedName" value={f.name} readOnly />
                    <label htmlFor={`f-${f.id}-name`}>{F.name}</label>
                    <input id={`f-${f.id}-name`} name="name" defaultValue={f.name} maxLength={200} />
                    <StickyFieldError name="name" />
                  </StickyForm>
                  <StickyForm action={setFieldActiveAction} submit={f.active ? F.deactivate : F.activate} danger={f.active}>
                    <input type="hidden" name="id" value={f.id} readOnly />
                    <input type="hidden" name="active" value={f.active ? "false" : "true"} readOnly />
                  </StickyForm>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
