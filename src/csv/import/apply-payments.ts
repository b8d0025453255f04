/**
 * Applying validated payments, keyed by reference. A new payment that names an item reduces that
 * item's open amount once; importing the same payment again changes nothing. A payment whose
 * reference exists with other values is corrected: its old effect on an item is undone and the
 * new one applied, so open amounts always equal amount minus the payments recorded against them
 * (a payment on account that a later file assigns to an item is applied to it then, once).
 * With --snapshot the file is the complete list of its customers' payments: their other payments
 * are removed and whatever they took from an item is given back.
 */
import type { Database } from 'sql.js';
import type { Payment } from '../../core/domain.js';
import type { ValidRow } from '../../core/csv/types.js';
import { deletePayments, listPayments, PaymentImportWrites, upsertPayments } from '../../storage/payments.js';
import { noCounts, tally, type ImportCounts } from './counts.js';

/** Insert new and correct changed payments, adjusting item open amounts; returns the counts. */
export function applyPayments(
  db: Database,
  rows: readonly ValidRow<Payment>[],
  listed: ReadonlyMap<string, ReadonlySet<string>>,
  snapshot: boolean,
): ImportCounts {
  const writes = new PaymentImportWrites(db);
  const counts: ImportCounts = snapshot ? { ...noCounts(), removed: 0 } : noCounts();
  const changed: Payment[] = [];
  try {
    for (const { row } of rows) {
      const before = writes.payment(row.reference);
      if (!tally(counts, before, row)) continue;
      // A corrected payment first gives back what its earlier version took from an item.
      if (before?.itemNumber != null) writes.adjustOpen(before.amount, before.customerCode, before.itemNumber);
      if (row.itemNumber !== null) writes.adjustOpen(-row.amount, row.customerCode, row.itemNumber);
      changed.push(row);
    }
    if (snapshot) {
      const omitted = [...listed].flatMap(([customer, references]) =>
        listPayments(db, customer).filter((payment) => !references.has(payment.reference)),
      );
      for (const payment of omitted) {
        if (payment.itemNumber !== null) writes.adjustOpen(payment.amount, payment.customerCode, payment.itemNumber);
      }
      counts.removed = deletePayments(db, omitted.map((payment) => payment.reference));
    }
  } finally {
    writes.free();
  }
  upsertPayments(db, changed);
  return counts;
}
