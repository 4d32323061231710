import { route } from "@/lib/auth/guard";
import { lookupForEntry } from "@/lib/entry/lookup";
import { parseQuery, refusal } from "@/lib/entry/http";
import { ZEntryLookup } from "@/lib/entry/schemas";

export const dynamic = "force-dynamic";

/** The entry screen's lookup of a typed or scanned form code. */
export const GET = route("entry.lookup", "entry.write", async (req, { user }) => {
  const q = parseQuery(req, ZEntryLookup);
  if (!q.ok) return q.response;
  try {
    return Response.json({ ok: true, data: await lookupForEntry(q.data.code, user, q.data.open === "1") });
  } catch (err) {
    return refusal(err);
  }
});
