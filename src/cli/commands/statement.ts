/**
 * `duedesk statement CODE… [--as-of D] [--scope overdue|all-open] [--kind open-items|activity]
 * [--from D --to D] (--out DIR | --send)` (docs/reference/cli.md §6): the manual statement of each
 * customer, one per currency, written as files or sent through the same delivery path as --send-due
 * (history, at most once per customer, currency and day). Headless: imports no Ink.
 */
import { resolve } from 'node:path';
import type { CommandContext } from '../../runtime/context.js';
import { localDate } from '../../core/dates.js';
import { ExitCode, UserError } from '../../core/exit-codes.js';
import { assertSendAsOf } from '../../core/send-as-of.js';
import type { ManualScope } from '../../core/manual-statement.js';
import type { Plan, PlannedMessage } from '../../core/plan.js';
import { planToJson } from './send-due-report.js';
import type { StatementKind } from '../../statements/statements-now.js';
import { actionDeps } from '../../actions/deps.js';
import { statementsNow } from '../../actions/plan.js';
import { emit, sendAndReport } from './send-and-report.js';

/** Flags of `statement`, already parsed and checked by the CLI. */
export interface StatementOptions {
  codes: string[];
  asOf?: string;
  scope?: ManualScope;
  kind?: StatementKind;
  from?: string;
  to?: string;
  /** Write the files here; absent: send. */
  out?: string;
  json: boolean;
}

/** Run `statement`; returns the exit code. */
export async function runStatement(options: StatementOptions, ctx: CommandContext): Promise<number> {
  const today = localDate(ctx.now());
  const asOf = options.asOf ?? today;
  const end = options.to ?? options.from;
  if (end !== undefined && end > asOf) {
    throw new UserError(`--${options.to !== undefined ? 'to' : 'from'} ${end} is after the statement date ${asOf} (see --as-of)`);
  }
  const settings = ctx.settings.read();
  // `--out` only writes files; `--send` records history dated asOf, like --send-due.
  if (options.out === undefined) assertSendAsOf(asOf, today, settings);
  const deps = await actionDeps(ctx);
  const codes = [...new Set(options.codes)];
  // Every statement is made before anything is written or sent: an unknown code stops the run clean.
  const made: PlannedMessage[][] = [];
  for (const code of codes) made.push(await statementsNow.run(deps, { code, asOf, scope: options.scope, kind: options.kind, from: options.from, to: options.to }));
  for (const [index, messages] of made.entries()) {
    if (messages.length === 0) ctx.stderr.write(`duedesk: ${codes[index]}: nothing open, no statement\n`);
  }
  const plan: Plan = { asOf, messages: made.flat(), skipped: [], problems: [] };
  if (options.out === undefined) return sendAndReport(plan, ctx, options.json);
  const { writePreviews } = await import('../../delivery/write-previews.js');
  const files = await writePreviews(plan, resolve(ctx.cwd, options.out), ctx);
  emit(ctx, options.json, () => planToJson(plan, null), () => files.map((file) => `${file}\n`).join(''));
  return ExitCode.Ok;
}
