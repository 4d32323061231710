const TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;

/**
 * Headers of a file download. The name may hold Vietnamese letters: an ASCII fallback in
 * `filename` and the UTF-8 name in `filename*` (RFC 6266), so every browser saves it well.
 */
export function attachment(name: string, type: keyof typeof TYPES): Record<string, string> {
  const ascii = name.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").replace(/[^\w.-]+/g, "-");
  return {
    "Content-Type": TYPES[type],
    "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    "Cache-Control": "no-store",
  };
}
