/**
 * The little of SpreadsheetML a frame reader needs, scanned with regular expressions
 * over decoded text instead of a general XML parser: workbook (sheet order, 1904 dates),
 * relationships, shared strings, number formats (which cells are dates) and the rows of a
 * worksheet. A general SAX parser plus exceljs's cell model cost about 50 µs a row, most
 * of a million-row import; this costs a few. Producers may prefix element names with a
 * namespace (`<x:row>`): every pattern allows it.
 */

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
/** ECMA-376 escapes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for a carriage return). */
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

/** The text of an XML text node: entities and _xHHHH_ escapes decoded. */
export function xmlText(s: string): string {
  let out = s.indexOf("&") === -1 ? s : s.replace(ENTITY, (_, dec?: string, hex?: string, name?: string) => {
    if (name) return NAMED[name]!;
    const code = dec ? Number(dec) : parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
  if (out.indexOf("_x") !== -1) out = out.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of one start tag's attribute text, names without namespace prefix. */
export function attributes(s: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of s.matchAll(ATTR)) {
    const name = m[1]!;
    const colon = name.indexOf(":");
    out.set(colon === -1 ? name : name.slice(colon + 1), xmlText(m[2] ?? m[3] ?? ""));
  }
  return out;
}

/** Every element `name` (any prefix) as its attributes, in document order. */
export function elements(xml: string, name: string): Map<string, string>[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}(\\s[^>]*?)?\\/?>`, "g");
  return [...xml.matchAll(re)].map((m) => attributes(m[1] ?? ""));
}

/** The concatenated text of the <t> runs inside `xml` (a <si> or an <is>), phonetic runs left out. */
const SINGLE_RUN = /^<t(?:\s[^>]*)?>([^<]*)<\/t>$/;

export function runText(xml: string): string {
  // Most strings are one plain run, most often without attributes (SINGLE_RUN's case).
  if (xml.startsWith("<t>") && xml.endsWith("</t>") && xml.indexOf("<", 3) === xml.length - 4) return xmlText(xml.slice(3, -4));
  const single = SINGLE_RUN.exec(xml);
  if (single) return xmlText(single[1]!);
  const body = xml.indexOf("rPh") === -1 ? xml : xml.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, "");
  let out = "";
  for (const m of body.matchAll(/<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g)) out += m[1]!;
  return xmlText(out);
}

/** The first sheet of a workbook and what to tell the user about the others. */
export type WorkbookInfo = { sheets: { name: string; relId: string }[]; date1904: boolean };

export function parseWorkbook(xml: string): WorkbookInfo {
  const sheets = elements(xml, "sheet").map((a) => ({ name: a.get("name") ?? "", relId: a.get("id") ?? "" }));
  const pr = elements(xml, "workbookPr")[0];
  const d = pr?.get("date1904");
  return { sheets, date1904: d === "1" || d === "true" };
}

/** Relationship id → part path inside the zip, resolved against `base` (e.g. "xl/"). */
export function parseRelationships(xml: string, base: string): Map<string, { target: string; type: string }> {
  const out = new Map<string, { target: string; type: string }>();
  for (const a of elements(xml, "Relationship")) {
    const target = a.get("Target") ?? "";
    const path = target.startsWith("/") ? target.slice(1) : normalisePath(base + target);
    out.set(a.get("Id") ?? "", { target: path, type: a.get("Type") ?? "" });
  }
  return out;
}

function normalisePath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** Built-in number formats that show dates (ECMA-376 §18.8.30, with the East Asian ones). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a custom format code shows a date or time: d, m, y, h or s outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|_.|\*./g, "").replace(/\[(?:h+|m+|s+)\]/gi, "h").replace(/\[[^\]]*\]/g, "");
  return /[dmyhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** For each cell style (the s attribute), whether it formats a number as a date. */
export function parseDateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const a of elements(xml, "numFmt")) custom.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "");
  const cellXfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(xml);
  if (!cellXfs) return [];
  return elements(cellXfs[1]!, "xf").map((a) => {
    const id = Number(a.get("numFmtId") ?? "0");
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id);
  });
}

/** Column letters of a cell reference (B7 → 1), 0-based; -1 if there are none. */
export function columnIndex(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : n - 1;
}
