/**
 * The manual statement (seed 004): the operator asks for a customer's statement now, outside the
 * cadence. It lists every open item of one currency that is not on hold (pure).
 */
import { daysBetween } from '../core/dates.js';
import type { Customer, IsoDate, Item } from '../core/domain.js';
import type { PlannedLine, PlannedMessage, Policy } from '../core/plan.js';
import { checkBcc, chooseRecipients } from '../core/recipients.js';
import { exactRate, simpleInterest } from '../core/rules/interest.js';

/**
 * A statement message for `customer` in its own currency (or, when nothing is open in it, the
 * first currency with open items); null when nothing is open.
 */
export function manualStatement(customer: Customer, openItems: readonly Item[], policy: Policy, asOf: IsoDate): PlannedMessage | null {
  const listed = openItems.filter((i) => i.openAmount !== 0 && !(i.holdUntil !== null && i.holdUntil >= asOf));
  if (listed.length === 0) return null;
  const currency = listed.some((i) => i.currency === customer.currency) ? customer.currency : [...new Set(listed.map((i) => i.currency))].sort()[0]!;
  const rate = policy.interestRatePercent === null ? null : exactRate(policy.interestRatePercent);
  const lines: PlannedLine[] = listed
    .filter((i) => i.currency === currency)
    .map((item) => {
      const daysOverdue = daysBetween(item.dueDate, asOf);
      return { item, daysOverdue, reached: null, pending: false, interest: rate === null ? 0 : simpleInterest(item.openAmount, daysOverdue, rate) };
    });
  return {
    key: `${customer.code}-${currency}-statement`,
    customer,
    kind: 'statement',
    level: null,
    template: 'statement',
    currency,
    to: chooseRecipients(customer, policy.recipients).to,
    cc: [],
    bcc: checkBcc(policy.bcc).bcc,
    lines,
    cases: [],
    reminds: lines.map((l) => l.item.number),
    payments: [],
    unapplied: 0,
    total: lines.reduce((sum, l) => sum + l.item.openAmount, 0),
    fee: 0,
    interest: lines.reduce((sum, l) => sum + l.interest, 0),
    letter: false,
    attachInvoices: false,
  };
}
