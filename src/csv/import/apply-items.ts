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
import type { Item } from '../../core/domain.js';
import type { ImportedItem } from '../../core/csv/items.js';
import type { ValidRow } from '../../core/csv/types.js';
import { closeItems, existingItemsOf, upsertItems } from '../../storage/items.js';
import type { ColumnIndex } from '../../core/csv/columns.js';
import { absentFields, keepAbsent, type FieldColumns } from './absent-columns.js';
import { noCounts, tally, type ImportCounts } from './counts.js';
import { insertNewItems } from '../../storage/insert-items.js';

const OPTIONAL_COLUMNS: FieldColumns<Item> = [['reference', 'reference'], ['case', 'case'], ['holdUntil', 'hold_until']];

/** Insert new and update changed items (closing omitted ones with `snapshot`); returns the counts. */
export function applyItems(
  db: Database,
  rows: readonly ValidRow<ImportedItem>[],
  listed: ReadonlyMap<string, ReadonlyMap<string, number>>,
  index: ColumnIndex,
  snapshot: boolean,
): ImportCounts {
  const existing = existingItemsOf(db, new Set(listed.keys()));
  const absent = absentFields(index, OPTIONAL_COLUMNS);
  const counts = noCounts();
  const added: Item[] = [];
  const updated: Item[] = [];
  for (const { row } of rows) {
    const before = existing.get(row.customerCode)?.get(row.number);
    const item = keepAbsent<Item>({ ...row, openAmount: openAmountFor(row, before, snapshot) }, before, absent);
    if (tally(counts, before, item)) (before === undefined ? added : updated).push(item);
  }
  insertNewItems(db, added);
  upsertItems(db, updated);
  if (snapshot) counts.closed = closeOmitted(db, existing, listed);
  return counts;
}

function openAmountFor(row: ImportedItem, before: Item | undefined, snapshot: boolean): number {
  if (row.openAmount !== null) return row.openAmount;
  if (before === undefined || snapshot) return row.amount;
  if (before.amount === row.amount) return before.openAmount;
  return row.amount - (before.amount - before.openAmount);
}

function closeOmitted(
  db: Database,
  existing: ReadonlyMap<string, ReadonlyMap<string, Item>>,
  listed: ReadonlyMap<string, ReadonlyMap<string, number>>,
): number {
  let closed = 0;
  for (const [customerCode, items] of existing) {
    const inFile = listed.get(customerCode);
    const omitted = [...items.values()].filter((item) => item.openAmount !== 0 && !inFile?.has(item.number));
    closed += closeItems(db, customerCode, omitted.map((item) => item.number));
  }
  return closed;
}
