import { requirePage } from "@/lib/auth/page";
import { entryText as t } from "@/lib/i18n/entry";
import { EntryScreen } from "@/components/entry/entry-screen";
import "@/components/forms/forms.css";

export const dynamic = "force-dynamic";

export default async function EntryFormsPage() {
  await requirePage("entry.write", "/entry/forms");
  return (
    <>
      <h1>{t.screen.title}</h1>
      <div style={{ display: "grid", gridTemplateColumns: "minmax(0, 1fr) 16rem", gap: "1rem", alignItems: "start" }}>
        <EntryScreen />
        <aside className="panel" aria-label={t.screen.keysTitle}>
          <h2 style={{ marginTop: 0 }}>{t.screen.keysTitle}</h2>
          <div className="keys-legend">
            {t.screen.keys.map(([key, what]) => (
              <div key={key} style={{ display: "contents" }}>
                <kbd>{key}</kbd>
                <span>{what}</span>
              </div>
            ))}
          </div>
        </aside>
      </div>
    </>
  );
}
