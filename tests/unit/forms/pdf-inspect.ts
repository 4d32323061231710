import { inflateSync } from "node:zlib";

/**
 * A tiny reader for the PDFs PDFKit writes (plain objects, no object streams),
 * enough for tests to check pages, fonts and the text a person would see
 * without poppler: it maps each shown glyph back to Unicode through the font's
 * ToUnicode CMap, exactly as a PDF viewer's copy-and-paste does.
 */

type PdfObject = { dict: string; stream: Buffer | null };

export type PdfSummary = {
  pageCount: number;
  mediaBoxes: string[];
  /** BaseFont names of embedded (FontFile2) fonts. */
  embeddedFonts: string[];
  /** Text of each page, one line per text-showing operation. */
  pageTexts: string[];
  catalog: string;
};

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  const text = pdf.toString("latin1");
  const re = /(\d+) 0 obj\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index + m[0].length;
    const end = text.indexOf("endobj", start);
    const body = text.slice(start, end);
    const s = body.indexOf("stream\n");
    if (s === -1) {
      objects.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, s);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? "0");
    const raw = pdf.subarray(start + s + 7, start + s + 7 + length);
    objects.set(Number(m[1]), { dict, stream: dict.includes("/FlateDecode") ? inflateSync(raw) : raw });
  }
  return objects;
}

const ref = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return m?.[1] === undefined ? null : Number(m[1]);
};

const utf16 = (hex: string): string => Buffer.from(hex, "hex").swap16().toString("utf16le");

function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfrange\n([\s\S]*?)endbfrange/g)) {
    for (const line of (block[1] ?? "").split("\n")) {
      const m = /^<([0-9a-f]+)> <([0-9a-f]+)> (\[.*\]|<[0-9a-f]+>)/i.exec(line);
      if (m === null) continue;
      const lo = parseInt(m[1] ?? "0", 16);
      const hi = parseInt(m[2] ?? "0", 16);
      const dst = m[3] ?? "";
      if (dst.startsWith("[")) {
        [...dst.matchAll(/<([0-9a-f]+)>/gi)].forEach((d, i) => map.set(lo + i, utf16(d[1] ?? "")));
      } else {
        const base = parseInt(dst.slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(base + c - lo));
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar\n([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? "").matchAll(/<([0-9a-f]+)> <([0-9a-f]+)>/gi)) map.set(parseInt(m[1] ?? "0", 16), utf16(m[2] ?? ""));
  }
  return map;
}

function pageText(content: string, fonts: Map<string, Map<number, string>>): string {
  const lines: string[] = [];
  let cmap = new Map<number, string>();
  for (const m of content.matchAll(/\/(F\d+) [\d.]+ Tf|\[(.*?)\] TJ|<([0-9a-f]+)> Tj/gi)) {
    if (m[1] !== undefined) {
      cmap = fonts.get(m[1]) ?? new Map();
      continue;
    }
    const hexes = m[2] !== undefined ? [...m[2].matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1] ?? "") : [m[3] ?? ""];
    let line = "";
    for (const hex of hexes) for (let i = 0; i < hex.length; i += 4) line += cmap.get(parseInt(hex.slice(i, i + 4), 16)) ?? "\uFFFD";
    lines.push(line);
  }
  return lines.join("\n");
}

export function inspectPdf(pdf: Buffer): PdfSummary {
  const objects = readObjects(pdf);
  const get = (n: number | null): PdfObject => {
    const o = n === null ? undefined : objects.get(n);
    if (o === undefined) throw new Error(`PDF object ${n} missing`);
    return o;
  };
  const catalog = [...objects.values()].find((o) => o.dict.includes("/Type /Catalog"))?.dict ?? "";
  const pagesDict = get(ref(catalog, "Pages")).dict;
  const kids = [...(/\/Kids \[([^\]]*)\]/.exec(pagesDict)?.[1] ?? "").matchAll(/(\d+) 0 R/g)].map((k) => Number(k[1]));
  const embeddedFonts = [...objects.values()]
    .filter((o) => o.dict.includes("/FontFile2"))
    .map((o) => /\/FontName \/(\S+)/.exec(o.dict)?.[1] ?? "?");
  const pageTexts = kids.map((k) => {
    const page = get(k).dict;
    const resources = get(ref(page, "Resources")).dict;
    const fonts = new Map<string, Map<number, string>>();
    for (const f of resources.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const toUnicode = get(ref(get(Number(f[2])).dict, "ToUnicode")).stream;
      fonts.set(f[1] ?? "", parseToUnicode(toUnicode?.toString("latin1") ?? ""));
    }
    return pageText(get(ref(page, "Contents")).stream?.toString("latin1") ?? "", fonts);
  });
  return {
    pageCount: Number(/\/Count (\d+)/.exec(pagesDict)?.[1] ?? "0"),
    mediaBoxes: kids.map((k) => /\/MediaBox \[([^\]]*)\]/.exec(get(k).dict)?.[1] ?? ""),
    embeddedFonts,
    pageTexts,
    catalog,
  };
}
