/** Payments table ⇄ Payment. */
import type { Database, Statement } from 'sql.js';
import type { Payment } from '../core/domain.js';
import { allRows, int, runMany, text, textOrNull, type Row } from './sqljs-rows.js';

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

/**
 * The writes a payments import makes row by row, each statement prepared once for the whole file
 * (a million rows would otherwise pay a prepare each); call `free()` when done.
 */
export class PaymentImportWrites {
  private readonly find: Statement;
  private readonly adjust: Statement;

  /** Prepare on `db` (inside store.write). */
  constructor(db: Database) {
    this.find = db.prepare(`SELECT ${COLUMNS} FROM payments WHERE reference = ?`);
    this.adjust = db.prepare('UPDATE items SET open_amount = open_amount + ? WHERE customer_code = ? AND number = ?');
  }

  /** The recorded payment with this reference, or undefined. */
  payment(reference: string): Payment | undefined {
    try {
      this.find.bind([reference]);
      return this.find.step() ? toPayment(this.find.getAsObject()) : undefined;
    } finally {
      this.find.reset();
    }
  }

  /** Add `delta` (minor units) to the open amount of one item. */
  adjustOpen(delta: number, customerCode: string, itemNumber: string): void {
    this.adjust.run([delta, customerCode, itemNumber]);
  }

  /** Release the statements. */
  free(): void {
    this.find.free();
    this.adjust.free();
  }
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
