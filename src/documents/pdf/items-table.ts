/**
 * The items table of the statement (and the cases table of an installment notice): a heading row
 * repeated on every page it continues onto, so a 500-item statement reads like a short one.
 */
import type { Labels } from '../../core/templates/labels.js';
import type { StatementActivity, StatementModel } from '../../core/statement.js';
import { ensureRoom, font, lineHeight, page, wrap, writeLines, type Pen } from './layout.js';
import { lineCaps } from './wrap-text.js';

/** A column: heading, width in mm, alignment, and the cell text of a row. */
interface Column<Row> {
  heading: string;
  width: number;
  align: 'left' | 'right';
  cell(row: Row): string;
}

const rowHeight = 5.2;
const headingHeight = 6.4;
const textSize = 8.5;
/** Baseline distance of a cell's wrapped lines: a row grows by this for each line past its first. */
const cellLine = lineHeight(textSize);

/**
 * Draw the items table of `model`. Items not yet overdue never stand under an overdue heading:
 * when the message lists both, each group gets its own heading and table. Payments on account
 * follow as lines of their own, written negative.
 */
export function drawItemsTable(pen: Pen, model: StatementModel, labels: Labels, title: string): void {
  const overdue = model.rows.filter((row) => row.overdue);
  const notDue = model.rows.filter((row) => !row.overdue);
  if (overdue.length > 0 && notDue.length > 0) {
    groupHeading(pen, labels.overdueItems);
    drawRows(pen, model, labels, title, overdue);
    groupHeading(pen, labels.notDueItems);
    drawRows(pen, model, labels, title, notDue);
  } else {
    drawRows(pen, model, labels, title, model.rows);
  }
  drawPayments(pen, model, labels);
}

/** A bold line above a group of rows, kept on the page of the rows it heads. */
function groupHeading(pen: Pen, text: string): void {
  font(pen, 'bold', 9.5);
  const lines = wrap(pen.doc, text, page.right - page.left, lineCaps.label);
  ensureRoom(pen, 5 + (lines.length - 1) * lineHeight(9.5) + headingHeight + rowHeight * 2);
  pen.y += 1;
  pen.y = writeLines(pen, lines, page.left, lineHeight(9.5)) + 2;
}

/** One line per payment on account: label, date and reference, and the amount in the open column. */
function drawPayments(pen: Pen, model: StatementModel, labels: Labels): void {
  for (const payment of model.payments) {
    font(pen, 'normal', textSize);
    const lines = wrap(pen.doc, `${labels.paymentOnAccount} ${payment.date} ${payment.reference}`, page.right - page.left - 36, lineCaps.cell);
    ensureRoom(pen, rowHeight + (lines.length - 1) * cellLine);
    const last = writeLines(pen, lines, page.left + 1.5, cellLine);
    pen.doc.text(withCurrency(payment.amount, payment.currency, model.currency), page.right - 1.5, pen.y, { align: 'right' });
    pen.y = last + rowHeight;
  }
  if (model.payments.length > 0) pen.y += 1;
}

function drawRows(pen: Pen, model: StatementModel, labels: Labels, title: string, rows: StatementModel['rows']): void {
  const currency = model.currency;
  const columns: Column<StatementModel['rows'][number]>[] = [
    { heading: labels.number, width: 36, align: 'left', cell: (row) => row.number },
    { heading: labels.issueDate, width: 24, align: 'left', cell: (row) => row.issueDate },
    { heading: labels.dueDate, width: 24, align: 'left', cell: (row) => row.dueDate },
    { heading: labels.daysOverdue, width: 28, align: 'right', cell: (row) => (row.kind === 'credit_note' ? labels.creditNote : row.disputed ? labels.disputed : row.overdue ? row.daysOverdue : '') },
    { heading: `${labels.amount} (${currency})`, width: 31, align: 'right', cell: (row) => withCurrency(row.amount, row.currency, currency) },
    { heading: `${labels.open} (${currency})`, width: 31, align: 'right', cell: (row) => withCurrency(row.open, row.currency, currency) },
  ];
  drawTable(pen, columns, rows, `${title} (${labels.continued})`);
}

/** Draw the cases table of an installment notice, then what is missing of each missed case this month. */
export function drawCasesTable(pen: Pen, model: StatementModel, labels: Labels, title: string): void {
  const columns: Column<StatementModel['cases'][number]>[] = [
    { heading: labels.case, width: 30, align: 'left', cell: (row) => row.case },
    { heading: labels.installment, width: 26, align: 'right', cell: (row) => row.installment },
    { heading: labels.expectedDate, width: 32, align: 'left', cell: (row) => row.expectedDate },
    { heading: labels.caseTotal, width: 28, align: 'right', cell: (row) => row.total },
    { heading: labels.paidSoFar, width: 29, align: 'right', cell: (row) => row.paid },
    { heading: labels.remaining, width: 29, align: 'right', cell: (row) => row.remaining },
  ];
  drawTable(pen, columns, model.cases, `${title} (${labels.continued})`);
  for (const row of model.cases) {
    if (!row.missed) continue;
    font(pen, 'normal', 9);
    const shortfall = labels.shortfall.replace('{paid}', row.paidThisMonth).replace('{installment}', row.installment).replace('{due}', row.shortfall);
    const lines = wrap(pen.doc, `${row.case} (${labels.missed}): ${shortfall}`, page.right - page.left, lineCaps.text);
    for (const line of lines) {
      ensureRoom(pen, rowHeight);
      pen.doc.text(line, page.left, pen.y);
      pen.y += lineHeight(9);
    }
    pen.y += rowHeight - lineHeight(9);
  }
  pen.y += 1;
}

