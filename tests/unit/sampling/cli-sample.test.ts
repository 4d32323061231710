import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";

const ROOT = join(import.meta.dirname, "../../..");
const SMALL = "tests/fixtures/frames/small.csv";
const dir = mkdtempSync(join(tmpdir(), "sipas-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Run = { code: number; stdout: string; stderr: string };

function sipas(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "scripts/sipas.ts", "sample", ...args], { cwd: ROOT }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const rows = (out: string) => out.trim().split("\n").slice(1).map((l) => l.split(","));

describe("sipas sample", { timeout: 60_000 }, () => {
  it("prints the header and one row per selected person; small strata are taken whole", async () => {
    const r = await sipas("--frame", SMALL, "--seed", "123");
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("stratum,dossier_code,role,order,key,inclusion_probability");
    // 11 records, 2 duplicates dropped in S07 (same phone; same name + address): 5 + 4 people.
    expect(lines).toHaveLength(10);
    expect(lines[1]).toBe(`S07,HS002,main,1,${sha("123|S07|HS002")},1`);
    expect(r.stderr).toMatch(/Số hồ sơ đọc được: 11; sau khi loại trùng: 9; bản ghi trùng: 2/);
    expect(r.stderr).toMatch(/bỏ hồ sơ HS001 \(dòng 2\), trùng số điện thoại “0912345678” với hồ sơ HS002 \(dòng 3\)/);
    expect(r.stderr).toMatch(/Đã bỏ qua 1 dòng trống/);
  });

  it("quota with reserve: keys ascending within each stratum, main then reserve, π = n/N", async () => {
    const r = await sipas("--frame", SMALL, "--seed", "Xổ số 23/11/2026", "--rule", "quota", "--n", "2", "--reserve", "0.5");
    expect(r.code).toBe(0);
    const out = rows(r.stdout);
    expect(out.map(([s, , role, order]) => `${s}:${role}:${order}`)).toEqual([
      "S07:main:1", "S07:main:2", "S07:reserve:1", "S08:main:1", "S08:main:2", "S08:reserve:1",
    ]);
    for (const [stratum, dossier, , , key, pi] of out) {
      expect(key).toBe(sha(`Xổ số 23/11/2026|${stratum}|${dossier}`));
      expect(Number(pi)).toBe(stratum === "S07" ? 2 / 5 : 2 / 4);
    }
    for (const s of ["S07", "S08"]) {
      const keys = out.filter((x) => x[0] === s).map((x) => x[4]!);
      expect([...keys].sort()).toEqual(keys);
    }
  });

  it("gives the same draw from the same list saved as .xlsx, in another row order", async () => {
    const csv = readFileSync(join(ROOT, SMALL), "utf8").trim().split("\n").filter((l) => l.trim() !== "");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Danh sách");
    ws.addRow(csv[0]!.split(","));
    // A minimal CSV split is enough for this fixture: quoted cells hold "a, b" only.
    const parse = (l: string) => (l.match(/("[^"]*"|[^,]+|(?<=,)(?=,|$))/g) ?? []).map((c) => c.replace(/^"|"$/g, ""));
    for (const l of csv.slice(1).reverse()) ws.addRow(parse(l));
    const xlsx = join(dir, "small.xlsx");
    await wb.xlsx.writeFile(xlsx);
    const [a, b] = await Promise.all([sipas("--frame", SMALL, "--seed", "7", "--rule", "quota", "--n", "3"), sipas("--frame", xlsx, "--seed", "7", "--rule", "quota", "--n", "3")]);
    expect(b.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const checksum = (s: string) => /danh sách \(SHA-256\): ([0-9a-f]{64})/.exec(s)?.[1];
    expect(checksum(b.stderr)).toBe(checksum(a.stderr));
  });

  it("unit × field strata and a duplicates file", async () => {
    const dup = join(dir, "dup.csv");
    const r = await sipas("--frame", SMALL, "--seed", "1", "--strata", "unit-field", "--rule", "proportional", "--total", "4", "--min", "1", "--duplicates", dup);
    expect(r.code).toBe(0);
    expect(new Set(rows(r.stdout).map((x) => x[0]))).toEqual(new Set(["S07/DAT_DAI", "S07/DAU_TU", "S07/HO_TICH", "S08/DAT_DAI", "S08/HO_TICH"]));
    expect(r.stderr).toMatch(/vượt tổng đã định 4/);
    expect(readFileSync(dup, "utf8").trim().split("\n")).toEqual([
      "stratum,reason,matched_on,kept_dossier_code,kept_row,dropped_dossier_code,dropped_row",
      "S07/DAT_DAI,phone,0912345678,HS002,3,HS001,2",
      'S07/HO_TICH,name-address,"lê văn cường | số 3 hùng vương, thanh khê",HS004,5,HS003,4',
    ]);
  });

  it("lists every bad row with its column in Vietnamese and draws nothing", async () => {
    const r = await sipas("--frame", "tests/fixtures/frames/errors.csv", "--seed", "1");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Danh sách có 6 lỗi, chưa chọn mẫu.");
    expect(r.stderr).toContain("Dòng 3, cột “Loại” (giá trị “Hộ gia đình”): Chỉ nhận “Cá nhân” hoặc “Tổ chức”.");
    expect(r.stderr).toContain("Dòng 3, cột “Ngày trả kết quả” (giá trị “31/02/2025”): Ngày không hợp lệ");
    expect(r.stderr).toContain("Dòng 4, cột “Mã hồ sơ” (giá trị “HS001”): Mã hồ sơ trùng với dòng 2 của cùng đơn vị.");
    expect(r.stderr).toContain("Dòng 5, cột “Mã đơn vị”: Bắt buộc nhập.");
    expect(r.stderr).toContain("Dòng 5, cột “Địa chỉ”: Cần có địa chỉ hoặc số điện thoại để gửi phiếu.");
  });

  it("explains wrong headers, broken files and bad arguments", async () => {
    const wrong = join(dir, "wrong.csv");
    writeFileSync(wrong, "Đơn vị,Hồ sơ\nS07,HS1\n");
    const w = await sipas("--frame", wrong, "--seed", "1");
    expect(w.code).toBe(1);
    expect(w.stderr).toContain("Dòng 1, cột “Mã đơn vị”: Thiếu cột “Mã đơn vị”.");
    const fake = join(dir, "fake.xlsx");
    writeFileSync(fake, "không phải Excel");
    const f = await sipas("--frame", fake, "--seed", "1");
    expect(f.code).toBe(1);
    expect(f.stderr).toMatch(/Lỗi: Tệp “fake\.xlsx” không phải tệp Excel \.xlsx hợp lệ/);
    const u = await sipas("--frame", SMALL);
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/Lỗi: Thiếu tham số --seed\.[\s\S]*Cách dùng/);
    const s = await sipas("--frame", SMALL, "--seed", "a|b");
    expect(s.code).toBe(1);
    expect(s.stderr).toMatch(/không chứa ký tự \|/);
  });
});
