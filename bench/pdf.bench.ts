/**
 * Statement PDF benchmark: one A4 page of a Greek statement (12 items, totals, deadline, RF
 * reference, bank details and the SEPA QR code as vector squares) rendered by duedesk (jspdf with
 * the shipped DejaVu subset, parsed once per process) beside pdfkit drawing the same content with
 * the same DejaVu Sans subsets (templates/fonts), parsed once by fontkit in setup as ours are parsed
 * once per process (pdfkit still subsets them per document, as it always does).
 * Both sides start from the same statement model and compress their streams.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { buildStatement, type StatementModel } from '../src/core/statement.js';
import type { PlannedLine, PlannedMessage } from '../src/core/plan.js';
import { introFor, titleFor, type Labels } from '../src/core/templates/labels.js';
import { loadTemplateSet } from '../src/documents/load-templates.js';
import { loadStatementFonts, SHIPPED_FONTS_DIR, type StatementFonts } from '../src/documents/pdf/fonts.js';
import { renderStatementPdf } from '../src/documents/pdf/render-statement.js';
import { defineBenchmark, type Benchmark } from './types.js';

interface PdfContext {
  model: StatementModel;
  labels: Labels;
  fonts: StatementFonts;
  /** pdfkit's faces: the same shipped subsets, parsed by fontkit once (pdfkit takes a parsed font as is). */
  regular: PdfkitFont;
  bold: PdfkitFont;
}

/** A font as fontkit parses it; pdfkit accepts one in place of font bytes (its types only list bytes). */
type PdfkitFont = Buffer;

const asOf = '2026-03-20';

function statementModel(): StatementModel {
  const lines: PlannedLine[] = Array.from({ length: 12 }, (_, index) => ({
    item: {
      customerCode: 'ΠΑΠ-001', number: `ΤΔΑ-${2026_0100 + index}`, kind: 'invoice', issueDate: '2026-01-15', dueDate: '2026-02-15',
      amount: 128_450 + index * 1_001, openAmount: 128_450 + index * 1_001, currency: 'EUR', reference: null, case: null, holdUntil: null,
    },
    daysOverdue: 33, reached: 'second', pending: true, interest: 0,
  }));
  const message: PlannedMessage = {
    key: 'ΠΑΠ-001-EUR-second',
    customer: { code: 'ΠΑΠ-001', name: 'Παπαδόπουλος & Υιοί Ο.Ε.', email: 'a@b.test', email2: null, email3: null, language: 'el', currency: 'EUR', reminders: true, statementEveryDays: null, agentEmail: null, holdUntil: null, notes: '' },
    kind: 'reminder', level: 'second', template: 'second', currency: 'EUR', to: ['a@b.test'], cc: [], bcc: [], lines, cases: [],
    reminds: lines.map((line) => line.item.number), payments: [], unapplied: 0, total: lines.reduce((sum, line) => sum + line.item.openAmount, 0), notYetDue: 0, fee: 1_000, interest: 0,
    letter: false, attachInvoices: false,
  };
  return buildStatement(message, {
    company: { name: 'Acme Εμπορική Α.Ε.', address: 'Σταδίου 10; 105 64 Αθήνα', vatId: 'EL094019245', email: 'ar@acme.test', phone: '+30 210 0000000', iban: 'GR16 0110 1250 0000 0001 2300 695', bic: 'ETHNGRAA' },
  }, asOf);
}

const mm = 72 / 25.4;

