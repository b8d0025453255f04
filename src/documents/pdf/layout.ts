/** Page geometry and small drawing helpers shared by the statement's parts (A4, millimetres). */
import type { jsPDF } from 'jspdf';
import type { StatementFonts } from './fonts.js';

/** A4 page and margins. */
export const page = { width: 210, height: 297, left: 18, right: 192, top: 16, bottom: 280 } as const;

/** Drawing state passed between the parts of a statement. */
export interface Pen {
  doc: jsPDF;
  fonts: StatementFonts;
  /** Current baseline, moving down the page. */
  y: number;
}

/** Set face and size. */
export function font(pen: Pen, style: 'normal' | 'bold', size: number): void {
  pen.doc.setFont(pen.fonts.family, style);
  pen.doc.setFontSize(size);
}

/** Millimetres per point: line heights are derived from font sizes. */
export const mmPerPt = 25.4 / 72;

/** Cut `text` with an ellipsis so it fits `width` at the current font. */
export function fit(doc: jsPDF, text: string, width: number): string {
  if (doc.getTextWidth(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.getTextWidth(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Start a new page when `height` more millimetres would not fit; returns true if it did. */
export function ensureRoom(pen: Pen, height: number): boolean {
  if (pen.y + height <= page.bottom) return false;
  pen.doc.addPage('a4', 'portrait');
  pen.y = page.top + 4;
  return true;
}

/** Write wrapped text at the left margin (or `x`) and advance. */
export function paragraph(pen: Pen, text: string, size: number, width: number = page.right - page.left, x: number = page.left): void {
  font(pen, 'normal', size);
  const lines = pen.doc.splitTextToSize(text, width) as string[];
  const height = size * mmPerPt * 1.35;
  for (const line of lines) {
    ensureRoom(pen, height);
    pen.doc.text(line, x, pen.y);
    pen.y += height;
  }
}
