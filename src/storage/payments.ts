/** Payments table ⇄ Payment. */
import type { Payment } from '../core/domain.js';
import { allRows, int, runMany, text, textOrNull, type Row } from './rows.js';
import type { Sql } from './sql.js';

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

/** Insert or replace payments by reference (inside a ledger write). */
export function upsertPayments(sql: Sql, payments: readonly Payment[]): Promise<number> {
  return runMany(
    sql,
    `INSERT INTO payments (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(reference) DO UPDATE SET customer_code = excluded.customer_code, date = excluded.date,
       amount = excluded.amount, item_number = excluded.item_number, case_ref = excluded.case_ref,
       currency = excluded.currency`,
    payments.map((p) => [p.reference, p.customerCode, p.date, p.amount, p.itemNumber, p.case, p.currency]),
  );
}

/** Delete payments by reference (inside a ledger write); resolves to how many were deleted. */
export function deletePayments(sql: Sql, references: readonly string[]): Promise<number> {
  return runMany(sql, 'DELETE FROM payments WHERE reference = ?', references.map((reference) => [reference]));
}

/** References looked up per query by `paymentsByReference`. */
const REFERENCES_PER_QUERY = 5000;

/** The recorded payments with these references, by reference (one query per few thousand). */
export async function paymentsByReference(sql: Sql, references: readonly string[]): Promise<Map<string, Payment>> {
  const found = new Map<string, Payment>();
  for (let at = 0; at < references.length; at += REFERENCES_PER_QUERY) {
    const batch = JSON.stringify(references.slice(at, at + REFERENCES_PER_QUERY));
    for (const row of await allRows(sql, `SELECT ${COLUMNS} FROM payments WHERE reference IN (SELECT value FROM json_each(?))`, [batch])) {
      const payment = toPayment(row);
      found.set(payment.reference, payment);
    }
  }
  return found;
}

/** A change to one item's open amount, in minor units. */
export interface OpenAdjustment {
  delta: number;
  customerCode: string;
  itemNumber: string;
}

/** Add each `delta` to its item's open amount (one prepared statement for all; they commute). */
export async function adjustOpenAmounts(sql: Sql, adjustments: readonly OpenAdjustment[]): Promise<void> {
  await runMany(
    sql,
    'UPDATE items SET open_amount = open_amount + ? WHERE customer_code = ? AND number = ?',
    adjustments.map((a) => [a.delta, a.customerCode, a.itemNumber]),
  );
}

/** Payments (of one customer when given), by customer, date, reference. */
export async function listPayments(sql: Sql, customerCode?: string): Promise<Payment[]> {
  const where = customerCode === undefined ? '' : 'WHERE customer_code = ?';
  return (await allRows(
    sql,
    `SELECT ${COLUMNS} FROM payments ${where} ORDER BY customer_code, date, reference`,
    customerCode === undefined ? [] : [customerCode],
  )).map(toPayment);
}