/** The same page drawn with pdfkit: same texts, positions, table, boxes and QR modules. */
function pdfkitStatement(c: PdfContext): Promise<Buffer> {
  const { model, labels } = c;
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 0, compress: true, info: { CreationDate: new Date(`${asOf}T00:00:00Z`) } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('R', c.regular);
    doc.registerFont('B', c.bold);
    const text = (value: string, x: number, y: number, size: number, bold = false, align: 'left' | 'right' = 'left') => {
      doc.font(bold ? 'B' : 'R').fontSize(size);
      const left = align === 'right' ? x * mm - doc.widthOfString(value) : x * mm;
      doc.text(value, left, y * mm - size * 0.8, { lineBreak: false });
    };
    text(model.company.name, 18, 17, 13, true);
    let y = 22;
    for (const line of [...model.company.addressLines, `${labels.vatId} ${model.company.vatId} · ${labels.phone} ${model.company.phone} · ${model.company.email}`]) {
      text(line, 18, y, 8);
      y += 3.6;
    }
    doc.moveTo(18 * mm, 36 * mm).lineTo(192 * mm, 36 * mm).lineWidth(0.4 * mm).stroke();
    text(labels.customer, 18, 45, 8);
    text(labels.date, 192, 45, 8, false, 'right');
    text(model.customer.name, 18, 50, 11, true);
    text(model.date, 192, 50, 10, false, 'right');
    text(`${labels.customerCode} ${model.customer.code}`, 18, 55, 9);
    text(titleFor(labels, model.template, model.earlier !== null), 18, 67, 16, true);
    doc.font('R').fontSize(9.5).text(introFor(labels, model.template), 18 * mm, 72 * mm, { width: 174 * mm });
    y = 85;
    doc.rect(18 * mm, y * mm, 174 * mm, 6.4 * mm).fill('#e2e7ee').fillColor('black');
    const widths = [36, 24, 24, 28, 31, 31];
    const headings = [labels.number, labels.issueDate, labels.dueDate, labels.daysOverdue, `${labels.amount} (EUR)`, `${labels.open} (EUR)`];
    const row = (cells: string[], at: number, bold: boolean, size: number) => {
      let x = 19.5;
      cells.forEach((cell, index) => {
        const width = widths[index] ?? 0;
        text(cell, index >= 3 ? x + width - 3 : x, at, size, bold, index >= 3 ? 'right' : 'left');
        x += width;
      });
    };
    row(headings, y + 4.3, true, 8);
    y += 10.3;
    model.rows.forEach((item, index) => {
      if (index % 2 === 1) doc.rect(18 * mm, (y - 3.7) * mm, 174 * mm, 5.2 * mm).fill('#f6f7f9').fillColor('black');
      row([item.number, item.issueDate, item.dueDate, item.daysOverdue, item.amount, item.open], y, false, 8.5);
      y += 5.2;
    });
    y += 4;
    for (const total of model.totals) {
      for (const [label, amount, strong] of [[`${labels.totalOpen} (EUR)`, total.open, false], [labels.fee, total.fee ?? '', false], [labels.totalDue, total.due, true]] as const) {
        text(label, 148, y, strong ? 10.5 : 9.5, strong, 'right');
        text(amount, 192, y, strong ? 10.5 : 9.5, strong, 'right');
        y += 5.5;
      }
    }
    y += 5;
    text(`${labels.deadline}: ${model.deadline}`, 18, y, 11, true);
    y += 6;
    text(`${labels.reference}: ${model.reference}`, 18, y, 10);
    y += 8;
    doc.roundedRect(18 * mm, y * mm, 174 * mm, 40 * mm, 2 * mm).strokeColor('#bec4cd').stroke();
    let line = y + 7;
    text(labels.bankDetails, 22, line, 10, true);
    line += 6;
    const bankRows: Array<[string, string]> = [[labels.beneficiary, model.bank?.name ?? ''], [labels.iban, model.bank?.iban ?? ''], [labels.bic, model.bank?.bic ?? ''], [labels.reference, model.reference]];
    for (const [label, value] of bankRows) {
      text(label, 22, line, 9);
      text(value, 56, line, 9, true);
      line += 5;
    }
    text(labels.qrHint, 22, line + 1, 7.5);
    const { modules } = QRCode.create(model.qrPayload ?? '', { errorCorrectionLevel: 'M' });
    const unit = 36 / (modules.size + 8);
    for (let r = 0; r < modules.size; r += 1) {
      for (let col = 0; col < modules.size; col += 1) {
        if (modules.get(r, col)) doc.rect((154 + (4 + col) * unit) * mm, (y + 2 + (4 + r) * unit) * mm, unit * mm, unit * mm);
      }
    }
    doc.fill('black');
    text(`${model.company.name} · ${model.customer.code} · ${model.reference}`, 18, 287, 7.5);
    text(labels.page.replace('{page}', '1').replace('{pages}', '1'), 192, 287, 7.5, false, 'right');
    doc.end();
  });
}

async function setup(): Promise<PdfContext> {
  // fontkit as pdfkit itself loads it, so both parse the font the same way.
  const fontkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'))('fontkit') as { create(bytes: Uint8Array): unknown };
  const face = (file: string) => fontkit.create(readFileSync(join(SHIPPED_FONTS_DIR, file))) as PdfkitFont;
  const templates = loadTemplateSet();
  return {
    model: statementModel(), labels: templates.labels('el'), fonts: loadStatementFonts(),
    regular: face('DejaVuSans-subset.ttf'), bold: face('DejaVuSans-Bold-subset.ttf'),
  };
}

const ours = (c: PdfContext) => renderStatementPdf(c.model, c.labels, { fonts: c.fonts });

/** Time and size of a one-page Unicode statement: at most half pdfkit's time, at most twice its size. */
export const benchmarks: Benchmark[] = [
  defineBenchmark<PdfContext>({
    name: 'statement PDF: one Greek page, jspdf (duedesk) vs pdfkit, same DejaVu subset parsed once, time',
    target: { measure: 'time', ratio: 0.5 },
    repetitions: 20,
    warmup: 3,
    setup,
    ours: (c) => {
      ours(c);
    },
    reference: async (c) => {
      await pdfkitStatement(c);
    },
  }),
  defineBenchmark<PdfContext>({
    name: 'statement PDF: one Greek page, jspdf (duedesk) vs pdfkit, same DejaVu subset parsed once, size',
    target: { measure: 'size', ratio: 2 },
    repetitions: 1,
    warmup: 0,
    setup,
    ours: (c) => ours(c).byteLength,
    reference: async (c) => (await pdfkitStatement(c)).byteLength,
  }),
];
