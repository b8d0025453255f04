/**
 * Proposals: recording a day's plan for approval, approving it with some lines taken out, and
 * recording what became of each approved line once a run has sent them. `--send-due` and the TUI
 * call these; the next `--send-due` sends the approved lines.
 */
import { proposalLines, settleLines, statusAfter, stillToSend, type SettledLine } from '../core/approval.js';
import type { Proposal, ProposalLineOutcome } from '../core/domain.js';
import { UserError } from '../core/exit-codes.js';
import type { Plan } from '../core/plan.js';
import type { MessageOutcome } from '../delivery/outcome.js';
import { appendAudit } from '../storage/audit-log.js';
import type { Ledger } from '../storage/ledger.js';
import { listMessages } from '../storage/messages.js';
import { approveProposalRow, getProposal, insertProposal, latestProposal, recordLineOutcomes } from '../storage/proposals.js';
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
    if (current !== null && current.status !== 'done') return { proposal: current, recorded: false };
    const lines = proposalLines(plan);
    const id = await insertProposal(sql, plan.asOf, actor.operator, actor.at, lines);
    // Recording a proposal is a change like approving it: the audit trail has it, in the same
    // transaction (docs/reference/roles.md §4).
    await appendAudit(sql, [{ at: actor.at, operator: actor.operator, action: 'propose', customerCode: null, subject: `#${id}`, oldValue: null, newValue: `${lines.length} message${lines.length === 1 ? '' : 's'}`, detail: `for ${plan.asOf}` }]);
    return { proposal: (await getProposal(sql, id))!, recorded: true };
  });
}

/**
 * Approve proposal `id` without the lines `remove` names. Throws UserError (nothing written) for an
 * unknown or settled proposal or line, and with `fourEyes` for one its approver proposed.
 */
export async function approve(ledger: Ledger, id: number, remove: readonly string[], actor: Actor, fourEyes = false): Promise<Proposal> {
  return ledger.write(async (sql) => {
    const proposal = await getProposal(sql, id);
    if (proposal === null) throw new UserError(`proposal: there is no proposal #${id}`);
    if (proposal.status !== 'pending') throw new UserError(`proposal: #${id} is already ${proposal.status}`);
    const keys = new Set(proposal.lines.map((line) => line.key));
    const unknown = remove.filter((key) => !keys.has(key));
    if (unknown.length > 0) throw new UserError(`proposal: #${id} has no line ${unknown.map((key) => `"${key}"`).join(', ')}`);
    const approved = await approveProposalRow(sql, id, remove, { by: actor.operator, at: actor.at, fourEyes: fourEyes ? ledger.user : null });
    if (!approved) throw new UserError(`four eyes: proposal #${id} was proposed by ${proposal.createdBy}; someone else must approve it`);
    return (await getProposal(sql, id))!;
  });
}

/**
 * The line outcome of a delivery outcome, in one place: a message the run did not send (the
 * operator stopped it, the server deferred the rest, the daily limit, its customer changed since
 * the plan, the run cut short) is `not-sent` and stays due.
 */
export function lineOutcomeOf(status: MessageOutcome['status']): ProposalLineOutcome {
  switch (status) {
    case 'sent':
    case 'failed':
    case 'uncertain':
    case 'not-sent':
      return status;
    default: {
      const unknown: never = status;
      throw new Error(`no proposal line outcome for delivery status ${String(unknown)}`);
    }
  }
}

/**
 * Record what became of the approved lines of `proposal` after a run that delivered `messages`:
 * each handled line its own outcome, a line an earlier (killed) run sent what history holds, the
 * rest dropped. Resolves to the lines settled and the proposal as it now stands.
 */
export async function settleProposal(ledger: Ledger, proposal: Proposal, messages: readonly MessageOutcome[], at: string): Promise<{ settled: SettledLine[]; proposal: Proposal }> {
  const handled = new Map(messages.map((message) => [message.key, { outcome: lineOutcomeOf(message.status), detail: message.error }]));
  return ledger.write(async (sql) => {
    // Read again inside the write: what an earlier run recorded is never overwritten.
    const current = (await getProposal(sql, proposal.id)) ?? proposal;
    const unhandled = current.lines.filter((line) => stillToSend(line) && !handled.has(line.key));
    const history = [];
    for (const code of new Set(unhandled.map((line) => line.customerCode))) {
      history.push(...(await listMessages(sql, { from: current.asOf, to: current.asOf, customer: code })));
    }
    const settled = settleLines(current, handled, history);
    await recordLineOutcomes(sql, current.id, settled, statusAfter(current, settled), at);
    return { settled, proposal: (await getProposal(sql, current.id))! };
  });
}
