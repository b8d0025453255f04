/**
 * `duedesk promise CODE --date D [--amount A] [--items N…] [--note TEXT] [--as-of D]`
 * (docs/reference/cli.md §9.1).
 */
import { actionDeps } from '../../actions/deps.js';
import { recordPromise } from '../../actions/collections.js';
import { UserError, ExitCode } from '../../core/exit-codes.js';
import { currencyDigits, formatMinor } from '../../core/money.js';
import { parseStrictArgs } from '../../csv/import/strict-args.js';
import type { CommandContext } from '../../runtime/context.js';
import { asOfArgument } from './collection-context.js';

const USAGE = 'usage: duedesk promise CODE --date YYYY-MM-DD [--amount A] [--items N…] [--note TEXT] [--as-of D]';

/** Record a promise to pay and say what it covers; returns the exit code. */
export async function runPromise(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseStrictArgs('promise', USAGE, args, {
    date: { type: 'string' },
    amount: { type: 'string' },
    items: { type: 'string', multiple: true },
    note: { type: 'string' },
    'as-of': { type: 'string' },
  });
  const [code, ...more] = positionals;
  if (code === undefined) throw new UserError(`promise: which customer?\n${USAGE}`);
  if (values.date === undefined) throw new UserError(`promise: --date is required\n${USAGE}`);
  // `--items A B C`: the words after the first item are positionals; without --items they are a mistake.
  if (more.length > 0 && values.items === undefined) throw new UserError(`promise: unexpected argument "${more[0]}"\n${USAGE}`);
  const items = [...(values.items ?? []), ...more].flatMap((entry) => entry.split(',')).map((entry) => entry.trim()).filter((entry) => entry !== '');
  const deps = await actionDeps(ctx);
  const asOf = asOfArgument('promise', values['as-of']);
  const promise = await recordPromise.run(deps, { code, date: values.date, amount: values.amount, items, note: values.note, asOf });
  const amount = formatMinor(promise.amount, currencyDigits(promise.currency));
  ctx.stdout.write(`promise #${promise.id}: ${code} promised ${amount} ${promise.currency} by ${promise.promisedDate} for ${promise.items.join(', ')}\n`);
  return ExitCode.Ok;
}
