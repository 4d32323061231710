import type { ImportEvent } from "@/lib/frames/upload-stream";
import { framesText as t } from "@/lib/i18n/frames";

/** Splits a growing NDJSON text into events; returns how much of it was consumed. */
export function takeEvents(text: string, from: number, onEvent: (e: ImportEvent) => void): number {
  let at = from;
  for (;;) {
    const nl = text.indexOf("\n", at);
    if (nl < 0) return at;
    const line = text.slice(at, nl).trim();
    at = nl + 1;
    if (line) onEvent(JSON.parse(line) as ImportEvent);
  }
}

/** The message of a refused request (the guard's JSON), or a generic one. */
export function errorOf(status: number, body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown };
    if (typeof parsed.error === "string") return parsed.error;
  } catch {
    // not JSON: a proxy or network error page
  }
  return status === 0 ? t.uploadFailed : `${t.uploadFailed} (HTTP ${status})`;
}

/** Uploads a file with progress (XMLHttpRequest: fetch cannot report upload progress). */
export function uploadWithProgress(
  url: string,
  file: File,
  on: { upload: (pct: number) => void; event: (e: ImportEvent) => void },
): Promise<void> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let consumed = 0;
    xhr.open("POST", url);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) on.upload(Math.round((e.loaded / e.total) * 100));
    });
    const drain = () => {
      if (xhr.status >= 200 && xhr.status < 300) consumed = takeEvents(xhr.responseText, consumed, on.event);
    };
    xhr.addEventListener("progress", drain);
    xhr.addEventListener("load", () => {
      if (xhr.status >= 200 && xhr.status < 300) drain();
      else on.event({ type: "error", error: errorOf(xhr.status, xhr.responseText) });
      resolve();
    });
    xhr.addEventListener("error", () => {
      on.event({ type: "error", error: t.uploadFailed });
      resolve();
    });
    xhr.send(file);
  });
}

/** Posts JSON and reads the NDJSON answer as it streams. */
export async function postForEvents(url: string, body: unknown, onEvent: (e: ImportEvent) => void): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    onEvent({ type: "error", error: t.uploadFailed });
    return;
  }
  if (!res.ok || !res.body) {
    onEvent({ type: "error", error: errorOf(res.status, await res.text()) });
    return;
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  let consumed = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += value;
    consumed = takeEvents(text, consumed, onEvent);
  }
}
