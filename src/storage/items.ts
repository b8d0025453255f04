/** Items table ⇄ Item. */
import type { Database, SqlValue } from 'sql.js';
import type { Item, ItemKind } from '../core/domain.js';
import { PointQuery } from './import-lookups.js';
import { allRows, int, runMany, text, textOrNull, type Row } from './rows.js';

const COLUMNS = `customer_code, number, kind, issue_date, due_date, amount, open_amount, currency,
  reference, case_ref, hold_until, dispute`;

function toItem(row: Row): Item {
  return {
    customerCode: text(row, 'customer_code'),
    number: text(row, 'number'),
    kind: text(row, 'kind') as ItemKind,
    issueDate: text(row, 'issue_date'),
    dueDate: text(row, 'due_date'),
    amount: int(row, 'amount'),
    openAmount: int(row, 'open_amount'),
    currency: text(row, 'currency'),
    reference: textOrNull(row, 'reference'),
    case: textOrNull(row, 'case_ref'),
    holdUntil: textOrNull(row, 'hold_until'),
    dispute: textOrNull(row, 'dispute'),
  };
}

/** Insert or replace items by (customer, number) (call inside store.write). */
export function upsertItems(db: Database, items: readonly Item[]): number {
  return runMany(
    db,
    `INSERT INTO items (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(customer_code, number) DO UPDATE SET kind = excluded.kind, issue_date = excluded.issue_date,
       due_date = excluded.due_date, amount = excluded.amount, open_amount = excluded.open_amount,
       currency = excluded.currency, reference = excluded.reference, case_ref = excluded.case_ref,
       hold_until = excluded.hold_until, dispute = excluded.dispute`,
    items.map((i) => [
      i.customerCode, i.number, i.kind, i.issueDate, i.dueDate, i.amount, i.openAmount, i.currency,
      i.reference, i.case, i.holdUntil, i.dispute ?? null,
    ]),
  );
}

/** All items (of one customer when given), by customer, due date, number. */
export function listItems(db: Database, customerCode?: string): Item[] {
  const where = customerCode === undefined ? '' : 'WHERE customer_code = ?';
  return allRows(
    db,
    `SELECT ${COLUMNS} FROM items ${where} ORDER BY customer_code, due_date, number`,
    customerCode === undefined ? [] : [customerCode],
  ).map(toItem);
}

/** Open items (open amount not zero) of a customer, optionally in one currency, oldest due first. */
export function openItemsOf(db: Database, customerCode: string, currency?: string): Item[] {
  const byCurrency = currency === undefined ? '' : 'AND currency = ?';
  return allRows(
    db,
    `SELECT ${COLUMNS} FROM items WHERE customer_code = ? AND open_amount <> 0 ${byCurrency}
     ORDER BY due_date, number`,
    currency === undefined ? [customerCode] : [customerCode, currency],
  ).map(toItem);
}

/** Set the open amount of these items of a customer to zero; returns how many changed. */
export function closeItems(db: Database, customerCode: string, numbers: readonly string[]): number {
  return runMany(
    db,
    'UPDATE items SET open_amount = 0 WHERE customer_code = ? AND number = ? AND open_amount <> 0',
    numbers.map((n) => [customerCode, n]),
  );
}

const textOrNullValue = (value: SqlValue | undefined): string | null => (value === null || value === undefined ? null : String(value));

/** An item from a row of COLUMNS as positional values (no per-row object of column names). */
function itemOf(r: SqlValue[]): Item {
  return {
    customerCode: String(r[0]), number: String(r[1]), kind: String(r[2]) as ItemKind, issueDate: String(r[3]), dueDate: String(r[4]),
    amount: Number(r[5]), openAmount: Number(r[6]), currency: String(r[7]), reference: textOrNullValue(r[8]),
    case: textOrNullValue(r[9]), holdUntil: textOrNullValue(r[10]), dispute: textOrNullValue(r[11]),
  };
}

/** True when the items table holds no row at all. */
export function noItems(db: Database): boolean {
  const probe = new PointQuery(db, 'SELECT 1 FROM items LIMIT 1');
  try {
    return probe.first([]) === undefined;
  } finally {
    probe.free();
  }
}

/**
 * Existing items of the given customers (a chunk of an import file), by customer then number, in
 * one indexed query: a chunk of an unsorted file may name thousands of customers, and neither a
 * query per customer nor a pass over the whole table per chunk would do.
 */
export function existingItemsIn(db: Database, customers: ReadonlySet<string>): Map<string, Map<string, Item>> {
  const byCustomer = new Map<string, Map<string, Item>>();
  const query = new PointQuery(db, `SELECT ${COLUMNS} FROM items WHERE customer_code IN (SELECT value FROM json_each(?))`);
  try {
    query.each([JSON.stringify([...customers])], (r) => {
      const item = itemOf(r);
      let items = byCustomer.get(item.customerCode);
      if (items === undefined) byCustomer.set(item.customerCode, (items = new Map()));
      items.set(item.number, item);
    });
  } finally {
    query.free();
  }
  return byCustomer;
}

/** Visit every item by customer and number, one at a time (an export never holds them all). */
export function eachItem(db: Database, visit: (item: Item) => void): void {
  const query = new PointQuery(db, `SELECT ${COLUMNS} FROM items ORDER BY customer_code, number`);
  try {
    query.each([], (row) => visit(itemOf(row)));
  } finally {
    query.free();
  }
}
