import { publicRoute } from "@/lib/auth/guard";
import { clientIp } from "@/lib/auth/ip";
import { parseJson, refusal } from "@/lib/entry/http";
import { submitOnlineAnswer } from "@/lib/entry/online";
import { ZOnlineAnswer } from "@/lib/entry/schemas";

export const dynamic = "force-dynamic";

/**
 * Public on purpose: a respondent answers their form online with its code, without an
 * account (SIPAS-METHOD §1). Attempts are limited per address (lib/entry/throttle.ts) so
 * codes cannot be enumerated, and nothing personal is returned.
 */
export const POST = publicRoute("public.answer", async (req: Request) => {
  const body = await parseJson(req, ZOnlineAnswer);
  if (!body.ok) return body.response;
  try {
    return Response.json({ ok: true, data: await submitOnlineAnswer(body.data, clientIp(req.headers)) });
  } catch (err) {
    return refusal(err);
  }
});
