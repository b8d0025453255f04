/**
 * Drawing the EPC069-12 QR code as vector squares: sharp at any zoom or print resolution, and a
 * few hundred bytes. Error correction level M, as the EPC guidelines require.
 */
import type { jsPDF } from 'jspdf';
import QRCode from 'qrcode';

/** Draw the QR code of `payload` with its top-left corner at (x, y), `size` mm wide including the quiet zone. */
export function drawQrCode(doc: jsPDF, payload: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const quiet = 4;
  const unit = size / (count + quiet * 2);
  doc.setFillColor(0, 0, 0);
  for (let row = 0; row < count; row += 1) {
    // Runs of dark modules on a row become one rectangle: fewer operators, no hairline seams.
    let start = -1;
    for (let column = 0; column <= count; column += 1) {
      const dark = column < count && Boolean(modules.get(row, column));
      if (dark && start < 0) start = column;
      if (!dark && start >= 0) {
        doc.rect(x + (quiet + start) * unit, y + (quiet + row) * unit, (column - start) * unit, unit, 'F');
        start = -1;
      }
    }
  }
}
