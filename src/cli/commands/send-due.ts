/**
 * `duedesk --send-due [--as-of D] [--dry-run] [--json] [--out DIR]` (SPEC §6): plan what is due,
 * then either report it (dry run, optionally writing previews) or send it and report the outcome.
 * The headless path: it imports no Ink, and a dry run loads neither the PDF nor the mail code
 * (they are imported only when previews are written or messages sent).
 */
import { resolve } from 'node:path';
import { isIsoDate, localDate } from '../../core/dates.js';
import { ExitCode, UserError } from '../../core/exit-codes.js';
import type { CommandContext } from '../../runtime/context.js';
import type { Plan } from '../../core/plan.js';
import { planDue } from '../../planning/plan-due.js';
import { formatPlanReport, planToJson } from './send-due-report.js';
import type { DeliveryOutcome } from '../../delivery/deliver.js';
import { loadTemplatesFor } from '../../documents/load-templates.js';
import { checkMessageTexts } from '../../documents/message-texts.js';
import { holdBackMissingInvoices } from '../../documents/missing-invoices.js';
import { progressLine } from '../../runtime/progress-line.js';

/** Flags of --send-due, already parsed by the CLI. */
export interface SendDueOptions {
  asOf?: string;
  dryRun: boolean;
  json: boolean;
  out?: string;
}

/** Run --send-due; returns the exit code. */
export async function runSendDue(options: SendDueOptions, ctx: CommandContext): Promise<number> {
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) {
    throw new UserError(`--as-of: "${options.asOf}" is not a date (YYYY-MM-DD)`);
  }
  if (options.out !== undefined && !options.dryRun) {
    throw new UserError('--out works only with --dry-run');
  }
  const asOf = options.asOf ?? localDate(ctx.now());
  const settings = ctx.settings.read();
  const ledger = await ctx.openLedger();
  const plan = holdBackMissingInvoices(await planDue(ledger, settings, asOf), settings, ctx.cwd);

  if (options.dryRun) {
    // The texts of every template in use, not the PDFs: what would stop the real send stops the dry run.
    checkMessageTexts(plan.messages, { settings, asOf: plan.asOf, templates: loadTemplatesFor(settings, ctx.cwd) });
    if (options.out !== undefined) {
      const { writePreviews } = await import('../../delivery/write-previews.js');
      const files = await writePreviews(plan, resolve(ctx.cwd, options.out), ctx);
      if (!options.json) ctx.stdout.write(`Wrote ${files.length} files to ${options.out}\n`);
    }
    emit(ctx, options.json, () => planToJson(plan, null), () => formatPlanReport(plan, null));
    return ExitCode.Ok;
  }

  if (settings.schedule?.autoSend === false) {
    const note = 'schedule.autoSend is false: nothing was sent (set it to true to send from --send-due)';
    if (options.json) emit(ctx, true, () => planToJson(plan, { messages: [], exitCode: ExitCode.Ok }), () => '');
    ctx.stderr.write(`${note}\n`);
    return ExitCode.Ok;
  }

  if (settings.schedule?.approval === true) {
    const { sendWithApproval } = await import('./send-approved.js');
    return sendWithApproval(plan, ledger, ctx, options.json);
  }
  return sendAndReport(plan, ctx, options.json, true);
}

/**
 * Send `plan` at most once per message and report this run's outcome (JSON or table on stdout,
 * notes on stderr); returns the exit code. Shared by --send-due (`scheduled`: one such run at a
 * time on a shared ledger) and `statement --send`.
 */
export async function sendAndReport(plan: Plan, ctx: CommandContext, json: boolean, scheduled = false): Promise<number> {
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
  return outcome.exitCode;
}

/** What the operator must know beyond the per-message report (stderr, so JSON stays clean). */
export function deliveryNotes(outcome: DeliveryOutcome): string[] {
  const notes: string[] = [];
  if (outcome.error && outcome.error !== outcome.fileError?.message) notes.push(`sending stopped: ${outcome.error}`);
  if (outcome.deferral) {
    const left = outcome.messages.filter((m) => m.status === 'deferred').length;
    notes.push(`the mail server deferred the rest of the run (${outcome.deferral}): ${left} message(s) stay due and go with a later run`);
  }
  if (outcome.dailyLimit) {
    const { limit, heldBack } = outcome.dailyLimit;
    notes.push(`daily limit of ${limit} reached (smtp.maxPerDay); ${heldBack} message(s) stay due for tomorrow`);
  }
  if (outcome.recovered) {
    notes.push(`${outcome.recovered} message(s) of an interrupted earlier run are now uncertain: check them in the history (they are never re-sent automatically)`);
  }
  if (outcome.alreadySent && outcome.alreadySent.length > 0) {
    notes.push(`${outcome.alreadySent.length} message(s) were already sent for this date and were not sent again`);
  }
  // Last, in the CLI's error format, so a cron log ends with the file to fix.
  if (outcome.fileError) notes.push(`duedesk: ${outcome.fileError.message}`);
  return notes;
}

/**
 * Print `data()` as one JSON line, or `text()` as it is. Both are built on demand: at a million
 * items the text report a JSON run would throw away costs a noticeable share of the run.
 */
export function emit(ctx: CommandContext, json: boolean, data: () => unknown, text: () => string): void {
  ctx.stdout.write(json ? `${JSON.stringify(data())}\n` : text());
}
