/**
 * What a send confirmation states before anything leaves: how many messages, to how many
 * customers, the totals per currency and the first customers by name, so a clerk sees what the
 * selection holds (a search may hide part of it) before saying yes.
 */
import type { PlannedMessage } from '../core/plan.js';
import { formatAmount, formatCount } from './format.js';

/** How many customers are named in the confirmation before "and N more". */
const NAMED = 3;

/** The lines of the confirmation for sending `messages` via `transport`. */
export function confirmationLines(messages: readonly PlannedMessage[], transport: string): string[] {
  const totals = new Map<string, number>();
  const customers = new Map<string, string>();
  for (const m of messages) {
    totals.set(m.currency, (totals.get(m.currency) ?? 0) + m.total + m.fee + m.interest);
    if (!customers.has(m.customer.code)) customers.set(m.customer.code, `${m.customer.code} ${m.customer.name}`);
  }
  const n = messages.length;
  const names = [...customers.values()];
  const more = names.length - NAMED;
  return [
    `Send ${formatCount(n)} message${n === 1 ? '' : 's'} to ${formatCount(customers.size)} customer${customers.size === 1 ? '' : 's'} via ${transport}?`,
    `Totals: ${[...totals].map(([currency, amount]) => formatAmount(amount, currency)).join(' · ')}`,
    `To: ${names.slice(0, NAMED).join(', ')}${more > 0 ? ` and ${formatCount(more)} more` : ''}`,
  ];
}
