/**
 * Applying validated items. Open amounts when the open_amount cell is empty:
 * - a new item is fully open (open = amount);
 * - an existing item keeps what has been paid on it: open stays as it is while the amount is
 *   unchanged, and when the amount changes, open = new amount − (old amount − old open);
 * - with --snapshot the file is the ERP's list of open items, so an empty cell means fully open.
 * `--snapshot` also closes (open 0) the open items of the listed customers that the file omits.
 * A file without a reference, case, hold_until or dispute column leaves those fields of existing
 * items alone (an ERP's file never undoes a dispute marked in duedesk); kind and currency always take their defaults (invoice, the customer's currency), because
 * the amount's sign and decimals depend on them.
 */
import type { Database } from 'sql.js';
import type { Item } from '../../core/domain.js';
import type { ImportedItem } from '../../core/csv/items.js';
import type { ValidRow } from '../../core/csv/types.js';
import { closeItems, existingItemsIn, noItems, upsertItems } from '../../storage/items.js';
import type { ColumnIndex } from '../../core/csv/columns.js';
import { absentFields, keepAbsentIn, type FieldColumns } from './absent-columns.js';
import { noCounts, tally, type ImportCounts } from './counts.js';
import { insertNewItems } from '../../storage/insert-items.js';

const OPTIONAL_COLUMNS: FieldColumns<Item> = [
  ['reference', 'reference'], ['case', 'case'], ['holdUntil', 'hold_until'], ['dispute', 'dispute'],
];

/**
 * Applies validated items chunk by chunk as the file is read (call inside store.write): each chunk
 * looks up only its own customers' existing items, so neither the file's rows nor the table's are
 * ever all held at once. `finish` closes what a snapshot omits and returns the counts.
 */
export class ItemsApplier {
  private readonly counts = noCounts();
  private readonly absent: (keyof Item)[];
  /** An empty table (a first import) has nothing to look up for any chunk. */
  private readonly startedEmpty: boolean;

  /** Apply into `db` with the file's header `index`; `snapshot` closes omitted open items at the end. */
  constructor(
    private readonly db: Database,
    index: ColumnIndex,
    private readonly snapshot: boolean,
  ) {
    this.absent = absentFields(index, OPTIONAL_COLUMNS);
    this.startedEmpty = noItems(db);
  }

  /** Insert the new and update the changed items of one chunk (no two rows name the same item). */
  apply(rows: readonly ValidRow<ImportedItem>[]): void {
    const existing = this.startedEmpty ? new Map<string, Map<string, Item>>() : existingItemsIn(this.db, new Set(rows.map(({ row }) => row.customerCode)));
    const added: Item[] = [];
    const updated: Item[] = [];
    for (const { row } of rows) {
      const before = existing.get(row.customerCode)?.get(row.number);
      // The validated row becomes the item in place: a copy per row would hold the chunk twice.
      const item = row as unknown as Item;
      item.openAmount = openAmountFor(row, before, this.snapshot);
      keepAbsentIn(item, before, this.absent);
      if (tally(this.counts, before, item)) (before === undefined ? added : updated).push(item);
    }
    insertNewItems(this.db, added);
    upsertItems(this.db, updated);
  }

  /** The counts, after closing (with --snapshot) the open items of `listed` customers the file omits. */
  finish(listed: ReadonlyMap<string, ReadonlyMap<string, number>>): ImportCounts {
    if (this.snapshot) this.counts.closed = closeOmitted(this.db, listed);
    return this.counts;
  }
}

/** Customers whose items are read at once when closing what a snapshot omits. */
const CLOSE_BATCH = 2000;

function openAmountFor(row: ImportedItem, before: Item | undefined, snapshot: boolean): number {
  if (row.openAmount !== null) return row.openAmount;
  if (before === undefined || snapshot) return row.amount;
  if (before.amount === row.amount) return before.openAmount;
  return row.amount - (before.amount - before.openAmount);
}

function closeOmitted(db: Database, listed: ReadonlyMap<string, ReadonlyMap<string, number>>): number {
  let closed = 0;
  const codes = [...listed.keys()];
  for (let at = 0; at < codes.length; at += CLOSE_BATCH) {
    for (const [customerCode, items] of existingItemsIn(db, new Set(codes.slice(at, at + CLOSE_BATCH)))) {
      const inFile = listed.get(customerCode);
      const omitted = [...items.values()].filter((item) => item.openAmount !== 0 && !inFile?.has(item.number));
      closed += closeItems(db, customerCode, omitted.map((item) => item.number));
    }
  }
  return closed;
}
