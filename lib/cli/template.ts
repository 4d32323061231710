import { BUILTIN_TEMPLATES, isBuiltinTemplateKey } from "@/lib/sipas/templates";

const USAGE = `Cách dùng: npm run sipas -- template <${Object.keys(BUILTIN_TEMPLATES).join("|")}>

In mẫu phiếu có sẵn dưới dạng questionnaire.json (định dạng dữ liệu mở, xem docs/open-data.md).`;

/** `npm run sipas -- template classic|short`: prints a built-in questionnaire as questionnaire.json. */
const command = {
  summary: "in mẫu phiếu có sẵn (classic, short) dưới dạng questionnaire.json",
  async run(argv: string[]): Promise<number> {
    const [key, ...rest] = argv;
    if (key === undefined || rest.length > 0 || !isBuiltinTemplateKey(key)) {
      if (key !== undefined && key !== "--help" && key !== "-h") process.stderr.write(`Không có mẫu phiếu "${key}".\n`);
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    process.stdout.write(JSON.stringify(BUILTIN_TEMPLATES[key], null, 2) + "\n");
    return 0;
  },
};
export default command;
