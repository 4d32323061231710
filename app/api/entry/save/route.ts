import { route } from "@/lib/auth/guard";
import { saveEntry } from "@/lib/entry/save";
import { okJson, parseJson, refusal } from "@/lib/entry/http";
import { ZEntrySave } from "@/lib/entry/schemas";

export const dynamic = "force-dynamic";

/** Saves one form typed by a clerk (first entry, blind second entry or correction). */
export const POST = route("entry.save", "entry.write", async (req, { user, actor }) => {
  const body = await parseJson(req, ZEntrySave);
  if (!body.ok) return body.response;
  try {
    return okJson(await saveEntry(body.data, user, actor));
  } catch (err) {
    return refusal(err);
  }
});
