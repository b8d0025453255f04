/**
 * The top of the first page of a statement or letter (docs/reference/messages.md §5.1): the
 * envelope window with the sender's return line and the recipient's address and nothing else,
 * the company's letterhead and the date and customer number in the column beside the window, and
 * fold and punch marks in the left margin. Returns with the pen below the window, where the title
 * starts.
 */
import type { StatementModel } from '../../core/statement.js';
import type { Labels } from '../../core/templates/labels.js';
import { font, lineHeight, mmPerPt, page, wrap, writeLines, type Pen } from './layout.js';
import { capLength, lineCaps } from './wrap-text.js';
import { PUNCH_MARK, windowGeometry, type WindowGeometry } from './letter-window.js';

/** A logo image already read from disk. */
export interface LogoImage {
  bytes: Uint8Array;
  format: 'PNG' | 'JPEG';
}

/** Inside the window, text keeps this far from its left and right edges (the envelope may shift). */
const WINDOW_INSET = 5;

/** The column beside the window: the letterhead, date and customer number never enter the window. */
function sideColumn(window: WindowGeometry): { left: number; right: number } {
  return window.left > page.width / 2
    ? { left: page.left, right: window.left - 6 }
    : { left: window.left + window.width + 5, right: page.right };
}

/** Draw the first page's top; the pen ends below the window and the side column. */
export function letterhead(pen: Pen, model: StatementModel, labels: Labels, logo: LogoImage | null): void {
  const window = windowGeometry(model.letterWindow);
  const column = sideColumn(window);
  marks(pen, window);
  const headEnd = companyBlock(pen, model, labels, logo, column);
  windowBlock(pen, model, window);
  const infoEnd = infoBlock(pen, model, labels, column, Math.max(headEnd + 6, window.top + window.returnLine + 4));
  pen.y = Math.max(window.top + window.height, infoEnd) + 9;
}

/** Fold marks at the window form's folds and a punch mark at the middle, in the left margin. */
function marks(pen: Pen, window: WindowGeometry): void {
  const { doc } = pen;
  doc.setDrawColor(120, 120, 120);
  doc.setLineWidth(0.2);
  for (const fold of window.folds) doc.line(4, fold, 8, fold);
  doc.line(4, PUNCH_MARK, 10, PUNCH_MARK);
}

/** The company's name, address and contact details in the side column; returns the last baseline. */
function companyBlock(pen: Pen, model: StatementModel, labels: Labels, logo: LogoImage | null, column: { left: number; right: number }): number {
  const { doc } = pen;
  const width = column.right - column.left;
  pen.y = page.top;
  if (logo) {
    const props = doc.getImageProperties(logo.bytes);
    const height = Math.min(14, (width * props.height) / props.width);
    const logoWidth = (height * props.width) / props.height;
    doc.addImage(logo.bytes, logo.format, column.left, page.top - 4, logoWidth, height);
    pen.y = page.top - 4 + height + 5;
  }
  font(pen, 'bold', 13);
  pen.y = writeLines(pen, wrap(doc, model.company.name, width, lineCaps.name), column.left, lineHeight(13)) + 5;
  font(pen, 'normal', 8);
  const details = [
    ...model.company.addressLines,
    model.company.vatId && `${labels.vatId} ${model.company.vatId}`,
    model.company.phone && `${labels.phone} ${model.company.phone}`,
    model.company.email,
  ].filter(Boolean);
  let y = pen.y;
  for (const line of details.flatMap((detail) => wrap(doc, detail, width, lineCaps.label))) {
    doc.text(line, column.left, y);
    y += 3.6;
  }
  doc.setDrawColor(60, 80, 110);
  doc.setLineWidth(0.4);
  doc.line(column.left, y - 1.5, column.right, y - 1.5);
  doc.setLineWidth(0.2);
  return y;
}

/** The return line on top of the window and the recipient below it: nothing else enters the window. */
function windowBlock(pen: Pen, model: StatementModel, window: WindowGeometry): void {
  const { doc } = pen;
  const x = window.left + WINDOW_INSET;
  const width = window.width - 2 * WINDOW_INSET;
  const sender = [model.company.name, ...model.company.addressLines].filter(Boolean).join(' · ');
  if (sender !== '') {
    // One line on top of the window: a long one is set smaller (down to 5 pt) before it is cut.
    const size = [6.5, 6, 5.5, 5].find((candidate) => {
      font(pen, 'normal', candidate);
      return doc.getTextWidth(capLength(sender, 300)) <= width;
    }) ?? 5;
    font(pen, 'normal', size);
    const [line = ''] = wrap(doc, sender, width, 1);
    doc.text(line, x, window.top + window.returnLine - 1.5);
    doc.setDrawColor(120, 120, 120);
    doc.line(x, window.top + window.returnLine - 0.8, x + Math.min(width, doc.getTextWidth(line)), window.top + window.returnLine - 0.8);
  }
  const lines = addressFit(pen, model, width, window.height - window.returnLine - 2);
  pen.y = window.top + window.returnLine + 1 + lines.size * mmPerPt;
  writeLines(pen, lines.lines, x, lines.step);
}

/**
 * The recipient's lines at the largest size from 10 pt down to 6 pt at which the name is whole and
 * everything fits the address zone (`zone` mm high); at 6 pt what does not fit is cut.
 */
function addressFit(pen: Pen, model: StatementModel, width: number, zone: number): { lines: string[]; size: number; step: number } {
  const { doc } = pen;
  const sizes = [10, 9, 8, 7, 6];
  for (const size of sizes) {
    font(pen, 'normal', size);
    const step = lineHeight(size) * 1.05;
    const fits = Math.floor((zone - size * mmPerPt * 1.25) / step) + 1;
    const rest = [model.customer.contactPerson ?? '', ...model.customer.postalLines].filter(Boolean).flatMap((line) => wrap(doc, line, width, 2));
    const name = wrap(doc, model.customer.name, width, lineCaps.name + 1);
    const whole = name.length <= lineCaps.name;
    if ((whole && name.length + rest.length <= fits) || size === sizes.at(-1)) {
      const nameLines = whole ? name : wrap(doc, model.customer.name, width, lineCaps.name);
      return { lines: [...nameLines, ...rest].slice(0, fits), size, step };
    }
  }
  throw new Error('unreachable: the smallest size always returns');
}

/** Date and customer number in the side column, from `top`; returns the last baseline. */
function infoBlock(pen: Pen, model: StatementModel, labels: Labels, column: { left: number; right: number }, top: number): number {
  const { doc } = pen;
  const width = column.right - column.left;
  pen.y = top;
  font(pen, 'normal', 8);
  pen.y = writeLines(pen, wrap(doc, labels.date, width, lineCaps.label), column.left, lineHeight(8)) + lineHeight(10);
  font(pen, 'normal', 10);
  pen.y = writeLines(pen, wrap(doc, model.date, width, lineCaps.label), column.left, lineHeight(10)) + 6;
  font(pen, 'normal', 9);
  return writeLines(pen, wrap(doc, `${labels.customerCode} ${model.customer.code}`, width, lineCaps.cell), column.left, lineHeight(9));
}
