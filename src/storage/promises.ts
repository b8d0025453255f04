/** Promises to pay (migration 10) ⇄ PaymentPromise, and what arrived toward them for planning. */
import type { IsoDate, PaymentPromise } from '../core/domain.js';
import type { PromiseSnapshot } from '../core/rules/input.js';
import { int, pushTo, text, type Row } from './rows.js';
import { inJsonList } from './dialect.js';
import type { Sql } from './sql.js';

const COLUMNS = 'id, customer_code, made_on, promised_date, amount, currency, note, operator, created_at';

function toPromise(row: Row, items: string[]): PaymentPromise {
  return {
    id: int(row, 'id'),
    customerCode: text(row, 'customer_code'),
    madeOn: text(row, 'made_on'),
    promisedDate: text(row, 'promised_date'),
    amount: int(row, 'amount'),
    currency: text(row, 'currency'),
    items,
    note: text(row, 'note'),
    operator: text(row, 'operator'),
    createdAt: text(row, 'created_at'),
  };
}

/** Record a promise and its items (inside ledger.write); resolves to its id. */
export async function insertPromise(sql: Sql, promise: Omit<PaymentPromise, 'id'>): Promise<number> {
  const [row] = await sql.all(
    `INSERT INTO promises (customer_code, made_on, promised_date, amount, currency, note, operator, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [promise.customerCode, promise.madeOn, promise.promisedDate, promise.amount, promise.currency, promise.note, promise.operator, promise.createdAt],
  );
  const id = int(row!, 'id');
  await sql.runMany('INSERT INTO promise_items (promise_id, item_number) VALUES (?, ?)', promise.items.map((number) => [id, number]));
  return id;
}

/** The promises of some customers (all when `codes` is null), oldest made first, with their items. */
export async function promisesOf(sql: Sql, codes: readonly string[] | null): Promise<PaymentPromise[]> {
  if (codes !== null && codes.length === 0) return [];
  // Planning asks for thousands of customers at a time: a ledger without promises skips that query.
  if ((await sql.all('SELECT id FROM promises LIMIT 1')).length === 0) return [];
  const where = codes === null ? '' : `WHERE customer_code IN ${inJsonList(sql)}`;
  const rows = await sql.all(`SELECT ${COLUMNS} FROM promises ${where} ORDER BY made_on, id`, codes === null ? [] : [JSON.stringify(codes)]);
  if (rows.length === 0) return [];
  const ids = rows.map((row) => int(row, 'id'));
  const items = new Map<number, string[]>();
  for (const row of await sql.all(`SELECT promise_id, item_number FROM promise_items WHERE promise_id IN ${inJsonList(sql, 'integer')} ORDER BY item_number`, [JSON.stringify(ids)])) {
    pushTo(items, int(row, 'promise_id'), text(row, 'item_number'));
  }
  return rows.map((row) => toPromise(row, items.get(int(row, 'id')) ?? []));
}

/**
 * The customers' promises with what arrived toward each by `asOf`: their payments in the
 * promise's currency dated from the day it was made up to `asOf` (item, case or on account alike).
 */
export async function promiseSnapshots(sql: Sql, codes: readonly string[] | null, asOf: IsoDate): Promise<Map<string, PromiseSnapshot[]>> {
  const promises = await promisesOf(sql, codes);
  if (promises.length === 0) return new Map();
  const ids = promises.map((promise) => promise.id);
  const paid = new Map<number, number>();
  const rows = await sql.all(
    `SELECT p.id, COALESCE((SELECT SUM(y.amount) FROM payments y WHERE y.customer_code = p.customer_code
        AND y.currency = p.currency AND y.date >= p.made_on AND y.date <= ?), 0) AS paid
     FROM promises p WHERE p.id IN ${inJsonList(sql, 'integer')}`,
    [asOf, JSON.stringify(ids)],
  );
  for (const row of rows) paid.set(int(row, 'id'), Number(row['paid'] ?? 0));
  const out = new Map<string, PromiseSnapshot[]>();
  for (const promise of promises) {
    pushTo(out, promise.customerCode, { promise, paidSince: paid.get(promise.id) ?? 0 });
  }
  return out;
}
