import QRCode from "qrcode";

/**
 * Draws a QR code as vector squares rather than an embedded PNG: crisp at any
 * printer resolution, and a few hundred bytes per form instead of an image.
 * Error correction M (15%) survives a stamp or a fold across the code.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const quiet = 2; // modules of white border inside `size`; the box around it adds the rest
  const n = modules.size;
  const cell = size / (n + 2 * quiet);
  doc.save();
  doc.rect(x, y, size, size).fill("#ffffff");
  doc.fillColor("#000000");
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      // Runs of dark modules become one rectangle; a hair of overlap avoids white seams.
      doc.rect(x + (quiet + start) * cell, y + (quiet + row) * cell, (col - start) * cell + 0.05, cell + 0.05);
    }
  }
  doc.fill();
  doc.restore();
}
