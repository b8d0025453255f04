/**
 * Drawing the EPC069-12 QR code as vector squares: sharp at any zoom or print resolution, and a
 * few hundred bytes. Error correction level M, as the EPC guidelines require.
 */
import type { jsPDF } from 'jspdf';
import QRCode from 'qrcode';

/** The page-content writer jspdf has at runtime (not in its published types). */
interface ContentWriter {
  write(operators: string): void;
}

/** Draw the QR code of `payload` with its top-left corner at (x, y) mm, `size` mm wide including the quiet zone. */
export function drawQrCode(doc: jsPDF, payload: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const quiet = 4;
  const unit = size / (count + quiet * 2);
  const k = doc.internal.scaleFactor;
  const pageHeight = doc.internal.pageSize.getHeight();
  const pt = (value: number) => (value * k).toFixed(2);
  // One filled path of rectangles: runs of dark modules on a row are one rectangle each, written
  // as raw operators, which is both smaller and far faster than one rect() call per run.
  const operators: string[] = ['q', '0 g'];
  for (let row = 0; row < count; row += 1) {
    let start = -1;
    for (let column = 0; column <= count; column += 1) {
      const dark = column < count && Boolean(modules.get(row, column));
      if (dark && start < 0) start = column;
      if (!dark && start >= 0) {
        const left = x + (quiet + start) * unit;
        const top = y + (quiet + row) * unit;
        operators.push(`${pt(left)} ${pt(pageHeight - top)} ${pt((column - start) * unit)} ${pt(-unit)} re`);
        start = -1;
      }
    }
  }
  operators.push('f', 'Q');
  (doc.internal as unknown as ContentWriter).write(operators.join('\n'));
}
