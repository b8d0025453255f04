/**
 * Sending a plan and reporting the run, shared by `--send-due`, an approved proposal's send and
 * `statement --send`: one place prints the per-message report (JSON or table on stdout) and the
 * notes an operator must read (stderr), so every way of sending reports alike.
 */
import type { Plan } from '../../core/plan.js';
import type { DeliveryOutcome } from '../../delivery/deliver.js';
import type { CommandContext } from '../../runtime/context.js';
import { progressLine } from '../../runtime/progress-line.js';
import { formatPlanReport, planToJson } from './send-due-report.js';

/**
 * Send `plan` at most once per message and report this run's outcome (JSON or table on stdout,
 * notes on stderr); returns the exit code. Shared by --send-due (`scheduled`: one such run at a
 * time on a shared ledger) and `statement --send`.
 */
export async function sendAndReport(plan: Plan, ctx: CommandContext, json: boolean, scheduled = false): Promise<number> {
  return (await sendReported(plan, ctx, json, scheduled)).exitCode;
}

/** sendAndReport, resolving to the whole delivery outcome (an approved proposal records each line's). */
export async function sendReported(plan: Plan, ctx: CommandContext, json: boolean, scheduled: boolean): Promise<DeliveryOutcome> {
  const { deliverPlan } = await import('../../delivery/deliver.js');
  const progress = progressLine(ctx, 'send', 'messages', plan.messages.length, json);
  let outcome: DeliveryOutcome;
  try {
    outcome = await deliverPlan(plan, ctx, (_message, done, total) => progress.update(done, total), { scheduled });
  } finally {
    progress.finish();
  }
  // Messages history already holds for this date were not sent again: report only this run's.
  const already = new Set(outcome.alreadySent ?? []);
  const sentPlan = already.size === 0 ? plan : { ...plan, messages: plan.messages.filter((m) => !already.has(m.key)) };
  emit(ctx, json, () => planToJson(sentPlan, outcome), () => formatPlanReport(sentPlan, outcome));
  for (const line of deliveryNotes(outcome)) ctx.stderr.write(`${line}\n`);
  return outcome;
}

/** What the operator must know beyond the per-message report (stderr, so JSON stays clean). */
export function deliveryNotes(outcome: DeliveryOutcome): string[] {
  const notes: string[] = [];
  if (outcome.error && outcome.error !== outcome.fileError?.message) notes.push(`sending stopped: ${outcome.error}`);
  if (outcome.deferral) {
    const left = outcome.messages.filter((m) => m.status === 'not-sent' && m.reason === 'deferred').length;
    notes.push(`the mail server deferred the rest of the run (${outcome.deferral}): ${left} message(s) stay due and go with a later run`);
  }
  if (outcome.dailyLimit) {
    const { limit, heldBack } = outcome.dailyLimit;
    notes.push(`daily limit of ${limit} reached (smtp.maxPerDay); ${heldBack} message(s) stay due for tomorrow`);
  }
  if (outcome.recovered) {
    notes.push(`${outcome.recovered} message(s) of an interrupted earlier run are now uncertain: check them in the history (they are never re-sent automatically)`);
  }
  const changed = outcome.messages.filter((m) => m.status === 'not-sent' && m.reason === 'changed').length;
  if (changed > 0) {
    notes.push(`${changed} message(s) not sent: their customer was paid or changed after the plan was made; the next run plans them again`);
  }
  if (outcome.alreadySent && outcome.alreadySent.length > 0) {
    notes.push(`${outcome.alreadySent.length} message(s) were already sent for this date and were not sent again`);
  }
  // Last, in the CLI's error format, so a cron log ends with the file to fix or the ledger gone.
  if (outcome.fileError) notes.push(`duedesk: ${outcome.fileError.message}`);
  else if (outcome.ledgerLost) notes.push(`duedesk: ${outcome.ledgerLost}`);
  return notes;
}

/**
 * Print `data()` as one JSON line, or `text()` as it is. Both are built on demand: at a million
 * items the text report a JSON run would throw away costs a noticeable share of the run.
 */
export function emit(ctx: CommandContext, json: boolean, data: () => unknown, text: () => string): void {
  ctx.stdout.write(json ? `${JSON.stringify(data())}\n` : text());
}
