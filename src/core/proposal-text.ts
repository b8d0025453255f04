/** A proposal as plain text: for `duedesk proposal show`, `proposal list`, the run's note and the digest e-mail. */
import type { Proposal, ProposalLine, ProposalLineOutcome } from './domain.js';
import { currencyDigits, formatMinor } from './money.js';

/** How an outcome reads, in the order counts are listed. */
const OUTCOMES: readonly [ProposalLineOutcome, string][] = [
  ['sent', 'sent'],
  ['failed', 'failed'],
  ['uncertain', 'uncertain'],
  ['not-sent', 'not sent'],
  ['dropped', 'dropped'],
];

function outcomeWord(outcome: ProposalLineOutcome): string {
  return OUTCOMES.find(([value]) => value === outcome)![1];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * What became of the proposal's lines in one phrase: "3 messages" while nothing was sent, else
 * the count of each outcome ("29 sent, 13 failed, 5 uncertain, 2 removed").
 */
export function proposalSummary(proposal: Proposal): string {
  const removed = proposal.lines.filter((line) => line.removed).length;
  const approved = proposal.lines.filter((line) => !line.removed);
  const parts: string[] = [];
  if (approved.every((line) => line.outcome === null)) {
    parts.push(plural(approved.length, 'message'));
  } else {
    for (const [outcome, word] of OUTCOMES) {
      const count = approved.filter((line) => line.outcome === outcome).length;
      if (count > 0) parts.push(`${count} ${word}`);
    }
    const open = approved.filter((line) => line.outcome === null).length;
    // A proposal done before outcomes were kept per line has none to show.
    if (open > 0) parts.push(`${open} ${proposal.status === 'done' ? 'without a recorded outcome' : 'to send'}`);
  }
  if (removed > 0) parts.push(`${removed} removed`);
  return parts.join(', ');
}

/** How amounts and instants are written: plain for the command line and the digest, the desk's own way on screen. */
export interface ProposalFormat {
  amount(total: number, currency: string): string;
  time(iso: string): string;
}

/** Plain decimals and ISO instants (what `proposal show` and the digest print). */
const PLAIN_FORMAT: ProposalFormat = {
  amount: (total, currency) => `${formatMinor(total, currencyDigits(currency))} ${currency}`,
  time: (iso) => iso,
};

function lineText(line: ProposalLine, format: ProposalFormat): string {
  const amount = format.amount(line.total, line.currency);
  const what = `${line.key}  ${line.kind}${line.level ? ` ${line.level}` : ''}  ${amount}  ${line.items.join(', ')}`;
  if (line.removed) return `- removed ${what}`;
  if (line.outcome === null) return `  ${what}`;
  return `  ${what}  → ${outcomeWord(line.outcome)}${line.outcomeDetail ? `: ${line.outcomeDetail}` : ''}`;
}

/** One line per message (removed ones marked, each with what became of it), then the total per currency of what was approved. */
export function proposalText(proposal: Proposal, format: ProposalFormat = PLAIN_FORMAT): string {
  const lines = [`Proposal #${proposal.id} for ${proposal.asOf}: ${proposal.status}, made by ${proposal.createdBy} at ${format.time(proposal.createdAt)}` +
    (proposal.approvedBy ? `; approved by ${proposal.approvedBy} at ${format.time(proposal.approvedAt ?? '')}` : '')];
  const totals = new Map<string, number>();
  for (const line of proposal.lines) {
    lines.push(lineText(line, format));
    if (!line.removed) totals.set(line.currency, (totals.get(line.currency) ?? 0) + line.total);
  }
  const kept = proposal.lines.filter((line) => !line.removed).length;
  const sums = [...totals].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, total]) => format.amount(total, currency));
  lines.push(`${plural(kept, 'message')}${sums.length > 0 ? `: ${sums.join(', ')}` : ''}`);
  if (proposal.lines.some((line) => line.outcome !== null)) lines.push(`outcome: ${proposalSummary(proposal)}`);
  return `${lines.join('\n')}\n`;
}
