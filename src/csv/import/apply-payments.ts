/**
 * Applying validated payments, keyed by reference. A new payment that names an item reduces that
 * item's open amount once; importing the same payment again changes nothing. A payment whose
 * reference exists with other values is corrected: its old effect on an item is undone and the
 * new one applied, so open amounts always equal amount minus the payments recorded against them
 * (a payment on account that a later file assigns to an item is applied to it then, once).
 * With --snapshot the file is the complete list of its customers' payments: their other payments
 * are removed and whatever they took from an item is given back.
 */
import type { Payment } from '../../core/domain.js';
import type { ValidRow } from '../../core/csv/types.js';
import { adjustOpenAmounts, deletePayments, listPayments, paymentsByReference, upsertPayments, type OpenAdjustment } from '../../storage/payments.js';
import type { Sql } from '../../storage/sql.js';
import { noCounts, tally, type ImportCounts } from './counts.js';

/** Insert new and correct changed payments, adjusting item open amounts; resolves to the counts. */
export async function applyPayments(
  sql: Sql,
  rows: readonly ValidRow<Payment>[],
  listed: ReadonlyMap<string, ReadonlySet<string>>,
  snapshot: boolean,
): Promise<ImportCounts> {
  // Every earlier version is read before anything is written: references are unique in a file.
  const recorded = await paymentsByReference(sql, rows.map(({ row }) => row.reference));
  const counts: ImportCounts = snapshot ? { ...noCounts(), removed: 0 } : noCounts();
  const changed: Payment[] = [];
  const adjustments: OpenAdjustment[] = [];
  for (const { row } of rows) {
    const before = recorded.get(row.reference);
    if (!tally(counts, before, row)) continue;
    // A corrected payment first gives back what its earlier version took from an item.
    if (before?.itemNumber != null) adjustments.push({ delta: before.amount, customerCode: before.customerCode, itemNumber: before.itemNumber });
    if (row.itemNumber !== null) adjustments.push({ delta: -row.amount, customerCode: row.customerCode, itemNumber: row.itemNumber });
    changed.push(row);
  }
  if (snapshot) {
    const omitted: Payment[] = [];
    for (const [customer, references] of listed) {
      for (const payment of await listPayments(sql, customer)) if (!references.has(payment.reference)) omitted.push(payment);
    }
    for (const payment of omitted) {
      if (payment.itemNumber !== null) adjustments.push({ delta: payment.amount, customerCode: payment.customerCode, itemNumber: payment.itemNumber });
    }
    counts.removed = await deletePayments(sql, omitted.map((payment) => payment.reference));
  }
  await adjustOpenAmounts(sql, adjustments);
  await upsertPayments(sql, changed);
  return counts;
}
