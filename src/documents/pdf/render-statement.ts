/**
 * The statement PDF (A4): company header, customer block, title and date, the items table,
 * totals, the new payment deadline, the RF reference and, for EUR with a valid IBAN, bank details
 * with the SEPA QR code. Text is real text in an embedded Unicode font, so Greek and Cyrillic can
 * be searched and copied.
 */
import { createHash } from 'node:crypto';
import { jsPDF } from 'jspdf';
import type { AmountKind, StatementModel } from '../../core/statement.js';
import { introFor, titleFor, type Labels } from '../../core/templates/labels.js';
import { capLength } from './fit-text.js';
import { registerFonts, type StatementFonts } from './fonts.js';
import { drawActivityTable, drawCasesTable, drawItemsTable } from './items-table.js';
import { ensureRoom, fit, font, page, paragraph, type Pen } from './layout.js';
import { drawQrCode } from './sepa-qr.js';
import { installNativeDeflate } from './native-deflate.js';
import { installRightToLeftGate } from './right-to-left-passes.js';
import { installFontProgramHandOver } from './font-program.js';

/** A logo image already read from disk. */
export interface LogoImage {
  bytes: Uint8Array;
  format: 'PNG' | 'JPEG';
}

/** What the renderer needs besides the model. */
export interface PdfAssets {
  fonts: StatementFonts;
  logo?: LogoImage | null;
}

/** Render the statement of `model` with `labels`; the same input always gives the same bytes. */
export function renderStatementPdf(model: StatementModel, labels: Labels, assets: PdfAssets): Uint8Array {
  installNativeDeflate();
  installRightToLeftGate();
  installFontProgramHandOver();
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true });
  // Fixed dates and file id: a preview and the message sent later carry identical PDFs.
  doc.setCreationDate(new Date(`${model.asOf}T00:00:00Z`));
  doc.setFileId(createHash('sha256').update(`${model.key}|${model.asOf}`).digest('hex').slice(0, 32).toUpperCase());
  const title = titleFor(labels, model.template);
  // Metadata is shown in one line by viewers: a field long enough to bloat the file is cut.
  const metadata = (text: string): string => capLength(text, 200);
  doc.setDocumentProperties({ title: metadata(`${title} ${model.customer.code}`), author: metadata(model.company.name), creator: 'duedesk' });
  registerFonts(doc, assets.fonts);
  const pen: Pen = { doc, fonts: assets.fonts, y: page.top };

  header(pen, model, labels, assets.logo ?? null);
  addressee(pen, model, labels, title);
  paragraph(pen, introFor(labels, model.template), 9.5);
  pen.y += 2;
  if (model.activity) {
    // The movements replace the items list: the closing balance already accounts for every item.
    font(pen, 'bold', 10);
    pen.doc.text(`${labels.period}: ${model.activity.from} – ${model.activity.to}`, page.left, pen.y);
    pen.y += 6;
    drawActivityTable(pen, model.activity, labels, title);
  } else {
    if (model.cases.length > 0) drawCasesTable(pen, model, labels, title);
    if (model.rows.length > 0 || model.cases.length === 0) drawItemsTable(pen, model, labels, title);
  }
  totals(pen, model, labels);
  payment(pen, model, labels);
  footers(doc, model, labels, assets.fonts.family);
  return new Uint8Array(doc.output('arraybuffer'));
}

function header(pen: Pen, model: StatementModel, labels: Labels, logo: LogoImage | null): void {
  const { doc } = pen;
  let textX = page.left;
  if (logo) {
    const props = doc.getImageProperties(logo.bytes);
    const height = Math.min(18, (40 * props.height) / props.width);
    const width = (height * props.width) / props.height;
    doc.addImage(logo.bytes, logo.format, page.left, page.top - 4, width, height);
    textX = page.left + width + 5;
  }
  font(pen, 'bold', 13);
  doc.text(fit(doc, model.company.name, page.right - textX), textX, pen.y + 1);
  font(pen, 'normal', 8);
  const details = [
    ...model.company.addressLines,
    [model.company.vatId && `${labels.vatId} ${model.company.vatId}`, model.company.phone && `${labels.phone} ${model.company.phone}`, model.company.email]
      .filter(Boolean)
      .join(' · '),
  ].filter(Boolean);
  let y = pen.y + 6;
  for (const line of details) {
    doc.text(fit(doc, line, page.right - textX), textX, y);
    y += 3.6;
  }
  pen.y = Math.max(y, page.top + 18) + 1;
  doc.setDrawColor(60, 80, 110);
  doc.setLineWidth(0.4);
  doc.line(page.left, pen.y, page.right, pen.y);
  doc.setLineWidth(0.2);
  pen.y += 9;
}

