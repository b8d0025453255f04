/** Items table ⇄ Item. */
import type { Item, ItemKind } from '../core/domain.js';
import { allRows, int, jsonRows, runMany, text, textOrNull, type Row } from './rows.js';
import type { Sql, SqlValue } from './sql.js';
import { inJsonList, jsonArrays } from './dialect.js';

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

/** Insert or replace items by (customer, number) (inside a ledger write). */
export function upsertItems(sql: Sql, items: readonly Item[]): Promise<number> {
  return runMany(
    sql,
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
export async function listItems(sql: Sql, customerCode?: string): Promise<Item[]> {
  const where = customerCode === undefined ? '' : 'WHERE customer_code = ?';
  return (await allRows(
    sql,
    `SELECT ${COLUMNS} FROM items ${where} ORDER BY customer_code, due_date, number`,
    customerCode === undefined ? [] : [customerCode],
  )).map(toItem);
}

/** Open items (open amount not zero) of a customer, optionally in one currency, oldest due first. */
export async function openItemsOf(sql: Sql, customerCode: string, currency?: string): Promise<Item[]> {
  const byCurrency = currency === undefined ? '' : 'AND currency = ?';
  return (await allRows(
    sql,
    `SELECT ${COLUMNS} FROM items WHERE customer_code = ? AND open_amount <> 0 ${byCurrency}
     ORDER BY due_date, number`,
    currency === undefined ? [customerCode] : [customerCode, currency],
  )).map(toItem);
}

/** Set the open amount of these items (of any customers) to zero; resolves to how many changed. */
export function closeItems(sql: Sql, items: readonly Pick<Item, 'customerCode' | 'number'>[]): Promise<number> {
  return runMany(
    sql,
    'UPDATE items SET open_amount = 0 WHERE customer_code = ? AND number = ? AND open_amount <> 0',
    items.map((item) => [item.customerCode, item.number]),
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
export async function noItems(sql: Sql): Promise<boolean> {
  return (await sql.all('SELECT 1 AS found FROM items LIMIT 1')).length === 0;
}

/**
 * Existing items of the given customers (a chunk of an import file), by customer then number, in
 * one indexed query: a chunk of an unsorted file may name thousands of customers, and neither a
 * query per customer nor a pass over the whole table per chunk would do.
 */
export async function existingItemsIn(sql: Sql, customers: ReadonlySet<string>): Promise<Map<string, Map<string, Item>>> {
  const byCustomer = new Map<string, Map<string, Item>>();
  const rows = await jsonRows(sql, `SELECT ${jsonArrays(sql, COLUMNS)} FROM items
    WHERE customer_code IN ${inJsonList(sql)}`, [JSON.stringify([...customers])]);
  for (const row of rows) {
    const item = itemOf(row);
    let items = byCustomer.get(item.customerCode);
    if (items === undefined) byCustomer.set(item.customerCode, (items = new Map()));
    items.set(item.number, item);
  }
  return byCustomer;
}

/** Items read per page by `eachItem`. */
const ITEMS_PER_PAGE = 5000;

/**
 * Visit every item by customer and number, a page at a time (an export never holds them all):
 * each page starts after the last key of the one before, so no page rescans what was read.
 */
export async function eachItem(sql: Sql, visit: (item: Item) => void): Promise<void> {
  let after: Item | undefined;
  for (;;) {
    const where = after === undefined ? '' : 'WHERE (customer_code, number) > (?, ?)';
    const params: SqlValue[] = after === undefined ? [ITEMS_PER_PAGE] : [after.customerCode, after.number, ITEMS_PER_PAGE];
    const page = (await allRows(sql, `SELECT ${COLUMNS} FROM items ${where} ORDER BY customer_code, number LIMIT ?`, params)).map(toItem);
    for (const item of page) visit(item);
    if (page.length < ITEMS_PER_PAGE) return;
    after = page[page.length - 1];
  }
}
