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
import type { Database, SqlValue } from 'sql.js';
import type { Item, ItemKind } from '../core/domain.js';
import type { ImportedItem } from '../core/csv/items.js';
import type { ValidRow } from '../core/csv/types.js';
import { closeItems, upsertItems } from '../storage/items.js';
import type { ColumnIndex } from '../core/csv/columns.js';
import { absentFields, keepAbsent, type FieldColumns } from './absent-columns.js';
import { noCounts, tally, type ImportCounts } from './counts.js';
import { PointQuery } from './existing.js';
import { insertNewItems } from './insert-items.js';

/** Above this many customers in a file, reading the whole items table once beats a query per customer. */
const FULL_SCAN_FROM = 2000;

const OPTIONAL_COLUMNS: FieldColumns<Item> = [['reference', 'reference'], ['case', 'case'], ['holdUntil', 'hold_until']];

/** Insert new and update changed items (closing omitted ones with `snapshot`); returns the counts. */
export function applyItems(
  db: Database,
  rows: readonly ValidRow<ImportedItem>[],
  listed: ReadonlyMap<string, ReadonlyMap<string, number>>,
  index: ColumnIndex,
  snapshot: boolean,
): ImportCounts {
  const existing = loadExisting(db, new Set(listed.keys()));
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

/**
 * Existing items of the given customers, by customer then number. Nothing to read in an empty
 * table; one pass over the table when the file names many customers; else one indexed query
 * per customer.
 */
function loadExisting(db: Database, customers: ReadonlySet<string>): Map<string, Map<string, Item>> {
  const byCustomer = new Map<string, Map<string, Item>>();
  const columns = `customer_code, number, kind, issue_date, due_date, amount, open_amount, currency, reference, case_ref,
    hold_until`;
  const add = (r: SqlValue[]): void => {
    const customerCode = String(r[0]);
    if (!customers.has(customerCode)) return;
    const item: Item = {
      customerCode, number: String(r[1]), kind: String(r[2]) as ItemKind, issueDate: String(r[3]), dueDate: String(r[4]),
      amount: Number(r[5]), openAmount: Number(r[6]), currency: String(r[7]), reference: textOrNull(r[8]),
      case: textOrNull(r[9]), holdUntil: textOrNull(r[10]),
    };
    let items = byCustomer.get(customerCode);
    if (items === undefined) byCustomer.set(customerCode, (items = new Map()));
    items.set(item.number, item);
  };
  const probe = new PointQuery(db, 'SELECT 1 FROM items LIMIT 1');
  const empty = probe.first([]) === undefined;
  probe.free();
  if (empty) return byCustomer;
  const scan = customers.size > FULL_SCAN_FROM;
  const query = new PointQuery(db, `SELECT ${columns} FROM items${scan ? '' : ' WHERE customer_code = ?'}`);
  try {
    if (scan) query.each([], add);
    else for (const code of customers) query.each([code], add);
  } finally {
    query.free();
  }
  return byCustomer;
}

function textOrNull(value: SqlValue | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
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
