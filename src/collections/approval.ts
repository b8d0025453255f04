/**
 * Proposals (issue 16): recording a day's plan for approval, and approving it with some lines
 * taken out. `--send-due` and the TUI call these; the next `--send-due` sends the approved lines.
 */
import { proposalLines } from '../core/approval.js';
import type { Proposal } from '../core/domain.js';
import { UserError } from '../core/exit-codes.js';
import type { Plan } from '../core/plan.js';
import type { Ledger } from '../storage/ledger.js';
import { approveProposalRow, getProposal, insertProposal, latestProposal } from '../storage/proposals.js';
import type { Actor } from './actor.js';

/** A proposal as `propose` left it: recorded now, or one another run had recorded first. */
export interface Proposed {
  proposal: Proposal;
  recorded: boolean;
}

/**
 * Record `plan` as a pending proposal, unless the day already has one not yet sent: two runs that
 * both read "no proposal" (two hosts of a shared ledger, cron and a clerk) must not both propose,
 * so the check is made again inside the write that would record it.
 */
export async function propose(ledger: Ledger, plan: Plan, actor: Actor): Promise<Proposed> {
  return ledger.write(async (sql) => {
    const current = await latestProposal(sql, plan.asOf);
    if (current !== null && current.status !== 'sent') return { proposal: current, recorded: false };
    const id = await insertProposal(sql, plan.asOf, actor.operator, actor.at, proposalLines(plan));
    return { proposal: (await getProposal(sql, id))!, recorded: true };
  });
}

/** Approve proposal `id` without the lines `remove` names. Throws UserError (nothing written) for an unknown or settled proposal or line. */
export async function approve(ledger: Ledger, id: number, remove: readonly string[], actor: Actor): Promise<Proposal> {
  return ledger.write(async (sql) => {
    const proposal = await getProposal(sql, id);
    if (proposal === null) throw new UserError(`proposal: there is no proposal #${id}`);
    if (proposal.status !== 'pending') throw new UserError(`proposal: #${id} is already ${proposal.status}`);
    const keys = new Set(proposal.lines.map((line) => line.key));
    const unknown = remove.filter((key) => !keys.has(key));
    if (unknown.length > 0) throw new UserError(`proposal: #${id} has no line ${unknown.map((key) => `"${key}"`).join(', ')}`);
    await approveProposalRow(sql, id, remove, actor.operator, actor.at);
    return (await getProposal(sql, id))!;
  });
}
