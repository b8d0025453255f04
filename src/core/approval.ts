/**
 * Approval before sending (issue 16), the pure part: a plan as proposal lines, and the plan of a
 * run after approval — exactly the approved lines that are still due. A line the new plan lacks
 * (paid, covered or otherwise no longer due since the proposal) is dropped and reported.
 */
import type { Proposal, ProposalLine } from './domain.js';
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
  }));
}

/** `plan` narrowed to the proposal's approved lines, and the approved lines it no longer has. */
export function approvedPlan(plan: Plan, proposal: Proposal): { plan: Plan; dropped: ProposalLine[] } {
  const approved = new Map(proposal.lines.filter((line) => !line.removed).map((line) => [line.key, line]));
  const messages = plan.messages.filter((message) => approved.has(message.key));
  const kept = new Set(messages.map((message) => message.key));
  return { plan: { ...plan, messages }, dropped: [...approved.values()].filter((line) => !kept.has(line.key)) };
}
