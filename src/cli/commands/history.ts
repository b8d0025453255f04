/**
 * `duedesk history show ID` and `duedesk history copy ID --out DIR` (docs/reference/cli.md §11):
 * one message as History's detail shows it with its archived copy, and that copy written back out
 * byte for byte with each attachment as sent. Headless: imports no Ink.
 */
import { resolve } from 'node:path';
import { actionDeps } from '../../actions/deps.js';
import { showMessage, writeMessageCopy } from '../../actions/archive.js';
import type { MessageRecord } from '../../core/domain.js';
import { ExitCode, UserError } from '../../core/exit-codes.js';
import { parseStrictArgs } from '../../csv/import/strict-args.js';
import type { CommandContext } from '../../runtime/context.js';
import { retriesOf } from '../../ui/screens/history-model.js';
import { detailFacts } from '../../ui/screens/history-rows.js';

const USAGE = 'usage: duedesk history show ID | duedesk history copy ID --out DIR';

/** Run `history …`; returns the exit code. */
export async function runHistory(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseStrictArgs('history', USAGE, args, { out: { type: 'string' } });
  const [action, idText, ...rest] = positionals;
  if ((action !== 'show' && action !== 'copy') || idText === undefined || rest.length > 0) {
    throw new UserError(`history: ${action === undefined ? 'show or copy?' : `unexpected "${positionals.join(' ')}"`}\n${USAGE}`);
  }
  if (!/^\d{1,15}$/.test(idText)) throw new UserError(`history ${action}: "${idText}" is not a message id (a number, as History and export history show it)`);
  const id = Number(idText);
  if (action === 'show') {
    if (values.out !== undefined) throw new UserError(`history show: --out works only with history copy\n${USAGE}`);
    const deps = await actionDeps(ctx);
    const { record, timeline } = await showMessage.run(deps, id);
    for (const line of [...detailFacts(record, retriesOf(timeline).get(record.id)), archiveLine(record)]) ctx.stdout.write(`${line}\n`);
    return ExitCode.Ok;
  }
  if (values.out === undefined || values.out === '') throw new UserError(`history copy: where to? --out DIR is needed\n${USAGE}`);
  const deps = await actionDeps(ctx);
  const written = await writeMessageCopy.run(deps, { id, out: resolve(ctx.cwd, values.out) });
  for (const file of [written.eml, ...written.attachments]) ctx.stdout.write(`${file}\n`);
  return ExitCode.Ok;
}

/** What the history says of the message's archived copy. */
function archiveLine(record: MessageRecord): string {
  const copy = record.archive;
  if (!copy) return 'Archived copy: none (recorded before duedesk kept copies)';
  const kept = copy.prunedAt === null ? 'kept' : `pruned on ${copy.prunedAt.slice(0, 10)}`;
  return `Archived copy: SHA-256 ${copy.sha256} · ${copy.size} bytes · ${kept}`;
}
