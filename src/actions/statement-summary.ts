/** A short description of what the statement PDF of a planned message contains (pure). */
import type { PlannedMessage } from '../core/plan.js';
import { formatAmount } from '../core/money-text.js';

/** Lines summarising the statement: one per listed item or case, then the totals. */
export function statementSummary(message: PlannedMessage, maxLines = 50): string[] {
  const lines: string[] = [];
  const { currency } = message;
  if (message.cases.length > 0) {
    for (const c of message.cases) {
      lines.push(
        `case ${c.case}: installment ${formatAmount(c.installment, c.currency)} due ${c.expectedDate}` +
          `${c.missed ? ` (missed: paid ${formatAmount(c.paidThisMonth, c.currency)}, ${formatAmount(c.shortfall, c.currency)} due)` : ''}` +
          `, remaining ${formatAmount(c.remaining, c.currency)} of ${formatAmount(c.total, c.currency)}`,
      );
    }
  }
  for (const line of message.lines.slice(0, maxLines)) {
    const { item } = line;
    const overdue = line.daysOverdue > 0 ? `${line.daysOverdue} days overdue` : 'not yet due';
    lines.push(
      `${line.pending ? '*' : ' '} ${item.number}  issued ${item.issueDate}  due ${item.dueDate}  ${overdue}  ` +
        `open ${formatAmount(item.openAmount, item.currency)}`,
    );
  }
  if (message.lines.length > maxLines) lines.push(`… and ${message.lines.length - maxLines} more items`);
  for (const payment of message.payments) {
    lines.push(`  payment on account ${payment.date} ${payment.reference}  ${formatAmount(-payment.amount, currency)}`);
  }
  if (message.unapplied !== 0) lines.push(`On account: ${formatAmount(-message.unapplied, currency)}`);
  lines.push(`Total: ${formatAmount(message.total, currency)}`);
  if (message.notYetDue !== 0) lines.push(`Not yet due (not asked for): ${formatAmount(message.notYetDue, currency)}`);
  if (message.fee !== 0) lines.push(`Fee: ${formatAmount(message.fee, currency)}`);
  if (message.interest !== 0) lines.push(`Interest: ${formatAmount(message.interest, currency)}`);
  if (message.fee !== 0 || message.interest !== 0) {
    lines.push(`To pay: ${formatAmount(message.total + message.fee + message.interest, currency)}`);
  }
  if (message.letter) lines.push('A printed letter is also produced.');
  return lines;
}
