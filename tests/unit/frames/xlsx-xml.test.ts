import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { openFrameFile } from "@/lib/frames/reader";
import type { RawRow } from "@/lib/frames/cell";
import { columnIndex, isDateFormat, parseDateStyles, runText, xmlText } from "@/lib/frames/xlsx-xml";
import { makeZip, tempDir, writeText, type ZipEntry } from "./files";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const b = (s: string) => Buffer.from(s, "utf8");
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A workbook as Excel writes it: shared strings, styles, sheets in workbook order (not file order). */
function workbook(opts: { sheets: { name: string; file: string; xml: string }[]; shared?: string; styles?: string; workbookPr?: string }): ZipEntry[] {
  const rels = opts.sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${s.file}"/>`).join("");
  return [
    { name: "[Content_Types].xml", data: b('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    {
      name: "xl/workbook.xml",
      data: b(`<?xml version="1.0"?><workbook ${NS}>${opts.workbookPr ?? ""}<sheets>${opts.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: b(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}` +
          `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
      ),
    },
    ...opts.sheets.map((s) => ({ name: `xl/${s.file}`, data: b(s.xml) })),
    ...(opts.shared ? [{ name: "xl/sharedStrings.xml", data: b(opts.shared) }] : []),
    ...(opts.styles ? [{ name: "xl/styles.xml", data: b(opts.styles) }] : []),
  ];
}

async function rowsOf(entries: ZipEntry[], name = "wb.xlsx"): Promise<{ header: RawRow; rows: RawRow[]; sheetName: string | null; sheetCount: number }> {
  const path = tmp.path(name);
  writeText(path, makeZip(entries));
  const file = await openFrameFile(path);
  const rows: RawRow[] = [];
  for await (const r of file.rows) rows.push(r);
  return { header: { row: file.header.row, cells: file.header.cells }, rows, sheetName: file.report.sheetName, sheetCount: file.report.sheetCount };
}

describe("SpreadsheetML pieces", () => {
  it("decodes entities and _xHHHH_ escapes", () => {
    expect(xmlText("A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos; &#7871; &#x1EBF;")).toBe("A & B <c> \"d\" 'e' ế ế");
    expect(xmlText("dòng 1_x000D_dòng 2")).toBe("dòng 1\rdòng 2");
  });

  it("joins rich-text runs and leaves phonetic runs out", () => {
    expect(runText('<r><rPr><b/></rPr><t>Nguyễn </t></r><r><t xml:space="preserve">Văn An</t></r><rPh sb="0" eb="1"><t>X</t></rPh>')).toBe("Nguyễn Văn An");
  });

  it("column letters", () => {
    expect([columnIndex("A1"), columnIndex("Z9"), columnIndex("AA10"), columnIndex("XFD1048576"), columnIndex("12")]).toEqual([0, 25, 26, 16383, -1]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16383 }), (n) => {
        let s = "";
        for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
        return columnIndex(`${s}7`) === n;
      }),
    );
  });

  it("tells date formats from number formats", () => {
    for (const f of ["dd/mm/yyyy", "d/m/yy", "[$-42A]dd/mm/yyyy", "yyyy-mm-dd hh:mm", "[h]:mm:ss", "mmm yyyy"]) expect(isDateFormat(f), f).toBe(true);
    for (const f of ["0.00", "#,##0", '"Ngày "0', "0%", "@", "General"]) expect(isDateFormat(f), f).toBe(false);
    const styles = '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="3"/></cellXfs></styleSheet>';
    expect(parseDateStyles(styles)).toEqual([false, true, true, false]);
  });
});

describe("xlsx rows as Excel and other producers write them", () => {
  it("shared strings, date styles, booleans, formulas, errors, gaps and cells without references", async () => {
    const shared = '<sst count="3" uniqueCount="3"><si><t>Mã đơn vị</t></si><si><r><t>Nguyễn </t></r><r><t>Văn An</t></r></si><si><t xml:space="preserve"> có khoảng trắng </t></si></sst>';
    const styles = '<styleSheet><numFmts><numFmt numFmtId="170" formatCode="dd/mm/yyyy;@"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="170"/></cellXfs></styleSheet>';
    const sheet =
      `<worksheet ${NS}><sheetData>` +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>B</t></is></c></row>' +
      '<row r="3" spans="1:6"><c r="A3" t="s"><v>1</v></c><c r="C3" s="1"><v>45731</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="str"><f>A3&amp;""</f><v>X &amp; Y</v></c><c r="F3" t="e"><v>#N/A</v></c></row>' +
      '<row><c t="s"><v>2</v></c><c><v>12.5</v></c><c r="D4"/></row>' +
      "</sheetData></worksheet>";
    const { header, rows } = await rowsOf(workbook({ sheets: [{ name: "Trang 1", file: "worksheets/sheet1.xml", xml: sheet }], shared, styles }));
    expect(header).toEqual({ row: 1, cells: ["Mã đơn vị", "B"] });
    expect(rows).toEqual([
      { row: 3, cells: ["Nguyễn Văn An", null, new Date(Date.UTC(2025, 2, 15)), "TRUE", "X & Y", "#N/A"] },
      { row: 4, cells: [" có khoảng trắng ", 12.5] },
    ]);
  });

  it("reads the first sheet of the workbook's order, whatever its file name, with namespace prefixes and 1904 dates", async () => {
    const prefixed = (v: string) => `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>${v}</x:t></x:is></x:c><x:c r="B1" s="1"><x:v>44000</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const styles = "<styleSheet><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>";
    const { header, sheetName, sheetCount } = await rowsOf(
      workbook({
        sheets: [
          { name: "Danh sách", file: "worksheets/sheet2.xml", xml: prefixed("đúng") },
          { name: "Ghi chú", file: "worksheets/sheet1.xml", xml: prefixed("sai") },
        ],
        styles,
        workbookPr: '<workbookPr date1904="1"/>',
      }),
    );
    // 44000 days after 1904-01-01 is 2024-06-19 (the 1900 system would say 2020-06-18).
    expect(header.cells).toEqual(["đúng", "2024-06-19"]);
    expect([sheetName, sheetCount]).toEqual(["Danh sách", 2]);
  });

  it("reads what exceljs writes with shared strings, the same as without", async () => {
    const path = tmp.path("exceljs-shared.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Danh sách");
    ws.addRow(["Mã đơn vị", "Họ tên", "Ngày"]);
    ws.addRow(["S01", "Trần Thị Bình & con", new Date(Date.UTC(2025, 0, 31))]);
    ws.getCell("B3").value = { richText: [{ text: "Lê " }, { font: { bold: true }, text: "Văn Cường" }] };
    await wb.xlsx.writeFile(path);
    const file = await openFrameFile(path);
    const rows: RawRow[] = [];
    for await (const r of file.rows) rows.push(r);
    expect(rows).toEqual([
      { row: 2, cells: ["S01", "Trần Thị Bình & con", new Date(Date.UTC(2025, 0, 31))] },
      { row: 3, cells: [null, "Lê Văn Cường"] },
    ]);
  });

  it("a sheet cut off inside a row is refused", async () => {
    const sheet = `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>`;
    const path = tmp.path("open-row.xlsx");
    writeText(path, makeZip(workbook({ sheets: [{ name: "A", file: "worksheets/sheet1.xml", xml: sheet }] })));
    const file = await openFrameFile(path);
    await expect((async () => {
      for await (const r of file.rows) void r;
    })()).rejects.toThrow(/open-row\.xlsx/);
  });
});