function addressee(pen: Pen, model: StatementModel, labels: Labels, title: string): void {
  const { doc } = pen;
  font(pen, 'normal', 8);
  doc.text(fit(doc, labels.customer, 120), page.left, pen.y);
  doc.text(fit(doc, labels.date, 50), page.right, pen.y, { align: 'right' });
  pen.y += 5;
  font(pen, 'bold', 11);
  doc.text(fit(doc, model.customer.name, 120), page.left, pen.y);
  font(pen, 'normal', 10);
  doc.text(model.date, page.right, pen.y, { align: 'right' });
  pen.y += 5;
  font(pen, 'normal', 9);
  doc.text(fit(doc, `${labels.customerCode} ${model.customer.code}`, 120), page.left, pen.y);
  pen.y += 12;
  font(pen, 'bold', 16);
  doc.text(fit(doc, title, page.right - page.left), page.left, pen.y);
  pen.y += 8;
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
      font(pen, strong ? 'bold' : 'normal', strong ? 10.5 : 9.5);
      const label = line.kind === 'outstanding' ? `${labelOf.outstanding} (${total.currency})` : labelOf[line.kind];
      doc.text(fit(doc, label, labelX - 4 - page.left), labelX - 4, pen.y, { align: 'right' });
      doc.text(line.amount, page.right, pen.y, { align: 'right' });
      pen.y += 5.5;
    }
    pen.y += 2;
  }
}

function payment(pen: Pen, model: StatementModel, labels: Labels): void {
  const { doc } = pen;
  const qrSize = 36;
  const needed = 16 + (model.bank ? Math.max(qrSize, 26) + 6 : 0);
  ensureRoom(pen, needed);
  pen.y += 3;
  font(pen, 'bold', 11);
  doc.text(fit(doc, `${labels.deadline}: ${model.deadline}`, page.right - page.left), page.left, pen.y);
  pen.y += 6;
  font(pen, 'normal', 10);
  const referenceLabel = fit(doc, `${labels.reference}: `, 100);
  doc.text(referenceLabel, page.left, pen.y);
  const referenceX = page.left + doc.getTextWidth(referenceLabel);
  font(pen, 'bold', 10);
  doc.text(model.reference, referenceX, pen.y);
  pen.y += 8;
  if (!model.bank) return;

  const top = pen.y;
  doc.setDrawColor(190, 196, 205);
  let y = top + 7;
  font(pen, 'bold', 10);
  doc.text(fit(doc, labels.bankDetails, page.right - qrSize - 10 - page.left), page.left + 4, y);
  y += 6;
  font(pen, 'normal', 9);
  const label = (text: string): string => fit(doc, text, 50);
  const rows: Array<[string, string]> = [[label(labels.beneficiary), model.bank.name], [label(labels.iban), model.bank.iban]];
  if (model.bank.bic) rows.push([label(labels.bic), model.bank.bic]);
  rows.push([label(labels.reference), model.reference]);
  const valueX = page.left + 8 + Math.max(...rows.map(([label]) => doc.getTextWidth(label)));
  const valueWidth = page.right - qrSize - 6 - valueX;
  for (const [label, value] of rows) {
    font(pen, 'normal', 9);
    doc.text(label, page.left + 4, y);
    font(pen, 'bold', 9);
    doc.text(fit(doc, value, valueWidth), valueX, y);
    y += 5;
  }
  if (model.qrPayload) {
    drawQrCode(doc, model.qrPayload, page.right - qrSize - 2, top + 2, qrSize);
    font(pen, 'normal', 7.5);
    doc.setTextColor(90, 90, 90);
    doc.text(fit(doc, labels.qrHint, page.right - qrSize - 10 - page.left), page.left + 4, y + 1);
    doc.setTextColor(0, 0, 0);
  }
  // The frame is drawn last, when its height is known: the QR code's, or just the text's.
  const height = model.qrPayload ? qrSize + 4 : y - top;
  doc.roundedRect(page.left, top, page.right - page.left, height, 2, 2, 'S');
  pen.y = top + height + 6;
}

function footers(doc: jsPDF, model: StatementModel, labels: Labels, family: string): void {
  const pages = doc.getNumberOfPages();
  for (let number = 1; number <= pages; number += 1) {
    doc.setPage(number);
    doc.setFont(family, 'normal');
    doc.setFontSize(7.5);
    doc.setTextColor(110, 110, 110);
    const text = labels.page.replace('{page}', String(number)).replace('{pages}', String(pages));
    doc.text(fit(doc, `${model.company.name} · ${model.customer.code} · ${model.reference}`, page.right - page.left - 40), page.left, page.height - 10);
    doc.text(fit(doc, text, 35), page.right, page.height - 10, { align: 'right' });
    doc.setTextColor(0, 0, 0);
  }
}
