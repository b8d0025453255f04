/** Page geometry and small drawing helpers shared by the statement's parts (A4, millimetres). */
import type { jsPDF } from 'jspdf';
import { lineCaps, wrapText } from './wrap-text.js';
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

/** Wrap `text` into at most `maxLines` lines of `width` at the current font (bounded cost, see wrap-text.ts). */
export function wrap(doc: jsPDF, text: string, width: number, maxLines: number = lineCaps.text): string[] {
  return wrapText((part) => doc.splitTextToSize(part, width) as string[], (part) => doc.getTextWidth(part), text, width, maxLines);
}

/** Distance between the baselines of wrapped lines at `size` points. */
export function lineHeight(size: number): number {
  return size * mmPerPt * 1.2;
}

/**
 * Write `lines` from the current baseline down, `step` apart, starting at `x` (the right edge for
 * `align: 'right'`); returns the baseline of the last line without moving the pen.
 */
export function writeLines(pen: Pen, lines: readonly string[], x: number, step: number, align: 'left' | 'right' = 'left'): number {
  lines.forEach((line, index) => {
    pen.doc.text(line, x, pen.y + index * step, align === 'right' ? { align: 'right' } : undefined);
  });
  return pen.y + Math.max(0, lines.length - 1) * step;
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
  const lines = wrap(pen.doc, text, width);
  const height = lineHeight(size) * 1.125;
  for (const line of lines) {
    ensureRoom(pen, height);
    pen.doc.text(line, x, pen.y);
    pen.y += height;
  }
}
