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
import type { Sql } from '../../storage/sql.js';
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
 * Applies validated items chunk by chunk as the file is read (call inside a ledger write): each chunk
 * looks up only its own customers' existing items, so neither the file's rows nor the table's are
 * ever all held at once. `finish` closes what a snapshot omits and returns the counts.
 */
export class ItemsApplier {
  private readonly counts = noCounts();
  private readonly absent: (keyof Item)[];
  private constructor(
    private readonly sql: Sql,
    index: ColumnIndex,
    private readonly snapshot: boolean,
    /** An empty table (a first import) has nothing to look up for any chunk. */
    private readonly startedEmpty: boolean,
  ) {
    this.absent = absentFields(index, OPTIONAL_COLUMNS);
  }

  /** Apply into `sql` with the file's header `index`; `snapshot` closes omitted open items at the end. */
  static async start(sql: Sql, index: ColumnIndex, snapshot: boolean): Promise<ItemsApplier> {
    return new ItemsApplier(sql, index, snapshot, await noItems(sql));
  }

  /** Insert the new and update the changed items of one chunk (no two rows name the same item). */
  async apply(rows: readonly ValidRow<ImportedItem>[]): Promise<void> {
    const existing = this.startedEmpty ? new Map<string, Map<string, Item>>() : await existingItemsIn(this.sql, new Set(rows.map(({ row }) => row.customerCode)));
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
    await insertNewItems(this.sql, added);
    await upsertItems(this.sql, updated);
  }

  /** The counts, after closing (with --snapshot) the open items of `listed` customers the file omits. */
  async finish(listed: ReadonlyMap<string, ReadonlyMap<string, number>>): Promise<ImportCounts> {
    if (this.snapshot) this.counts.closed = await closeOmitted(this.sql, listed);
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

async function closeOmitted(sql: Sql, listed: ReadonlyMap<string, ReadonlyMap<string, number>>): Promise<number> {
  let closed = 0;
  const codes = [...listed.keys()];
  for (let at = 0; at < codes.length; at += CLOSE_BATCH) {
    const omitted: Item[] = [];
    for (const [customerCode, items] of await existingItemsIn(sql, new Set(codes.slice(at, at + CLOSE_BATCH)))) {
      const inFile = listed.get(customerCode);
      for (const item of items.values()) if (item.openAmount !== 0 && !inFile?.has(item.number)) omitted.push(item);
    }
    closed += await closeItems(sql, omitted);
  }
  return closed;
}
