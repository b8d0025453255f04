/**
 * The items table of the statement (and the cases table of an installment notice): a heading row
 * repeated on every page it continues onto, so a 500-item statement reads like a short one.
 */
import type { Labels } from '../../core/templates/labels.js';
import type { StatementModel } from '../../core/statement.js';
import { ensureRoom, fit, font, page, wrap, type Pen } from './layout.js';

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

/** Draw the items table of `model`. */
export function drawItemsTable(pen: Pen, model: StatementModel, labels: Labels, title: string): void {
  const currency = model.currency;
  const columns: Column<StatementModel['rows'][number]>[] = [
    { heading: labels.number, width: 36, align: 'left', cell: (row) => row.number },
    { heading: labels.issueDate, width: 24, align: 'left', cell: (row) => row.issueDate },
    { heading: labels.dueDate, width: 24, align: 'left', cell: (row) => row.dueDate },
    { heading: labels.daysOverdue, width: 28, align: 'right', cell: (row) => (row.kind === 'credit_note' ? labels.creditNote : row.overdue ? row.daysOverdue : '') },
    { heading: `${labels.amount} (${currency})`, width: 31, align: 'right', cell: (row) => withCurrency(row.amount, row.currency, currency) },
    { heading: `${labels.open} (${currency})`, width: 31, align: 'right', cell: (row) => withCurrency(row.open, row.currency, currency) },
  ];
  drawTable(pen, columns, model.rows, `${title} (${labels.continued})`);
}

/** Draw the cases table of an installment notice. */
export function drawCasesTable(pen: Pen, model: StatementModel, labels: Labels, title: string): void {
  const columns: Column<StatementModel['cases'][number]>[] = [
    { heading: labels.case, width: 40, align: 'left', cell: (row) => row.case },
    { heading: labels.installment, width: 30, align: 'right', cell: (row) => row.installment },
    { heading: labels.expectedDate, width: 34, align: 'left', cell: (row) => (row.missed ? `${row.expectedDate} (${labels.missed})` : row.expectedDate) },
    { heading: labels.caseTotal, width: 35, align: 'right', cell: (row) => row.total },
    { heading: labels.remaining, width: 35, align: 'right', cell: (row) => row.remaining },
  ];
  drawTable(pen, columns, model.cases, `${title} (${labels.continued})`);
}

function withCurrency(amount: string, rowCurrency: string, currency: string): string {
  return rowCurrency === currency ? amount : `${amount} ${rowCurrency}`;
}

function drawTable<Row>(pen: Pen, columns: Column<Row>[], rows: readonly Row[], continued: string): void {
  ensureRoom(pen, headingHeight + rowHeight * 2);
  heading(pen, columns);
  font(pen, 'normal', textSize);
  rows.forEach((row, index) => {
    if (ensureRoom(pen, rowHeight)) {
      font(pen, 'bold', 9);
      pen.doc.text(continued, page.left, pen.y);
      pen.y += 3;
      heading(pen, columns);
      font(pen, 'normal', textSize);
    }
    if (index % 2 === 1) {
      pen.doc.setFillColor(246, 247, 249);
      pen.doc.rect(page.left, pen.y - 3.7, page.right - page.left, rowHeight, 'F');
    }
    cells(pen, columns, (column) => column.cell(row));
    pen.y += rowHeight;
  });
  pen.doc.setDrawColor(150, 150, 150);
  pen.doc.line(page.left, pen.y - 3.2, page.right, pen.y - 3.2);
  pen.y += 2;
}

function heading<Row>(pen: Pen, columns: Column<Row>[]): void {
  font(pen, 'bold', 8);
  // Long headings (Greek, Bulgarian) wrap onto a second line rather than being cut.
  const wrapped = columns.map((column) => wrap(pen.doc, column.heading, column.width - 3, 2));
  const lineCount = Math.max(...wrapped.map((lines) => lines.length));
  const height = headingHeight + (lineCount - 1) * 3.3;
  pen.doc.setFillColor(226, 231, 238);
  pen.doc.rect(page.left, pen.y, page.right - page.left, height, 'F');
  for (let line = 0; line < lineCount; line += 1) {
    pen.y += line === 0 ? 4.3 : 3.3;
    cells(pen, columns, (column) => wrapped[columns.indexOf(column)]?.[line] ?? '');
  }
  pen.y += headingHeight - 4.3 + 3.9;
}

function cells<Row>(pen: Pen, columns: Column<Row>[], text: (column: Column<Row>) => string): void {
  let x = page.left + 1.5;
  for (const column of columns) {
    const inner = column.width - 3;
    const value = fit(pen.doc, text(column), inner);
    if (column.align === 'right') pen.doc.text(value, x + inner, pen.y, { align: 'right' });
    else pen.doc.text(value, x, pen.y);
    x += column.width;
  }
}
