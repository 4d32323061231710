import { createRequire, Module } from "node:module";
import { dirname, join, sep } from "node:path";
import type ExcelJSModule from "exceljs";

/**
 * exceljs 4.4's XML reader (lib/utils/parse-sax.js) decodes each chunk of a zip entry on its
 * own (`new TextDecoder().decode(chunk)` without `{ stream: true }`), so a Vietnamese letter
 * whose UTF-8 bytes straddle two chunks becomes two U+FFFD characters: in a large .xlsx,
 * "Cá nhân" can come out as "Cá nh��n" somewhere past the first few thousand rows. The fix
 * below is the same parser with one streaming decoder per entry. It is installed in Node's
 * module cache in place of exceljs's own before exceljs is (re)loaded, so every consumer of
 * parse-sax inside exceljs gets it whatever was loaded before.
 */

type SaxEvent = { eventType: "opentag" | "text" | "closetag"; value: unknown };
type Saxes = { on: (e: string, f: (v: unknown) => void) => void; write: (s: string) => void };

let patched: typeof ExcelJSModule | null = null;

export function excelForReading(): typeof ExcelJSModule {
  if (patched) return patched;
  // Resolved at run time from the application's folder, so bundlers leave it to Node.
  const req = createRequire(join(process.cwd(), "package.json"));
  const parseSaxPath = req.resolve("exceljs/lib/utils/parse-sax");
  const root = dirname(dirname(dirname(parseSaxPath)));
  const fromExcel = createRequire(parseSaxPath);
  const { SaxesParser } = fromExcel("saxes") as { SaxesParser: new () => Saxes };
  const { PassThrough } = fromExcel("readable-stream") as { PassThrough: new () => NodeJS.ReadWriteStream };

  async function* parseSax(input: AsyncIterable<Uint8Array | string> & { pipe?: unknown }): AsyncGenerator<SaxEvent[]> {
    let iterable: AsyncIterable<Uint8Array | string> = input;
    if (typeof input.pipe === "function" && !(Symbol.asyncIterator in input)) {
      iterable = (input as unknown as NodeJS.ReadableStream).pipe(new PassThrough()) as unknown as AsyncIterable<Uint8Array>;
    }
    const decoder = new TextDecoder("utf-8");
    const parser = new SaxesParser();
    let error: unknown = null;
    let events: SaxEvent[] = [];
    parser.on("error", (e) => (error = e));
    parser.on("opentag", (value) => events.push({ eventType: "opentag", value }));
    parser.on("text", (value) => events.push({ eventType: "text", value }));
    parser.on("closetag", (value) => events.push({ eventType: "closetag", value }));
    for await (const chunk of iterable) {
      parser.write(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
      if (error) throw error;
      yield events;
      events = [];
    }
    const rest = decoder.decode();
    if (rest) {
      parser.write(rest);
      if (error) throw error;
      yield events;
    }
  }

  // Forget exceljs's own modules (not its dependencies), install the fixed parser, reload.
  for (const key of Object.keys(req.cache)) {
    if (key.startsWith(root + sep) && !key.slice(root.length + 1).startsWith(`node_modules${sep}`)) delete req.cache[key];
  }
  const m = new Module(parseSaxPath);
  m.filename = parseSaxPath;
  m.loaded = true;
  m.exports = parseSax;
  req.cache[parseSaxPath] = m;
  patched = req("exceljs") as typeof ExcelJSModule;
  return patched;
}
