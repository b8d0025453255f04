/**
 * Applying validated items. Open amounts when the open_amount cell is empty:
 * - a new item is fully open (open = amount);
 * - an existing item keeps what has been paid on it: open stays as it is while the amount is
 *   unchanged, and when the amount changes, open = new amount − (old amount − old open);
 * - with --snapshot the file is the ERP's list of open items, so an empty cell means fully open.
 * `--snapshot` also closes (open 0) the open items of the listed customers that the file omits.
 * A file without a reference, case or hold_until column leaves those fields of existing items
 * alone; kind and currency always take their defaults (invoice, the customer's currency), because
 * the amount's sign and decimals depend on them.
 */
import type { Database } from 'sql.js';
import type { Item, ItemKind } from '../core/domain.js';
import type { ImportedItem } from '../core/csv/items.js';
import type { ValidRow } from '../core/csv/types.js';
import { closeItems, upsertItems } from '../storage/items.js';
import type { ColumnIndex } from '../core/csv/columns.js';
import { absentFields, keepAbsent, type FieldColumns } from './absent-columns.js';
import { noCounts, tally, type ImportCounts } from './counts.js';
import { PointQuery } from './existing.js';

const OPTIONAL_COLUMNS: FieldColumns<Item> = [['reference', 'reference'], ['case', 'case'], ['holdUntil', 'hold_until']];

/** Insert new and update changed items (closing omitted ones with `snapshot`); returns the counts. */
export function applyItems(
  db: Database,
  rows: readonly ValidRow<ImportedItem>[],
  listed: ReadonlyMap<string, ReadonlySet<string>>,
  index: ColumnIndex,
  snapshot: boolean,
): ImportCounts {
  const existing = loadExisting(db, listed.keys());
  const absent = absentFields(index, OPTIONAL_COLUMNS);
  const counts = noCounts();
  const changed: Item[] = [];
  for (const { row } of rows) {
    const before = existing.get(row.customerCode)?.get(row.number);
    const item = keepAbsent<Item>({ ...row, openAmount: openAmountFor(row, before, snapshot) }, before, absent);
    if (tally(counts, before, item)) changed.push(item);
  }
  upsertItems(db, changed);
  if (snapshot) counts.closed = closeOmitted(db, existing, listed);
  return counts;
}

function openAmountFor(row: ImportedItem, before: Item | undefined, snapshot: boolean): number {
  if (row.openAmount !== null) return row.openAmount;
  if (before === undefined || snapshot) return row.amount;
  if (before.amount === row.amount) return before.openAmount;
  return row.amount - (before.amount - before.openAmount);
}

/** Existing items of the given customers, by customer then number (nothing to read in an empty table). */
function loadExisting(db: Database, customers: Iterable<string>): Map<string, Map<string, Item>> {
  const byCustomer = new Map<string, Map<string, Item>>();
  const any = new PointQuery(db, 'SELECT 1 FROM items LIMIT 1');
  const empty = any.first([]) === undefined;
  any.free();
  if (empty) return byCustomer;
  const query = new PointQuery(
    db,
    `SELECT number, kind, issue_date, due_date, amount, open_amount, currency, reference, case_ref, hold_until
     FROM items WHERE customer_code = ?`,
  );
  try {
    for (const customerCode of customers) {
      const items = new Map<string, Item>();
      for (const r of query.all([customerCode])) {
        const item: Item = {
          customerCode, number: String(r[0]), kind: String(r[1]) as ItemKind, issueDate: String(r[2]),
          dueDate: String(r[3]), amount: Number(r[4]), openAmount: Number(r[5]), currency: String(r[6]),
          reference: r[7] === null ? null : String(r[7]), case: r[8] === null ? null : String(r[8]),
          holdUntil: r[9] === null ? null : String(r[9]),
        };
        items.set(item.number, item);
      }
      if (items.size > 0) byCustomer.set(customerCode, items);
    }
  } finally {
    query.free();
  }
  return byCustomer;
}

function closeOmitted(
  db: Database,
  existing: ReadonlyMap<string, ReadonlyMap<string, Item>>,
  listed: ReadonlyMap<string, ReadonlySet<string>>,
): number {
  let closed = 0;
  for (const [customerCode, items] of existing) {
    const inFile = listed.get(customerCode);
    const omitted = [...items.values()].filter((item) => item.openAmount !== 0 && !inFile?.has(item.number));
    closed += closeItems(db, customerCode, omitted.map((item) => item.number));
  }
  return closed;
}
