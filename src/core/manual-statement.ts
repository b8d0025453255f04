/**
 * The manual statement (seed 004): the operator asks for a customer's statement now, outside the
 * cadence, from the TUI (Customers p/w/s) or `duedesk statement`. Like the planned messages, there
 * is one statement per currency; each lists the open items of its currency that are not on hold
 * (pure).
 */
import { daysBetween } from './dates.js';
import type { Customer, IsoDate, Item } from './domain.js';
import type { PlannedLine, PlannedMessage, Policy } from './plan.js';
import { checkBcc, chooseRecipients } from './recipients.js';
import { inScope } from './rules/candidates.js';
import type { AccountPayment } from './rules/input.js';
import { exactRate, simpleInterest } from './rules/interest.js';
import { accountPayments } from './rules/on-account.js';
import { demand } from './rules/demand.js';

/**
 * A manual statement lists every open item unless asked for the overdue ones only: the operator
 * asked for the account, not for a reminder.
 */
export type ManualScope = Policy['scope'];

/**
 * One statement message per currency of `customer` with open items in `scope` (currencies in
 * code order, like planned messages); `extra` currencies get a statement even with nothing open
 * (an activity statement of a settled account). Empty when there is nothing to state.
 * `payments` are the customer's payments that no item records (on account, or naming only a case):
 * a statement of the whole account nets them and lists them below the items, like planned messages.
 */
export function manualStatements(
  customer: Customer,
  openItems: readonly Item[],
  policy: Policy,
  asOf: IsoDate,
  scope: ManualScope = 'all-open',
  extra: readonly string[] = [],
  payments: readonly AccountPayment[] = [],
): PlannedMessage[] {
  // Every open item is listed, case items included, so every unapplied payment is netted.
  const onAccount = accountPayments(payments, new Set(), asOf);
  const rate = policy.interestRatePercent === null ? null : exactRate(policy.interestRatePercent);
  const byCurrency = new Map<string, PlannedLine[]>(extra.map((currency) => [currency, []]));
  for (const item of openItems) {
    if (item.openAmount === 0 || (item.holdUntil !== null && item.holdUntil >= asOf)) continue;
    const daysOverdue = daysBetween(item.dueDate, asOf);
    if (!inScope(scope, item.openAmount, daysOverdue)) continue;
    const line: PlannedLine = { item, daysOverdue, reached: null, pending: false, interest: rate === null ? 0 : simpleInterest(item.openAmount, daysOverdue, rate) };
    const lines = byCurrency.get(item.currency);
    if (lines) lines.push(line);
    else byCurrency.set(item.currency, [line]);
  }
  const to = chooseRecipients(customer, policy.recipients).to;
  const bcc = checkBcc(policy.bcc).bcc;
  return [...byCurrency.keys()].sort().map((currency) => {
    const lines = byCurrency.get(currency) ?? [];
    const paid = onAccount.get(currency) ?? [];
    // A statement shows the whole balance and asks for the part that is due.
    const amounts = demand('statement', lines, paid);
    return {
      key: `${customer.code}-${currency}-statement`,
      customer,
      kind: 'statement',
      level: null,
      template: 'statement',
      currency,
      to: [...to],
      cc: [],
      bcc: [...bcc],
      lines,
      cases: [],
      reminds: lines.map((l) => l.item.number),
      payments: paid,
      ...amounts,
      fee: 0,
      letter: false,
      attachInvoices: false,
    };
  });
}
