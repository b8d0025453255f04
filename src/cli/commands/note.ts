/**
 * `duedesk note CODE TEXT [--follow-up D]` and `duedesk note --done ID`
 * (docs/reference/cli.md §9.3).
 */
import { actionDeps } from '../../actions/deps.js';
import { addNote, completeFollowUp } from '../../actions/collections.js';
import { ExitCode, UserError } from '../../core/exit-codes.js';
import { parseStrictArgs } from '../../csv/import/strict-args.js';
import type { CommandContext } from '../../runtime/context.js';
import { asOfArgument } from './collection-context.js';

const USAGE = 'usage: duedesk note CODE TEXT [--follow-up YYYY-MM-DD] | duedesk note --done ID';

/** Add a note to a customer, or mark a follow-up done; returns the exit code. */
export async function runNote(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseStrictArgs('note', USAGE, args, {
    'follow-up': { type: 'string' },
    done: { type: 'string' },
    'as-of': { type: 'string' },
  });
  const deps = await actionDeps(ctx);
  const asOf = asOfArgument('note', values['as-of']);
  if (values.done !== undefined) {
    if (positionals.length > 0 || values['follow-up'] !== undefined) throw new UserError(`note: --done takes only the note's id\n${USAGE}`);
    if (!/^\d+$/.test(values.done)) throw new UserError(`note: --done "${values.done}" is not a note id (a number)`);
    await completeFollowUp.run(deps, { id: Number(values.done), asOf });
    ctx.stdout.write(`note #${values.done}: follow-up done\n`);
    return ExitCode.Ok;
  }
  const [code, ...words] = positionals;
  if (code === undefined || words.length === 0) throw new UserError(`note: which customer, and what?\n${USAGE}`);
  const note = await addNote.run(deps, { code, text: words.join(' '), followUp: values['follow-up'], asOf });
  ctx.stdout.write(`note #${note.id} on ${code}${note.followUp ? `, follow up on ${note.followUp}` : ''}\n`);
  return ExitCode.Ok;
}
