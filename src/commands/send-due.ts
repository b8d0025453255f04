/**
 * `duedesk --send-due [--as-of D] [--dry-run] [--json] [--out DIR]` (SPEC §6): plan what is due,
 * then either report it (dry run, optionally writing previews) or send it and report the outcome.
 * The headless path: it imports no Ink.
 */
import { resolve } from 'node:path';
import { isIsoDate, localDate } from '../core/dates.js';
import { ExitCode, UserError } from '../core/exit-codes.js';
import type { CommandContext } from '../cli/context.js';
import { planDue } from '../planning/plan-due.js';
import { formatPlanReport, planToJson } from '../headless/report.js';
import { writePreviews } from '../preview/write-previews.js';
import { deliverPlan } from '../delivery/deliver.js';

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
  const store = await ctx.openStore();
  const plan = planDue(store, settings, asOf);

  if (options.dryRun) {
    if (options.out !== undefined) {
      const files = await writePreviews(plan, resolve(ctx.cwd, options.out), ctx);
      if (!options.json) ctx.stdout.write(`Wrote ${files.length} files to ${options.out}\n`);
    }
    emit(ctx, options.json, planToJson(plan, null), formatPlanReport(plan, null));
    return ExitCode.Ok;
  }

  if (settings.schedule?.autoSend === false) {
    const note = 'schedule.autoSend is false: nothing was sent (set it to true to send from --send-due)';
    if (options.json) emit(ctx, true, planToJson(plan, { messages: [], exitCode: ExitCode.Ok }), '');
    ctx.stderr.write(`${note}\n`);
    return ExitCode.Ok;
  }

  const outcome = await deliverPlan(plan, ctx);
  emit(ctx, options.json, planToJson(plan, outcome), formatPlanReport(plan, outcome));
  return outcome.exitCode;
}

function emit(ctx: CommandContext, json: boolean, data: unknown, text: string): void {
  ctx.stdout.write(json ? `${JSON.stringify(data)}\n` : text);
}
