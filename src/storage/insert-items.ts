/**
 * Bulk insert of items known to be new. sql.js pays a fixed JavaScript↔WebAssembly toll per
 * statement run, so rows go 50 to a prepared statement (measured ~25% faster than one per row
 * on a million items); values are still always bound, never spliced into SQL.
 */
import type { Database, SqlValue } from 'sql.js';
import type { Item } from '../core/domain.js';

const COLUMNS = 'customer_code, number, kind, issue_date, due_date, amount, open_amount, currency, reference, case_ref, hold_until, dispute';
const WIDTH = 12;
const PER_STATEMENT = 50;

function insertSql(rows: number): string {
  const one = `(${new Array(WIDTH).fill('?').join(', ')})`;
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

/** Insert `items`, none of which exists yet (call inside store.write). */
export function insertNewItems(db: Database, items: readonly Item[]): void {
  const full = items.length - (items.length % PER_STATEMENT);
  if (full > 0) {
    const stmt = db.prepare(insertSql(PER_STATEMENT));
    const values: SqlValue[] = new Array(PER_STATEMENT * WIDTH);
    try {
      for (let start = 0; start < full; start += PER_STATEMENT) {
        for (let i = 0; i < PER_STATEMENT; i++) put(values, i * WIDTH, items[start + i]!);
        stmt.run(values);
      }
    } finally {
      stmt.free();
    }
  }
  if (full < items.length) {
    const rest = items.slice(full);
    const values: SqlValue[] = new Array(rest.length * WIDTH);
    rest.forEach((item, i) => put(values, i * WIDTH, item));
    const stmt = db.prepare(insertSql(rest.length));
    try {
      stmt.run(values);
    } finally {
      stmt.free();
    }
  }
}
