/**
 * `--send-due` with `schedule.approval`: the first run of a day records the plan as a proposal and
 * sends nothing; once a clerk approved it, the next run sends exactly the approved lines that are
 * still due and records what became of each (a line paid since is dropped and reported); a pending
 * proposal waits. A line a clerk took out is not proposed again that day.
 */
import { actorAt } from '../../actions/deps.js';
import { approvedPlan, withoutRemoved } from '../../core/approval.js';
import { ExitCode } from '../../core/exit-codes.js';
import type { Proposal } from '../../core/domain.js';
import type { Plan } from '../../core/plan.js';
import { proposalText } from '../../core/proposal-text.js';
import { escapeHtml } from '../../core/templates/render.js';
import { propose, settleProposal } from '../../collections/approval.js';
import { sendSingleMail } from '../../mail/single-mail.js';
import type { CommandContext } from '../../runtime/context.js';
import { ledgerFile } from '../../storage/ledger-location.js';
import type { Ledger } from '../../storage/ledger.js';
import { latestProposal, removedLineKeys } from '../../storage/proposals.js';
import { emit, sendReported } from './send-and-report.js';
import { formatPlanReport, planToJson } from './send-due-report.js';

/** Propose, wait or send the approved lines of `plan`; returns the exit code. */
export async function sendWithApproval(due: Plan, ledger: Ledger, ctx: CommandContext, json: boolean): Promise<number> {
  const [current, removed] = await ledger.read(async (sql) => [await latestProposal(sql, due.asOf), await removedLineKeys(sql, due.asOf)] as const);
  if (current !== null && current.status !== 'done') return settle(current, due, ledger, ctx, json);
  // No proposal today, or the last one is done: whatever is due now is proposed, except what a
  // clerk took out today (the clerk's "no" holds for the day, not just for one proposal).
  const { plan, kept } = withoutRemoved(due, removed);
  if (kept.length > 0) ctx.stderr.write(`taken out of a proposal today, not proposed again before tomorrow: ${kept.join(', ')}\n`);
  if (plan.messages.length === 0) {
    emit(ctx, json, () => planToJson(plan, null), () => formatPlanReport(plan, null));
    return ExitCode.Ok;
  }
  const { proposal, recorded } = await propose(ledger, plan, actorAt(ctx, ledger, plan.asOf));
  // Another run proposed the day's plan meanwhile: this one acts on that proposal instead.
  if (!recorded) return settle(proposal, plan, ledger, ctx, json);
  emit(ctx, json, () => ({ ...planToJson(plan, null), proposal: proposal.id }), () => proposalText(proposal));
  ctx.stderr.write(`proposal #${proposal.id} recorded; nothing was sent until it is approved (duedesk proposal approve ${proposal.id}, or the TUI)\n`);
  return sendDigest(proposalText(proposal), proposal.id, ledger, ctx);
}

/** A day's proposal not yet sent: a pending one waits, an approved one sends its lines still due. */
async function settle(current: Proposal, plan: Plan, ledger: Ledger, ctx: CommandContext, json: boolean): Promise<number> {
  if (current.status === 'pending') {
    if (json) emit(ctx, true, () => ({ ...planToJson({ ...plan, messages: [] }, null), proposal: current.id }), () => '');
    ctx.stderr.write(`proposal #${current.id} for ${plan.asOf} awaits approval (duedesk proposal approve ${current.id}, or the TUI); nothing was sent\n`);
    return ExitCode.Ok;
  }
  const outcome = await sendReported(approvedPlan(plan, current), ctx, json, true);
  const { settled, proposal } = await settleProposal(ledger, current, outcome.messages, ctx.now().toISOString());
  for (const line of settled) {
    if (line.outcome === 'dropped') ctx.stderr.write(`proposal #${current.id}: ${line.key} dropped: ${line.detail}\n`);
    else if (!outcome.messages.some((message) => message.key === line.key)) ctx.stderr.write(`proposal #${current.id}: ${line.key} ${line.outcome} ${line.detail}\n`);
  }
  if (proposal.status === 'approved') ctx.stderr.write(`proposal #${current.id}: some approved lines were not sent; the next --send-due today sends them\n`);
  return outcome.exitCode;
}

/** List the proposal to `schedule.digestTo` (each address its own e-mail); a failure is reported, never fatal. */
async function sendDigest(text: string, id: number, ledger: Ledger, ctx: CommandContext): Promise<number> {
  const settings = ctx.settings.read();
  const to = settings.schedule?.digestTo;
  if (to === undefined) return ExitCode.Ok;
  for (const address of typeof to === 'string' ? [to] : to) {
    const mail = { key: `proposal-${id}`, what: 'digest', to: address, subject: `duedesk: proposal #${id} awaits approval`, text, html: `<pre>${escapeHtml(text)}</pre>` };
    // Kept and recorded as a notice; a copy that cannot be written stops it (exit 2, the file named).
    const proof = { ledger, kind: 'digest' as const, customerCode: null, operator: actorAt(ctx, ledger).operator };
    const sent = await sendSingleMail(mail, settings, ctx.env, { dbPath: ledgerFile(ledger), cwd: ctx.cwd }, ctx.now(), null, proof);
    if (!sent.ok) ctx.stderr.write(`duedesk: the digest to ${address} was not sent: ${sent.detail}\n`);
  }
  return ExitCode.Ok;
}