/** One row of the activity table as printed. */
interface ActivityCells {
  date: string;
  document: string;
  description: string;
  debit: string;
  credit: string;
  balance: string;
}

/** The words for what an activity line is (payments name the item or case they count for). */
function describe(row: StatementActivity['rows'][number], labels: Labels): string {
  switch (row.kind) {
    case 'invoice':
      return labels.invoice;
    case 'charge':
      return labels.charge;
    case 'credit_note':
      return labels.creditNote.charAt(0).toLocaleUpperCase() + labels.creditNote.slice(1);
    case 'payment':
      return row.appliesTo === '' ? labels.payment : `${labels.payment} · ${row.appliesTo}`;
    default: {
      const never: never = row.kind;
      return never;
    }
  }
}

/**
 * Draw the activity table of an activity statement: the opening balance, every movement with the
 * running balance, then the period's debits and credits beside the closing balance.
 */
export function drawActivityTable(pen: Pen, activity: StatementActivity, labels: Labels, title: string): void {
  const columns: Column<ActivityCells>[] = [
    { heading: labels.date, width: 25, align: 'left', cell: (row) => row.date },
    { heading: labels.number, width: 27, align: 'left', cell: (row) => row.document },
    { heading: labels.description, width: 44, align: 'left', cell: (row) => row.description },
    { heading: labels.debit, width: 26, align: 'right', cell: (row) => row.debit },
    { heading: labels.credit, width: 26, align: 'right', cell: (row) => row.credit },
    { heading: labels.balance, width: 26, align: 'right', cell: (row) => row.balance },
  ];
  const rows: ActivityCells[] = [
    { date: activity.from, document: '', description: labels.openingBalance, debit: '', credit: '', balance: activity.opening },
    ...activity.rows.map((row) => ({ date: row.date, document: row.reference, description: describe(row, labels), debit: row.debit, credit: row.credit, balance: row.balance })),
    { date: activity.to, document: '', description: labels.closingBalance, debit: activity.debits, credit: activity.credits, balance: activity.closing },
  ];
  drawTable(pen, columns, rows, `${title} (${labels.continued})`);
}

function withCurrency(amount: string, rowCurrency: string, currency: string): string {
  return rowCurrency === currency ? amount : `${amount} ${rowCurrency}`;
}

function drawTable<Row>(pen: Pen, columns: Column<Row>[], rows: readonly Row[], continued: string): void {
  ensureRoom(pen, headingHeight + rowHeight * 2);
  heading(pen, columns);
  font(pen, 'normal', textSize);
  rows.forEach((row, index) => {
    // A cell too long for its column wraps, and its row grows to hold every line of it.
    const lines = columns.map((column) => wrap(pen.doc, column.cell(row), column.width - 3, lineCaps.cell));
    const height = rowHeight + (Math.max(1, ...lines.map((cell) => cell.length)) - 1) * cellLine;
    if (ensureRoom(pen, height)) {
      font(pen, 'bold', 9);
      pen.doc.text(continued, page.left, pen.y);
      pen.y += 3;
      heading(pen, columns);
      font(pen, 'normal', textSize);
    }
    if (index % 2 === 1) {
      pen.doc.setFillColor(246, 247, 249);
      pen.doc.rect(page.left, pen.y - 3.7, page.right - page.left, height, 'F');
    }
    cells(pen, columns, lines, cellLine);
    pen.y += height;
  });
  pen.doc.setDrawColor(150, 150, 150);
  pen.doc.line(page.left, pen.y - 3.2, page.right, pen.y - 3.2);
  pen.y += 2;
}

function heading<Row>(pen: Pen, columns: Column<Row>[]): void {
  font(pen, 'bold', 8);
  // Long headings (Greek, Bulgarian) wrap onto more lines rather than being cut.
  const wrapped = columns.map((column) => wrap(pen.doc, column.heading, column.width - 3, lineCaps.label));
  const lineCount = Math.max(...wrapped.map((lines) => lines.length));
  const height = headingHeight + (lineCount - 1) * 3.3;
  pen.doc.setFillColor(226, 231, 238);
  pen.doc.rect(page.left, pen.y, page.right - page.left, height, 'F');
  pen.y += 4.3;
  cells(pen, columns, wrapped, 3.3);
  pen.y += (lineCount - 1) * 3.3 + headingHeight - 4.3 + 3.9;
}

/** Write each column's lines in its cell, from the current baseline down, `step` apart. */
function cells<Row>(pen: Pen, columns: Column<Row>[], lines: readonly string[][], step: number): void {
  let x = page.left + 1.5;
  columns.forEach((column, index) => {
    const inner = column.width - 3;
    writeLines(pen, lines[index] ?? [], column.align === 'right' ? x + inner : x, step, column.align);
    x += column.width;
  });
}
