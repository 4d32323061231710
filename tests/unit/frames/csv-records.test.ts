import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { CsvSyntaxError, csvRecords } from "@/lib/frames/csv-records";

async function records(text: string, chunk = 7, delimiter = ","): Promise<string[][]> {
  async function* pieces() {
    for (let i = 0; i < text.length; i += chunk) yield text.slice(i, i + chunk);
  }
  const out: string[][] = [];
  for await (const r of csvRecords(pieces(), delimiter, 1_000_000)) out.push(r);
  return out;
}

describe("streaming CSV records", () => {
  it("reads quoted fields, doubled quotes, line breaks in cells, CRLF cut between chunks", async () => {
    const text = 'a,b,c\r\n"Số 1, Trần Phú","Công ty ""ABC""","dòng 1\ndòng 2"\r\nx,,\r\n';
    for (const chunk of [1, 2, 3, 5, 1000]) {
      expect(await records(text, chunk)).toEqual([["a", "b", "c"], ["Số 1, Trần Phú", 'Công ty "ABC"', "dòng 1\ndòng 2"], ["x", "", ""]]);
    }
  });

  it("keeps a quote typed inside an unquoted cell; an empty line is one empty field; no trailing newline needed", async () => {
    expect(await records('Công ty "Ánh Dương",1\n\n;x;\nlast', 3)).toEqual([['Công ty "Ánh Dương"', "1"], [""], [";x;"], ["last"]]);
    expect(await records("a;b\n1;2", 2, ";")).toEqual([["a", "b"], ["1", "2"]]);
    expect(await records("a\tb\n1\t2\n", 2, "\t")).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("reports an unclosed quote and garbage after a closing quote with the line", async () => {
    await expect(records('h\nS07,"HS002,An\nS07,HS003\n')).rejects.toMatchObject({ kind: "quote", line: 2 });
    await expect(records('h\n"ab"c,d\n')).rejects.toBeInstanceOf(CsvSyntaxError);
  });

  it("refuses a record longer than the limit", async () => {
    async function* big() {
      for (let i = 0; i < 100; i++) yield "x".repeat(10_000);
    }
    const read = async () => {
      for await (const _ of csvRecords(big(), ",", 50_000)) void _;
    };
    await expect(read()).rejects.toMatchObject({ kind: "too-big" });
  });

  it("agrees with csv-parse on well-formed files, whatever the chunk size", async () => {
    const cell = fc.oneof(fc.constantFrom("", "Nguyễn Văn An", "a,b", 'he said "hi"', "dòng\nmới", "x\r\ny", "  "), fc.string({ maxLength: 6 }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 20 }), async (rows, chunk) => {
        const q = (s: string) => (/[",\r\n]/.test(s) || s === "" ? `"${s.replace(/"/g, '""')}"` : s);
        const text = rows.map((r) => r.map(q).join(",")).join("\r\n") + "\r\n";
        expect(await records(text, chunk)).toEqual(parse(text, { relax_column_count: true }) as string[][]);
      }),
      { numRuns: 300 },
    );
  });
});
