/**
 * The statement PDF (A4): letterhead and envelope window (./letterhead.ts), title, the items table,
 * totals, the new payment deadline, the RF reference and, for EUR with a valid IBAN, bank details
 * with the SEPA QR code. Text is real text in an embedded Unicode font, so Greek and Cyrillic can
 * be searched and copied.
 */
import { createHash } from 'node:crypto';
import { jsPDF } from 'jspdf';
import type { AmountKind, StatementModel } from '../../core/statement.js';
import { introFor, titleFor, type Labels } from '../../core/templates/labels.js';
import { capLength, lineCaps } from './wrap-text.js';
import { registerFonts, type StatementFonts } from './fonts.js';
import { drawActivityTable, drawCasesTable, drawItemsTable } from './items-table.js';
import { ensureRoom, font, lineHeight, page, paragraph, wrap, writeLines, type Pen } from './layout.js';
import { drawQrCode } from './sepa-qr.js';
import { textWithPrintableLink } from './link-annotation.js';
import { installNativeDeflate } from './native-deflate.js';
import { installRightToLeftGate } from './right-to-left-passes.js';
import { installFontProgramHandOver } from './font-program.js';
import { letterhead, type LogoImage } from './letterhead.js';
import { beginArchival, finishArchival } from './archival.js';

export type { LogoImage } from './letterhead.js';

/** What the renderer needs besides the model. */
export interface PdfAssets {
  fonts: StatementFonts;
  logo?: LogoImage | null;
}

/** Render the statement of `model` with `labels`; the same input always gives the same bytes. */
export function renderStatementPdf(model: StatementModel, labels: Labels, assets: PdfAssets): Uint8Array {
  const title = titleFor(labels, model.template, model.earlier !== null);
  const doc = startDocument(`${model.key}|${model.asOf}`, model.asOf, { title: `${title} ${model.customer.code}`, author: model.company.name, language: model.language }, assets.fonts);
  drawStatement(doc, model, labels, assets);
  return finishDocument(doc, assets.fonts);
}

/** One letter of a combined print file: its model and the labels of its language. */
export interface LetterPages {
  model: StatementModel;
  labels: Labels;
}

/**
 * The letters of one run in one PDF, each starting on a new page with its own page numbers
 * (docs/reference/messages.md §4.3): printed at once, each letter folds as it would alone.
 */
export function renderLettersPdf(letters: readonly LetterPages[], assets: PdfAssets, name: { asOf: string; title: string; author: string }): Uint8Array {
  // One /Lang for the file: the first letter's (a run's letters are mostly in one language).
  const language = letters[0]?.model.language ?? 'en';
  const doc = startDocument(`letters|${name.asOf}|${letters.map((letter) => letter.model.key).join('|')}`, name.asOf, { title: name.title, author: name.author, language }, assets.fonts);
  letters.forEach((letter, index) => {
    if (index > 0) doc.addPage('a4', 'portrait');
    drawStatement(doc, letter.model, letter.labels, assets);
  });
  return finishDocument(doc, assets.fonts);
}

/** A new A4 PDF/A document with fixed dates and file id (from `id`), its identity and fonts. */
function startDocument(id: string, asOf: string, identity: { title: string; author: string; language: string }, fonts: StatementFonts): jsPDF {
  installNativeDeflate();
  installRightToLeftGate();
  installFontProgramHandOver();
  // Only the fonts text is written in: jspdf's standard fonts would be unembedded (PDF/A, archival.ts).
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true, putOnlyUsedFonts: true });
  // Fixed dates and file id: a preview and the message sent later carry identical PDFs.
  doc.setFileId(createHash('sha256').update(id).digest('hex').slice(0, 32).toUpperCase());
  // Metadata is shown in one line by viewers: a field long enough to bloat the file is cut.
  const metadata = (text: string): string => capLength(text, 200);
  beginArchival(doc, {
    title: metadata(identity.title), author: metadata(identity.author), creator: 'duedesk',
    language: identity.language, created: new Date(`${asOf}T00:00:00Z`),
  });
  registerFonts(doc, fonts);
  return doc;
}

