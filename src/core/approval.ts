/**
 * Approval before sending, the pure part: a plan as proposal lines; the plan of a run after
 * approval — exactly the approved lines still to send that are still due; and what became of each
 * line once the run is over. A line the new plan lacks was either sent by an earlier run of the
 * day (a run killed before it could record its lines) or is no longer due (paid, covered).
 */
import type { IsoDate, MessageRecord, Proposal, ProposalLine, ProposalLineOutcome } from './domain.js';
import type { Plan } from './plan.js';

/** The lines a proposal records for `plan`, one per planned message. */
export function proposalLines(plan: Plan): ProposalLine[] {
  return plan.messages.map((message) => ({
    key: message.key,
    customerCode: message.customer.code,
    kind: message.kind,
    level: message.level,
    currency: message.currency,
    items: [...message.reminds],
    total: message.total + message.fee + message.interest,
    removed: false,
    outcome: null,
    outcomeDetail: null,
  }));
}

/** `plan` without the messages a clerk took out of an earlier proposal of the day. */
export function withoutRemoved(plan: Plan, removed: ReadonlySet<string>): { plan: Plan; kept: string[] } {
  const messages = plan.messages.filter((message) => !removed.has(message.key));
  const kept = plan.messages.filter((message) => removed.has(message.key)).map((message) => message.key);
  return { plan: { ...plan, messages }, kept };
}

/** Whether a run still has to send an approved line: never dealt with, or left not sent. */
export function stillToSend(line: ProposalLine): boolean {
  return !line.removed && (line.outcome === null || line.outcome === 'not-sent');
}

/** `plan` narrowed to the proposal's approved lines still to send. */
export function approvedPlan(plan: Plan, proposal: Proposal): Plan {
  const open = new Set(proposal.lines.filter(stillToSend).map((line) => line.key));
  return { ...plan, messages: plan.messages.filter((message) => open.has(message.key)) };
}

/** What became of one line, as the run found it. */
export interface SettledLine {
  key: string;
  outcome: ProposalLineOutcome;
  detail: string | null;
}

/** History statuses that mean a message for the line went, or may have gone. */
const REACHED: ReadonlySet<string> = new Set(['sending', 'sent', 'uncertain']);

/**
 * The message of `asOf` in `history` that went for `line`, or null: same customer, currency,
 * kind and level, and for a reminder one of the line's items reminded at that level (the same
 * test the double-send guard makes).
 */
export function sentFor(line: ProposalLine, asOf: IsoDate, history: readonly MessageRecord[]): MessageRecord | null {
  let found: MessageRecord | null = null;
  for (const message of history) {
    if (message.asOf !== asOf || !REACHED.has(message.status)) continue;
    if (message.customerCode !== line.customerCode || message.currency !== line.currency) continue;
    if (message.kind !== line.kind || message.level !== line.level) continue;
    const items = new Set(message.items.filter((item) => item.level !== null).map((item) => item.itemNumber));
    if (line.kind === 'reminder' && line.items.length > 0 && !line.items.some((number) => items.has(number))) continue;
    if (found === null || message.id > found.id) found = message;
  }
  return found;
}

/**
 * What became of each line the run had to send: its own outcome when the run handled it, else
 * the message history holds for it (sent by an earlier run), else dropped as no longer due.
 */
export function settleLines(
  proposal: Proposal,
  handled: ReadonlyMap<string, { outcome: ProposalLineOutcome; detail: string | null }>,
  history: readonly MessageRecord[],
): SettledLine[] {
  return proposal.lines.filter(stillToSend).map((line): SettledLine => {
    const own = handled.get(line.key);
    if (own !== undefined) return { key: line.key, ...own };
    const earlier = sentFor(line, proposal.asOf, history);
    if (earlier !== null) {
      // A `sending` row of a dead run is `uncertain` by the time anyone reads it again.
      const outcome = earlier.status === 'sent' ? 'sent' : 'uncertain';
      return { key: line.key, outcome, detail: `by an earlier run (history #${earlier.id}, ${earlier.messageId})` };
    }
    return { key: line.key, outcome: 'dropped', detail: 'no longer due (paid or changed since it was proposed)' };
  });
}

/** The status a proposal takes once `settled` is recorded: done when nothing approved is left to send. */
export function statusAfter(proposal: Proposal, settled: readonly SettledLine[]): 'approved' | 'done' {
  const outcome = new Map(settled.map((line) => [line.key, line.outcome]));
  const open = proposal.lines.filter((line) => stillToSend({ ...line, outcome: outcome.get(line.key) ?? line.outcome }));
  return open.length === 0 ? 'done' : 'approved';
}
