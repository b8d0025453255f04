/**
 * `--send-due` with `schedule.approval` (issue 16): the first run of a day records the plan as a
 * proposal and sends nothing; once a clerk approved it, the next run sends exactly the approved
 * lines that are still due (a line paid since is dropped and reported); a pending proposal waits.
 */
import { approvedPlan } from '../../core/approval.js';
import { ExitCode } from '../../core/exit-codes.js';
import type { Proposal } from '../../core/domain.js';
import type { Plan } from '../../core/plan.js';
import { proposalText } from '../../core/proposal-text.js';
import { escapeHtml } from '../../core/templates/render.js';
import { propose } from '../../collections/approval.js';
import { sendSingleMail } from '../../mail/single-mail.js';
import type { CommandContext } from '../../runtime/context.js';
import { ledgerFile } from '../../storage/ledger-location.js';
import type { Ledger } from '../../storage/ledger.js';
import { latestProposal, markProposalSent } from '../../storage/proposals.js';
import { actorOf } from './collection-context.js';
import { emit, sendAndReport } from './send-and-report.js';
import { formatPlanReport, planToJson } from './send-due-report.js';

/** Propose, wait or send the approved lines of `plan`; returns the exit code. */
export async function sendWithApproval(plan: Plan, ledger: Ledger, ctx: CommandContext, json: boolean): Promise<number> {
  const current = await ledger.read((sql) => latestProposal(sql, plan.asOf));
  if (current !== null && current.status !== 'sent') return settle(current, plan, ledger, ctx, json);
  // No proposal today, or the last one was sent: whatever is due now is proposed.
  if (plan.messages.length === 0) {
    emit(ctx, json, () => planToJson(plan, null), () => formatPlanReport(plan, null));
    return ExitCode.Ok;
  }
  const { proposal, recorded } = await propose(ledger, plan, actorOf(ctx, 'proposal', plan.asOf));
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
  const { plan: approved, dropped } = approvedPlan(plan, current);
  const code = await sendAndReport(approved, ctx, json, true);
  for (const line of dropped) ctx.stderr.write(`proposal #${current.id}: ${line.key} dropped: no longer due (paid or changed since it was proposed)\n`);
  await ledger.write((sql) => markProposalSent(sql, current.id, ctx.now().toISOString()));
  return code;
}

/** List the proposal to `schedule.digestTo` (each address its own e-mail); a failure is reported, never fatal. */
async function sendDigest(text: string, id: number, ledger: Ledger, ctx: CommandContext): Promise<number> {
  const settings = ctx.settings.read();
  const to = settings.schedule?.digestTo;
  if (to === undefined) return ExitCode.Ok;
  for (const address of typeof to === 'string' ? [to] : to) {
    const mail = { key: `proposal-${id}`, what: 'digest', to: address, subject: `duedesk: proposal #${id} awaits approval`, text, html: `<pre>${escapeHtml(text)}</pre>` };
    const sent = await sendSingleMail(mail, settings, ctx.env, { dbPath: ledgerFile(ledger), cwd: ctx.cwd }, ctx.now());
    if (!sent.ok) ctx.stderr.write(`duedesk: the digest to ${address} was not sent: ${sent.detail}\n`);
  }
  return ExitCode.Ok;
}
