/**
 * `npm run sipas -- <command> [...]`: the command line for statisticians and
 * monitors. Each command lives in lib/cli/<command>.ts and runs the same code as the app.
 */
type Command = { summary: string; run: (argv: string[]) => Promise<number> };

const commands: Record<string, () => Promise<Command>> = {
  template: async () => (await import("../lib/cli/template")).default,
  indices: async () => (await import("../lib/cli/indices")).default,
  "export-open-data": async () => (await import("../lib/cli/export-open-data")).default,
  "audit-verify": async () => (await import("../lib/cli/audit-verify")).default,
  sample: async () => (await import("../lib/cli/sample")).default,
};

async function main(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  const load = name ? commands[name] : undefined;
  if (!load) {
    const lines = await Promise.all(
      Object.entries(commands).map(async ([n, l]) => `  ${n.padEnd(14)} ${(await l()).summary}`),
    );
    process.stderr.write(`Cách dùng: npm run sipas -- <lệnh> [tham số]\n\nCác lệnh:\n${lines.join("\n")}\n`);
    return name ? 2 : 0;
  }
  return (await load()).run(rest);
}

// Exit only once stdout is flushed: into a pipe the writes are asynchronous, and exiting
// at once cut a large JSON output short.
const exitAfterFlush = (code: number) => process.stdout.write("", () => process.exit(code));

main().then(
  (code) => exitAfterFlush(code),
  (err: unknown) => {
    process.stderr.write(`Lỗi: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
