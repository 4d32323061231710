"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/guard";
import type { TItem, TQuestionnaire } from "@/lib/sipas/questionnaire";
import { itemKindLabels, questionnairesText } from "@/lib/i18n/questionnaires";
import { QuestionnairePreview } from "../preview";
import s from "../questionnaires.module.css";
import { Errors, ItemCard } from "./item-card";
import { move, newItem, removeAt, replaceAt, row, toDefinition, toState, type EditorState } from "./model";
import { AspectsEditor, ElementsEditor } from "./structure";

const t = questionnairesText;
type Act = (input: Record<string, unknown>) => Promise<ActionResult<unknown>>;
type Props = { versionId: number; checksum: string; definition: TQuestionnaire; save: Act; publish: Act };

/**
 * The draft editor: the whole questionnaire in the browser, saved as one definition. What
 * the server refuses comes back field by field (`items.3.code` …) and is shown beside the
 * field; nothing typed is lost. The checksum the draft had when opened is sent with each
 * save, so two people editing the same draft cannot overwrite each other unnoticed.
 */
export function DraftEditor({ versionId, checksum: initialChecksum, definition, save, publish }: Props) {
  const router = useRouter();
  const [state, setState] = useState<EditorState>(() => toState(definition));
  const [checksum, setChecksum] = useState(initialChecksum);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [showPreview, setShowPreview] = useState(false);
  const [addKind, setAddKind] = useState<TItem["kind"]>("satisfaction");
  const [pending, start] = useTransition();

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const update = (next: EditorState) => {
    setState(next);
    setDirty(true);
    setConfirming(false);
  };
  const current = useMemo(() => toDefinition(state, definition), [state, definition]);
  const errorsAt = (path: string) => errors[path];
  const errorCount = Object.values(errors).reduce((n, list) => n + list.length, 0);

  function onSave() {
    start(async () => {
      const r = await save({ versionId, expectedChecksum: checksum, definition: current });
      if (r.ok) {
        const data = r.data as { checksum: string; message: string };
        setChecksum(data.checksum);
        setDirty(false);
        setErrors({});
        setNotice({ ok: true, text: data.message });
        router.refresh();
      } else {
        setErrors(r.fieldErrors ?? {});
        setNotice({ ok: false, text: r.error });
      }
    });
  }
  function onPublish() {
    start(async () => {
      const r = await publish({ versionId, expectedChecksum: checksum });
      if (r.ok) router.push((r.data as { href: string }).href);
      else {
        setErrors(r.fieldErrors ?? {});
        setNotice({ ok: false, text: r.error });
        setConfirming(false);
      }
    });
  }

  const elements = state.elements.map((r) => r.value);
  return (
    <div className={s.editor}>
      <section className={s.section}>
        <h2>{t.editor.general}</h2>
        <label htmlFor="q-title">{t.editor.formTitle}</label>
        <input id="q-title" style={{ maxWidth: "none" }} value={state.title} onChange={(e) => update({ ...state, title: e.target.value })} />
        <Errors messages={errorsAt("title")} />
        <label htmlFor="q-instructions">{t.editor.instructions}</label>
        <textarea id="q-instructions" rows={3} style={{ maxWidth: "none" }} value={state.instructions} onChange={(e) => update({ ...state, instructions: e.target.value })} />
        <p className={s.help}>{t.editor.scaleNote}</p>
      </section>
      <AspectsEditor aspects={state.aspects} errorsAt={errorsAt} onChange={(aspects) => update({ ...state, aspects })} />
      <ElementsEditor elements={state.elements} aspects={state.aspects.map((r) => r.value)} errorsAt={errorsAt} onChange={(els) => update({ ...state, elements: els })} />
      <section className={s.section}>
        <h2>{t.editor.items} ({state.items.length})</h2>
        <Errors messages={errorsAt("items")} />
        {state.items.map((r, i) => (
          <ItemCard
            key={r.key}
            item={r.value}
            index={i}
            count={state.items.length}
            elements={elements}
            errorsAt={errorsAt}
            hasErrors={Object.keys(errors).some((k) => k.startsWith(`items.${i}.`))}
            onChange={(item) => update({ ...state, items: replaceAt(state.items, i, { key: r.key, value: item }) })}
            onMove={(d) => update({ ...state, items: move(state.items, i, i + d) })}
            onRemove={() => update({ ...state, items: removeAt(state.items, i) })}
          />
        ))}
        <div className={s.buttons}>
          <select aria-label={t.editor.kind} value={addKind} onChange={(e) => setAddKind(e.target.value as TItem["kind"])} style={{ maxWidth: 320 }}>
            {(Object.keys(itemKindLabels) as TItem["kind"][]).map((k) => <option key={k} value={k}>{itemKindLabels[k]}</option>)}
          </select>
          <button type="button" className="secondary" onClick={() => update({ ...state, items: [...state.items, row(newItem(addKind, state))] })}>
            {t.editor.addItem}
          </button>
        </div>
      </section>
      {showPreview && <QuestionnairePreview q={current} />}
      <div className={s.sticky}>
        <button type="button" onClick={onSave} disabled={pending} data-testid="save-draft">
          {pending ? t.draft.saving : t.draft.save}
        </button>
        <button type="button" className="secondary" onClick={() => setShowPreview((v) => !v)}>
          {t.preview}
        </button>
        {!dirty && !confirming && (
          <button type="button" className="secondary" onClick={() => setConfirming(true)} disabled={pending}>
            {t.draft.publish}
          </button>
        )}
        <Link href={`/admin/questionnaires/${versionId}`}>{t.view}</Link>
        {dirty && <span className="badge warn">{t.draft.unsaved}</span>}
        {errorCount > 0 && <span className="badge bad">{t.editor.errorsAbove(errorCount)}</span>}
        {notice && (
          <div className={`alert ${notice.ok ? "success" : "error"}`} role={notice.ok ? "status" : "alert"} style={{ margin: 0 }}>
            {notice.text}
            {!notice.ok && errors._ && <Errors messages={errors._} />}
          </div>
        )}
        {confirming && (
          <div className="alert" role="alertdialog" style={{ background: "#fdf0da", border: "1px solid #f0cf96", margin: 0 }}>
            <p style={{ margin: "0 0 .5rem" }}>{t.draft.publishConfirm}</p>
            <button type="button" onClick={onPublish} disabled={pending}>Xác nhận ban hành</button>{" "}
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>Hủy</button>
          </div>
        )}
      </div>
    </div>
  );
}