/** The finished document's bytes, its fonts named as the subsets they are. */
function finishDocument(doc: jsPDF, fonts: StatementFonts): Uint8Array {
  finishArchival(doc, fonts.family, ['normal', 'bold']);
  return new Uint8Array(doc.output('arraybuffer'));
}

/** Draw one statement from the current page on, its footers numbering its own pages. */
function drawStatement(doc: jsPDF, model: StatementModel, labels: Labels, assets: PdfAssets): void {
  const firstPage = doc.getNumberOfPages();
  const title = titleFor(labels, model.template, model.earlier !== null);
  const pen: Pen = { doc, fonts: assets.fonts, y: page.top };

  letterhead(pen, model, labels, assets.logo ?? null);
  font(pen, 'bold', 16);
  pen.y = writeLines(pen, wrap(pen.doc, title, page.right - page.left, lineCaps.label), page.left, lineHeight(16)) + 8;
  paragraph(pen, introFor(labels, model.template), 9.5);
  // A printed letter is the reminder itself for a customer without e-mail: it cites the same record.
  if (model.earlier) paragraph(pen, (model.earlier.count === 1 ? labels.earlierReminder : labels.earlierReminders).replace('{dates}', model.earlier.dates), 9.5);
  pen.y += 2;
  if (model.activity) {
    // The movements replace the items list: the closing balance already accounts for every item.
    font(pen, 'bold', 10);
    pen.y = writeLines(pen, wrap(pen.doc, `${labels.period}: ${model.activity.from} – ${model.activity.to}`, page.right - page.left, lineCaps.label), page.left, lineHeight(10));
    pen.y += 6;
    drawActivityTable(pen, model.activity, labels, title);
  } else {
    if (model.cases.length > 0) drawCasesTable(pen, model, labels, title);
    if (model.rows.length > 0 || model.cases.length === 0) drawItemsTable(pen, model, labels, title);
  }
  totals(pen, model, labels);
  payment(pen, model, labels);
  footers(doc, model, labels, assets.fonts, firstPage);
}

/** The amounts block: the model's amount lines, exactly those the e-mail lists, in the same order. */
function totals(pen: Pen, model: StatementModel, labels: Labels): void {
  const { doc } = pen;
  const labelX = page.right - 40;
  const labelOf: Record<AmountKind, string> = {
    outstanding: labels.totalOpen,
    notYetDue: labels.notYetDue,
    unapplied: labels.paymentsOnAccount,
    fee: labels.fee,
    interest: labels.interest,
    due: model.kind === 'statement' ? labels.dueNow : labels.totalDue,
  };
  for (const total of model.totals) {
    ensureRoom(pen, total.lines.length * 5.5 + 2);
    for (const line of total.lines) {
      const strong = line.kind === 'due';
      const size = strong ? 10.5 : 9.5;
      font(pen, strong ? 'bold' : 'normal', size);
      const label = line.kind === 'outstanding' ? `${labelOf.outstanding} (${total.currency})` : labelOf[line.kind];
      const labelLines = wrap(doc, label, labelX - 4 - page.left, lineCaps.label);
      ensureRoom(pen, 5.5 + (labelLines.length - 1) * lineHeight(size));
      // Label before amount in the content stream, so extracted text reads "Total due €199.00".
      const last = writeLines(pen, labelLines, labelX - 4, lineHeight(size), 'right');
      doc.text(line.amount, page.right, pen.y, { align: 'right' });
      pen.y = last + 5.5;
    }
    pen.y += 2;
  }
}

