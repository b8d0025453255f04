/**
 * A clickable URI link over a line of text that PDF/A-2b accepts (ISO 19005-2 6.3.2: every
 * annotation but a popup carries /F with the Print flag set). jspdf's own links leave /F out, so
 * the annotation is written as an object of its own and referenced from the page's /Annots.
 */
import type { jsPDF } from 'jspdf';

/** The parts of jspdf's internal API a link needs (present in every jspdf 2.x and 3.x). */
interface LinkInternals {
  scaleFactor: number;
  getFontSize(): number;
  getCoordinateString(value: number): string;
  getVerticalCoordinateString(value: number): string;
  newAdditionalObject(): { objId: number; content: string };
  getCurrentPageInfo(): { pageContext: { annotations: unknown[] } };
}

/** A PDF literal string's body: backslash and parentheses escaped, nothing else outside ASCII. */
function pdfString(text: string): string {
  return text.replace(/[\\()]/g, (char) => `\\${char}`).replace(/[^\x20-\x7e]/g, (char) => encodeURIComponent(char));
}

/** Write `text` at (x, y) (mm, baseline) and make it a link to `url`, printable as PDF/A asks. */
export function textWithPrintableLink(doc: jsPDF, text: string, x: number, y: number, url: string): void {
  doc.text(text, x, y);
  const internal = doc.internal as unknown as LinkInternals;
  const size = internal.getFontSize() / internal.scaleFactor; // font size in mm
  const width = doc.getTextWidth(text);
  const rect = [
    internal.getCoordinateString(x),
    internal.getVerticalCoordinateString(y + size * 0.25),
    internal.getCoordinateString(x + width),
    internal.getVerticalCoordinateString(y - size * 0.85),
  ].join(' ');
  const content = `<</Type /Annot /Subtype /Link /F 4 /Rect [${rect}] /Border [0 0 0] /A <</S /URI /URI (${pdfString(url)})>> >>`;
  // jspdf numbers objects afresh each time it writes the file, so the object is made while the
  // page is written (when /Annots asks for its number), as jspdf's own text notes are.
  const object = {
    get objId(): number {
      const made = internal.newAdditionalObject();
      made.content = content; // /F 4: Print; /Border [0 0 0]: no frame around the text
      return made.objId;
    },
  };
  internal.getCurrentPageInfo().pageContext.annotations.push({ type: 'reference', object });
}
