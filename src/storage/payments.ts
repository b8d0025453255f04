/** Payments table ⇄ Payment. */
import type { Database } from 'sql.js';
import type { Payment } from '../core/domain.js';
import { allRows, firstRow, int, runMany, text, textOrNull, type Row } from './rows.js';

const COLUMNS = 'reference, customer_code, date, amount, item_number, case_ref, currency';

function toPayment(row: Row): Payment {
  return {
    reference: text(row, 'reference'),
    customerCode: text(row, 'customer_code'),
    date: text(row, 'date'),
    amount: int(row, 'amount'),
    itemNumber: textOrNull(row, 'item_number'),
    case: textOrNull(row, 'case_ref'),
    currency: text(row, 'currency'),
  };
}

/** Insert or replace payments by reference (call inside store.write). */
export function upsertPayments(db: Database, payments: readonly Payment[]): number {
  return runMany(
    db,
    `INSERT INTO payments (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(reference) DO UPDATE SET customer_code = excluded.customer_code, date = excluded.date,
       amount = excluded.amount, item_number = excluded.item_number, case_ref = excluded.case_ref,
       currency = excluded.currency`,
    payments.map((p) => [p.reference, p.customerCode, p.date, p.amount, p.itemNumber, p.case, p.currency]),
  );
}

/** Delete payments by reference (call inside store.write); returns how many were deleted. */
export function deletePayments(db: Database, references: readonly string[]): number {
  return runMany(db, 'DELETE FROM payments WHERE reference = ?', references.map((reference) => [reference]));
}

/** One payment by reference, or null. */
export function getPayment(db: Database, reference: string): Payment | null {
  const row = firstRow(db, `SELECT ${COLUMNS} FROM payments WHERE reference = ?`, [reference]);
  return row ? toPayment(row) : null;
}

/** Payments (of one customer when given), by customer, date, reference. */
export function listPayments(db: Database, customerCode?: string): Payment[] {
  const where = customerCode === undefined ? '' : 'WHERE customer_code = ?';
  return allRows(
    db,
    `SELECT ${COLUMNS} FROM payments ${where} ORDER BY customer_code, date, reference`,
    customerCode === undefined ? [] : [customerCode],
  ).map(toPayment);
}