function payment(pen: Pen, model: StatementModel, labels: Labels): void {
  const { doc } = pen;
  const width = page.right - page.left;
  font(pen, 'bold', 11);
  const deadline = wrap(doc, `${labels.deadline}: ${model.deadline}`, width, lineCaps.label);
  // The reference follows its label on one line when both fit, else it starts a line of its own.
  font(pen, 'normal', 10);
  const referenceLabel = `${labels.reference}: `;
  const labelWidth = doc.getTextWidth(referenceLabel);
  font(pen, 'bold', 10);
  const together = labelWidth + doc.getTextWidth(model.reference) <= width;
  const reference = wrap(doc, model.reference, width, lineCaps.cell);
  font(pen, 'normal', 10);
  const referenceLabels = together ? [referenceLabel] : wrap(doc, referenceLabel, width, lineCaps.label);
  const referenceLines = together ? reference.length : referenceLabels.length + reference.length;
  // The bank details are kept on the page of the deadline they explain.
  const bankRoom = model.bank ? 42 : 0;
  ensureRoom(pen, 16 + (deadline.length - 1) * lineHeight(11) + (referenceLines - 1) * lineHeight(10) + bankRoom);
  pen.y += 3;
  font(pen, 'bold', 11);
  pen.y = writeLines(pen, deadline, page.left, lineHeight(11)) + 6;
  font(pen, 'normal', 10);
  pen.y = writeLines(pen, referenceLabels, page.left, lineHeight(10));
  if (!together) pen.y += lineHeight(10);
  font(pen, 'bold', 10);
  pen.y = writeLines(pen, reference, together ? page.left + labelWidth : page.left, lineHeight(10)) + 8;
  if (model.bank) bankDetails(pen, model, model.bank, labels);
  else if (model.payUrl !== null) payLinkLine(pen, model.payUrl, labels);
}

/** The pay link's lines at `x`, each a link to it (docs/reference/settings.md §3.11). */
function writeLinkLines(pen: Pen, lines: readonly string[], url: string, x: number, step: number): void {
  lines.forEach((line, index) => {
    textWithPrintableLink(pen.doc, line, x, pen.y + index * step, url);
  });
}

/** Without bank details, the pay link on its own line below the reference. */
function payLinkLine(pen: Pen, url: string, labels: Labels): void {
  const { doc } = pen;
  font(pen, 'normal', 10);
  const label = wrap(doc, labels.payOnline, page.right - page.left, lineCaps.label);
  pen.y = writeLines(pen, label, page.left, lineHeight(10)) + lineHeight(10);
  font(pen, 'bold', 9);
  const lines = wrap(doc, url, page.right - page.left, lineCaps.text);
  doc.setTextColor(26, 95, 180);
  writeLinkLines(pen, lines, url, page.left, lineHeight(9));
  doc.setTextColor(0, 0, 0);
  pen.y += lines.length * lineHeight(9) + 6;
}

