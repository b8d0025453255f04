/** `duedesk dispute CODE ITEM --reason TEXT | --resolve [--note TEXT]` (docs/reference/cli.md §9.2). */
import { actionDeps } from '../../actions/deps.js';
import { disputeItem, resolveDispute } from '../../actions/collections.js';
import { ExitCode, UserError } from '../../core/exit-codes.js';
import { parseStrictArgs } from '../../csv/import/strict-args.js';
import type { CommandContext } from '../../runtime/context.js';
import { asOfArgument } from './collection-context.js';

const USAGE = 'usage: duedesk dispute CODE ITEM --reason TEXT | --resolve [--note TEXT] [--as-of D]';

/** Mark an item disputed (telling the sales agent when possible) or resolve its dispute; returns the exit code. */
export async function runDispute(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseStrictArgs('dispute', USAGE, args, {
    reason: { type: 'string' },
    resolve: { type: 'boolean', default: false },
    note: { type: 'string' },
    'as-of': { type: 'string' },
  });
  const [code, item, ...extra] = positionals;
  if (code === undefined || item === undefined) throw new UserError(`dispute: which customer and item?\n${USAGE}`);
  if (extra.length > 0) throw new UserError(`dispute: unexpected argument "${extra[0]}"\n${USAGE}`);
  if (values.resolve === (values.reason !== undefined)) throw new UserError(`dispute: give either --reason or --resolve\n${USAGE}`);
  if (values.note !== undefined && !values.resolve) throw new UserError(`dispute: --note goes with --resolve (the reason is --reason)\n${USAGE}`);
  const deps = await actionDeps(ctx);
  const asOf = asOfArgument('dispute', values['as-of']);
  if (values.resolve) {
    await resolveDispute.run(deps, { code, item, note: values.note ?? '', asOf });
    ctx.stdout.write(`dispute: ${code} item ${item} resolved; it is reminded again from the next run\n`);
    return ExitCode.Ok;
  }
  const { marked, notice: sent } = await disputeItem.run(deps, { code, item, reason: values.reason ?? '', asOf });
  ctx.stdout.write(`dispute: ${code} item ${item} disputed ("${marked.item.dispute}"); left out of reminders until resolved\n`);
  if (sent === null) return ExitCode.Ok;
  if (sent.ok) {
    ctx.stdout.write(`dispute: sales agent ${marked.notify?.to} told via ${sent.transport}\n`);
    return ExitCode.Ok;
  }
  // A notice whose copy could not be kept is not sent (docs/reference/cli.md §11.1): exit 2, the file named.
  if (sent.fileStop) {
    ctx.stderr.write(`dispute: the sales agent ${marked.notify?.to} was not told: ${sent.detail}\n`);
    return ExitCode.Usage;
  }
  // The dispute is saved and stands: the run did what it was asked, so it exits 0 ("nothing
  // changed" would be untrue), and the clerk learns the agent must be told another way.
  ctx.stderr.write(`dispute: the sales agent ${marked.notify?.to} was not told: ${sent.detail}\n`);
  return ExitCode.Ok;
}
