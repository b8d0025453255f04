/**
 * Proposals (issue 16): recording a day's plan for approval, and approving it with some lines
 * taken out. `--send-due` and the TUI call these; the next `--send-due` sends the approved lines.
 */
import { proposalLines } from '../core/approval.js';
import type { Proposal } from '../core/domain.js';
import { UserError } from '../core/exit-codes.js';
import type { Plan } from '../core/plan.js';
import type { Ledger } from '../storage/ledger.js';
import { approveProposalRow, getProposal, insertProposal } from '../storage/proposals.js';
import type { Actor } from './actor.js';

/** Record `plan` as a pending proposal; resolves to it as stored. */
export async function propose(ledger: Ledger, plan: Plan, actor: Actor): Promise<Proposal> {
  return ledger.write(async (sql) => {
    const id = await insertProposal(sql, plan.asOf, actor.operator, actor.at, proposalLines(plan));
    return (await getProposal(sql, id))!;
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
