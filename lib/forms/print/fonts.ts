import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * Fonts for the printed questionnaire. PDFKit's built-in Helvetica/Times use
 * WinAnsi encoding and cannot show Vietnamese (ơ, ư, đ, ệ…), so a TrueType/OpenType
 * font with full Vietnamese coverage is embedded (subset) in every PDF.
 *
 * Order of preference:
 *  1. an explicit set passed by the caller;
 *  2. the npm package `@expo-google-fonts/noto-serif` (Noto Serif, SIL OFL 1.1): a
 *     Times-like face, as Vietnamese administrative documents are set in Times;
 *  3. the npm package `dejavu-fonts-ttf` (DejaVu Serif);
 *  4. DejaVu Serif from the Debian package fonts-dejavu-core / -extra.
 */
export type TPdfFonts = {
  regular: string;
  bold: string;
  /** Falls back to `regular` when the family has no italic. */
  italic?: string;
};

type Candidate = { source: string; pkg?: string; dir: string; regular: string; bold: string; italic?: string };

const CANDIDATES: readonly Candidate[] = [
  {
    source: "@expo-google-fonts/noto-serif",
    pkg: "@expo-google-fonts/noto-serif",
    dir: "",
    regular: "400Regular/NotoSerif_400Regular.ttf",
    bold: "700Bold/NotoSerif_700Bold.ttf",
    italic: "400Regular_Italic/NotoSerif_400Regular_Italic.ttf",
  },
  {
    source: "dejavu-fonts-ttf",
    pkg: "dejavu-fonts-ttf",
    dir: "ttf",
    regular: "DejaVuSerif.ttf",
    bold: "DejaVuSerif-Bold.ttf",
    italic: "DejaVuSerif-Italic.ttf",
  },
  {
    source: "fonts-dejavu (Debian)",
    dir: "/usr/share/fonts/truetype/dejavu",
    regular: "DejaVuSerif.ttf",
    bold: "DejaVuSerif-Bold.ttf",
    italic: "DejaVuSerif-Italic.ttf",
  },
];

function packageDir(pkg: string): string | null {
  try {
    const req = createRequire(path.join(process.cwd(), "package.json"));
    return path.dirname(req.resolve(`${pkg}/package.json`));
  } catch {
    const guess = path.join(process.cwd(), "node_modules", pkg);
    return existsSync(guess) ? guess : null;
  }
}

function fromCandidate(c: Candidate): TPdfFonts | null {
  const base = c.pkg === undefined ? c.dir : packageDir(c.pkg);
  if (base === null) return null;
  const root = c.pkg === undefined ? base : path.join(base, c.dir);
  const regular = path.join(root, c.regular);
  const bold = path.join(root, c.bold);
  if (!existsSync(regular) || !existsSync(bold)) return null;
  const italic = c.italic === undefined ? undefined : path.join(root, c.italic);
  return { regular, bold, italic: italic !== undefined && existsSync(italic) ? italic : undefined };
}

export class PdfFontMissingError extends Error {
  constructor() {
    super(
      "Không tìm thấy phông chữ tiếng Việt để in phiếu. Cần cài gói npm @expo-google-fonts/noto-serif " +
        "(hoặc dejavu-fonts-ttf, hoặc gói Debian fonts-dejavu-core).",
    );
    this.name = "PdfFontMissingError";
  }
}

/** Every installed font set, most preferred first, with where it came from. */
export function availablePdfFonts(): { source: string; fonts: TPdfFonts }[] {
  return CANDIDATES.flatMap((c) => {
    const fonts = fromCandidate(c);
    return fonts === null ? [] : [{ source: c.source, fonts }];
  });
}

/** The preferred installed font set, or null when there is none. */
export function findPdfFonts(): { source: string; fonts: TPdfFonts } | null {
  return availablePdfFonts()[0] ?? null;
}

/** The fonts to embed; throws PdfFontMissingError when none is installed. */
export function resolvePdfFonts(explicit?: TPdfFonts): TPdfFonts {
  if (explicit !== undefined) return explicit;
  const found = findPdfFonts();
  if (found === null) throw new PdfFontMissingError();
  return found.fonts;
}
