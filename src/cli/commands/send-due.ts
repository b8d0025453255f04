/**
 * `duedesk --send-due [--as-of D] [--dry-run] [--json] [--out DIR]` (docs/reference/cli.md §3):
 * plan what is due, then either report it (dry run, optionally writing previews) or send it and
 * report the outcome. The headless path: it imports no Ink, and a dry run loads neither the PDF nor
 * the mail code (they are imported only when previews are written or messages sent).
 */
import { resolve } from 'node:path';
import { isIsoDate, localDate } from '../../core/dates.js';
import { ExitCode, UserError } from '../../core/exit-codes.js';
import { assertSendAsOf } from '../../core/send-as-of.js';
import type { CommandContext } from '../../runtime/context.js';
import { actionDeps } from '../../actions/deps.js';
import { planDueNow } from '../../actions/plan.js';
import { formatPlanReport, planToJson } from './send-due-report.js';
import { loadTemplatesFor } from '../../documents/load-templates.js';
import { checkMessageTexts } from '../../documents/message-texts.js';
import { emit, sendAndReport } from './send-and-report.js';

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
  const today = localDate(ctx.now());
  const asOf = options.asOf ?? today;
  const settings = ctx.settings.read();
  // Before anything is planned or recorded: an approval run would record a proposal for that date.
  if (!options.dryRun) assertSendAsOf(asOf, today, settings);
  const deps = await actionDeps(ctx);
  const plan = await planDueNow.run(deps, { asOf });

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
    return sendWithApproval(plan, deps.ledger, ctx, options.json);
  }
  return sendAndReport(plan, ctx, options.json, true);
}
