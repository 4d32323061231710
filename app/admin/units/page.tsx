import { requirePage } from "@/lib/auth/page";
import { db } from "@/lib/db";
import { vi } from "@/lib/i18n/vi";
import { formatDay } from "@/lib/i18n/format";

export default async function UnitsPage({ searchParams }: { searchParams: Promise<{ q?: string; all?: string }> }) {
  await requirePage("units.write", "/admin/units");
  const { q, all } = await searchParams;
  const today = new Date();
  const units = await db().unit.findMany({
    where: {
      ...(all ? {} : { OR: [{ validTo: null }, { validTo: { gte: today } }] }),
      ...(q ? { OR: [{ code: { contains: q, mode: "insensitive" } }, { name: { contains: q.normalize("NFC"), mode: "insensitive" } }] } : {}),
    },
    orderBy: [{ level: { sortOrder: "asc" } }, { block: { sortOrder: "asc" } }, { code: "asc" }],
    select: {
      id: true, code: true, name: true, validFrom: true, validTo: true, providesPublicServices: true,
      level: { select: { name: true } }, block: { select: { name: true } },
      successorLinks: { select: { successor: { select: { code: true } } } },
      predecessorLinks: { select: { predecessor: { select: { code: true } } } },
    },
  });
  return (
    <>
      <h1>{vi.nav.units}</h1>
      <form className="row" style={{ marginBottom: "1rem" }}>
        <div>
          <label htmlFor="q">Tìm theo mã hoặc tên</label>
          <input id="q" name="q" defaultValue={q ?? ""} />
        </div>
        <label style={{ fontWeight: 400 }}>
          <input type="checkbox" name="all" value="1" defaultChecked={Boolean(all)} /> Gồm cả đơn vị đã giải thể, sáp nhập
        </label>
        <button type="submit" className="secondary">Tìm</button>
      </form>
      <p className="muted">{units.length} đơn vị</p>
      <table>
        <thead>
          <tr><th>Mã</th><th>Tên đơn vị</th><th>Cấp</th><th>Khối</th><th>Hiệu lực</th><th>Kế thừa</th></tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.id}>
              <td className="mono">{u.code}</td>
              <td>{u.name}{!u.providesPublicServices && <div className="badge warn">Không cung cấp dịch vụ công</div>}</td>
              <td>{u.level.name}</td>
              <td>{u.block.name}</td>
              <td>{formatDay(u.validFrom)} – {u.validTo ? formatDay(u.validTo) : "nay"}</td>
              <td className="mono">
                {u.predecessorLinks.length > 0 && <div>từ: {u.predecessorLinks.map((l) => l.predecessor.code).join(", ")}</div>}
                {u.successorLinks.length > 0 && <div>sang: {u.successorLinks.map((l) => l.successor.code).join(", ")}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
