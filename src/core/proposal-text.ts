/** A proposal as plain text (issue 16): for `duedesk proposal show`, the run's note and the digest e-mail. */
import type { Proposal } from './domain.js';
import { currencyDigits, formatMinor } from './money.js';

/** One line per message (removed ones marked), then the total per currency of what would go. */
export function proposalText(proposal: Proposal): string {
  const lines = [`Proposal #${proposal.id} for ${proposal.asOf}: ${proposal.status}, made by ${proposal.createdBy} at ${proposal.createdAt}` +
    (proposal.approvedBy ? `; approved by ${proposal.approvedBy} at ${proposal.approvedAt}` : '')];
  const totals = new Map<string, number>();
  for (const line of proposal.lines) {
    const amount = `${formatMinor(line.total, currencyDigits(line.currency))} ${line.currency}`;
    lines.push(`${line.removed ? '- removed ' : '  '}${line.key}  ${line.kind}${line.level ? ` ${line.level}` : ''}  ${amount}  ${line.items.join(', ')}`);
    if (!line.removed) totals.set(line.currency, (totals.get(line.currency) ?? 0) + line.total);
  }
  const kept = proposal.lines.filter((line) => !line.removed).length;
  const sums = [...totals].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, total]) => `${formatMinor(total, currencyDigits(currency))} ${currency}`);
  lines.push(`${kept} message${kept === 1 ? '' : 's'}${sums.length > 0 ? `: ${sums.join(', ')}` : ''}`);
  return `${lines.join('\n')}\n`;
}