/** The framed bank details beside the SEPA QR code (when there is one). */
function bankDetails(pen: Pen, model: StatementModel, bank: NonNullable<StatementModel['bank']>, labels: Labels): void {
  const { doc } = pen;
  const qrSize = 36;
  const textWidth = page.right - qrSize - 10 - page.left;
  font(pen, 'bold', 10);
  const title = wrap(doc, labels.bankDetails, textWidth, lineCaps.label);
  font(pen, 'normal', 9);
  const rows: Array<[string, string]> = [[labels.beneficiary, bank.name], [labels.iban, bank.iban]];
  if (bank.bic) rows.push([labels.bic, bank.bic]);
  rows.push([labels.reference, model.reference]);
  // The pay link sits among the bank details, beside the QR code, printed whole and clickable.
  const linkRow = model.payUrl === null ? -1 : rows.push([labels.payOnline, model.payUrl]) - 1;
  const labelLines = rows.map(([label]) => wrap(doc, label, 50, lineCaps.label));
  const valueX = page.left + 8 + Math.max(...labelLines.flat().map((line) => doc.getTextWidth(line)));
  const valueWidth = page.right - qrSize - 6 - valueX;
  font(pen, 'bold', 9);
  const valueLines = rows.map(([, value], index) => wrap(doc, value, valueWidth, index === linkRow ? lineCaps.text : lineCaps.name));
  font(pen, 'normal', 7.5);
  const hint = model.qrPayload ? wrap(doc, labels.qrHint, textWidth, lineCaps.label) : [];
  const rowLines = rows.map((_, index) => Math.max(labelLines[index]?.length ?? 1, valueLines[index]?.length ?? 1));
  const textHeight = 7 + (title.length - 1) * lineHeight(10) + 6
    + rowLines.reduce((sum, count) => sum + 5 + (count - 1) * lineHeight(9), 0) + hint.length * lineHeight(7.5);
  // The frame is as tall as the QR code, or as the text when that is taller (long names wrap).
  const height = Math.max(model.qrPayload ? qrSize + 4 : 0, textHeight);
  ensureRoom(pen, height + 6);

  const top = pen.y;
  doc.setDrawColor(190, 196, 205);
  pen.y = top + 7;
  font(pen, 'bold', 10);
  pen.y = writeLines(pen, title, page.left + 4, lineHeight(10)) + 6;
  rows.forEach((_, index) => {
    font(pen, 'normal', 9);
    writeLines(pen, labelLines[index] ?? [], page.left + 4, lineHeight(9));
    font(pen, 'bold', 9);
    if (index === linkRow && model.payUrl !== null) {
      doc.setTextColor(26, 95, 180);
      writeLinkLines(pen, valueLines[index] ?? [], model.payUrl, valueX, lineHeight(9));
      doc.setTextColor(0, 0, 0);
    } else {
      writeLines(pen, valueLines[index] ?? [], valueX, lineHeight(9));
    }
    pen.y += 5 + ((rowLines[index] ?? 1) - 1) * lineHeight(9);
  });
  if (model.qrPayload) {
    drawQrCode(doc, model.qrPayload, page.right - qrSize - 2, top + 2, qrSize);
    font(pen, 'normal', 7.5);
    doc.setTextColor(90, 90, 90);
    pen.y += 1;
    writeLines(pen, hint, page.left + 4, lineHeight(7.5));
    doc.setTextColor(0, 0, 0);
  }
  doc.roundedRect(page.left, top, page.right - page.left, model.qrPayload ? height : pen.y - top, 2, 2, 'S');
  pen.y = top + (model.qrPayload ? height : pen.y - top) + 6;
}

/**
 * The footer names the customer's code and the payment reference, whole, in at most two lines below
 * the page's text; the company's name (printed whole in the header) leads them when it fits too.
 */
function footerLines(doc: jsPDF, model: StatementModel): string[] {
  const width = page.right - page.left - 40;
  const withCompany = wrap(doc, `${model.company.name} · ${model.customer.code} · ${model.reference}`, width, 3);
  return withCompany.length <= 2 ? withCompany : wrap(doc, `${model.customer.code} · ${model.reference}`, width, 2);
}

function footers(doc: jsPDF, model: StatementModel, labels: Labels, fonts: StatementFonts, firstPage: number): void {
  const last = doc.getNumberOfPages();
  const pages = last - firstPage + 1;
  for (let number = 1; number <= pages; number += 1) {
    doc.setPage(firstPage + number - 1);
    doc.setFont(fonts.family, 'normal');
    doc.setFontSize(7.5);
    doc.setTextColor(110, 110, 110);
    const text = labels.page.replace('{page}', String(number)).replace('{pages}', String(pages));
    const pen: Pen = { doc, fonts, y: page.height - 10 };
    writeLines(pen, footerLines(doc, model), page.left, lineHeight(7.5));
    writeLines(pen, wrap(doc, text, 35, 2), page.right, lineHeight(7.5), 'right');
    doc.setTextColor(0, 0, 0);
  }
}
