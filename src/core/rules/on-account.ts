/**
 * Payments on account (docs/reference/rules.md §1.3, §5.4): money received that no item records. It
 * is netted against the customer's balance in its currency, so a reminder never asks for money
 * already paid.
 */
import type { IsoDate } from '../domain.js';
import type { PlannedPayment } from '../plan.js';
import type { AccountPayment } from './input.js';

/**
 * The payments to net, by currency, in date then reference order: those dated up to `asOf` (a
 * payment not yet received on D is not counted, so a replay with `--as-of` sees what was known) that
 * name no case, or a case no plan in effect covers (the money was received and no item records it).
 */
export function accountPayments(
  payments: readonly AccountPayment[],
  casesUnderPlan: ReadonlySet<string>,
  asOf: IsoDate,
): Map<string, PlannedPayment[]> {
  const byCurrency = new Map<string, PlannedPayment[]>();
  const sorted = payments
    .filter((payment) => payment.date <= asOf && payment.amount > 0 && (payment.case === null || !casesUnderPlan.has(payment.case)))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0));
  for (const payment of sorted) {
    const line: PlannedPayment = { reference: payment.reference, date: payment.date, amount: payment.amount };
    const list = byCurrency.get(payment.currency);
    if (list) list.push(line);
    else byCurrency.set(payment.currency, [line]);
  }
  return byCurrency;
}
