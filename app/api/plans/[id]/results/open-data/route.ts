import { route } from "@/lib/auth/guard";
import { invalid, notFound } from "@/lib/errors";
import { resultsText as t } from "@/lib/i18n/results";
import { OPEN_DATA_FILES } from "@/lib/open-data/read";
import { hashPrefix, idParam } from "@/lib/results/display";
import { auditDownload, download } from "@/lib/results/http";
import { exportPlanOpenData } from "@/lib/results/open-data";
import { getReadablePlan } from "@/lib/results/service";
import { tarFolder } from "@/lib/results/tar";

export const dynamic = "force-dynamic";

const TYPES: Record<string, string> = { json: "application/json; charset=utf-8", csv: "text/csv; charset=utf-8" };

/**
 * The plan's open-data folder from the database as it is now (no personal data): one file
 * (?file=units.csv …) or all four in one .tar (?file=all), read in one go so they agree.
 */
export const GET = route("results.openData", "results.read", async (req, { user, actor }, params) => {
  const planId = idParam(params.id);
  if (!planId) throw notFound(t.errors.planNotFound);
  await getReadablePlan(user, planId);
  const file = new URL(req.url).searchParams.get("file") ?? "all";
  if (file !== "all" && !(OPEN_DATA_FILES as readonly string[]).includes(file)) throw invalid(t.errors.badFile);
  const out = await exportPlanOpenData(planId);
  await auditDownload(actor, planId, `open-data:${file}`, out.hash);
  if (file === "all") {
    const folder = `sipas-${out.plan.year}-${hashPrefix(out.hash).slice(0, 8)}`;
    const tar = tarFolder(folder, OPEN_DATA_FILES.map((name) => ({ name, content: out.files[name] })), new Date());
    return download(tar, `${folder}.tar`, "application/x-tar");
  }
  const name = file as (typeof OPEN_DATA_FILES)[number];
  return download(out.files[name], name, TYPES[name.split(".").pop() ?? ""] ?? "application/octet-stream");
});
