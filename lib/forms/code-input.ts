import { parseFormCode, type TFormCodeParse } from "./form-code";

/**
 * What a clerk's scanner or a respondent's phone hands us is not always the bare code:
 * the QR code printed on the form holds the online answering address
 * (…/tra-loi/00100042000176), and a handheld scanner types that whole address into the
 * code field. This takes the last path segment of an address, then parses it as a code.
 */
export function parseScannedFormCode(input: string): TFormCodeParse {
  const trimmed = input.trim();
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^\s]+$/i.test(trimmed) ? /\/([^/?#]+)\/?(?:[?#].*)?$/.exec(trimmed) : null;
  return parseFormCode(match?.[1] ? decodeURIComponent(match[1]) : trimmed);
}

/** The digits typed so far (separators dropped), to know when all 14 are in. */
export function digitsOf(input: string): string {
  return input.normalize("NFKC").replace(/\D/g, "");
}
