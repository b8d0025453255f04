/**
 * Bulk insert of items known to be new. sql.js pays a fixed JavaScript↔WebAssembly toll per
 * statement run, so rows go 50 to a prepared statement (measured ~25% faster than one per row
 * on a million items); values are still always bound, never spliced into SQL.
 */
import type { Item } from '../core/domain.js';
import { marks, type Sql, type SqlValue } from './sql.js';

const COLUMNS = 'customer_code, number, kind, issue_date, due_date, amount, open_amount, currency, reference, case_ref, hold_until, dispute';
const WIDTH = 12;
const PER_STATEMENT = 50;

function insertSql(rows: number): string {
  const one = `(${marks(WIDTH)})`;
  return `INSERT INTO items (${COLUMNS}) VALUES ${new Array(rows).fill(one).join(', ')}`;
}

function put(values: SqlValue[], at: number, item: Item): void {
  values[at] = item.customerCode;
  values[at + 1] = item.number;
  values[at + 2] = item.kind;
  values[at + 3] = item.issueDate;
  values[at + 4] = item.dueDate;
  values[at + 5] = item.amount;
  values[at + 6] = item.openAmount;
  values[at + 7] = item.currency;
  values[at + 8] = item.reference;
  values[at + 9] = item.case;
  values[at + 10] = item.holdUntil;
  values[at + 11] = item.dispute ?? null;
}

/** The values of `items` in COLUMNS order, one after the other. */
function valuesOf(items: readonly Item[]): SqlValue[] {
  const values: SqlValue[] = new Array(items.length * WIDTH);
  items.forEach((item, i) => put(values, i * WIDTH, item));
  return values;
}

/** Insert `items`, none of which exists yet (inside a ledger write): one batch, one await. */
export async function insertNewItems(sql: Sql, items: readonly Item[]): Promise<void> {
  const full = items.length - (items.length % PER_STATEMENT);
  if (full > 0) {
    const sets: SqlValue[][] = [];
    for (let start = 0; start < full; start += PER_STATEMENT) sets.push(valuesOf(items.slice(start, start + PER_STATEMENT)));
    await sql.runMany(insertSql(PER_STATEMENT), sets);
  }
  if (full < items.length) await sql.run(insertSql(items.length - full), valuesOf(items.slice(full)));
}
