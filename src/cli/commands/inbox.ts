/**
 * `duedesk inbox fetch` (docs/reference/cli.md §12): read the company mailbox and file what came
 * back; prints counts per kind and one line per bounce and reply. Headless: imports no Ink.
 */
import { actionDeps } from '../../actions/deps.js';
import { fetchInbox, type FetchResult } from '../../actions/inbox.js';
import { ExitCode, UserError } from '../../core/exit-codes.js';
import { parseStrictArgs } from '../../csv/import/strict-args.js';
import type { CommandContext } from '../../runtime/context.js';
import { progressLine } from '../../runtime/progress-line.js';

const USAGE = 'usage: duedesk inbox fetch';

/** Run `inbox …`; returns the exit code. */
export async function runInbox(args: string[], ctx: CommandContext): Promise<number> {
  const { positionals } = parseStrictArgs('inbox', USAGE, args, {});
  if (positionals.length !== 1 || positionals[0] !== 'fetch') {
    throw new UserError(`inbox: ${positionals.length === 0 ? 'fetch?' : `unexpected "${positionals.join(' ')}"`}\n${USAGE}`);
  }
  const deps = await actionDeps(ctx);
  const progress = progressLine(ctx, 'inbox fetch', 'mails', 0);
  let result: FetchResult;
  try {
    result = await fetchInbox.run(deps, { progress: (done, total) => progress.update(done, total) });
  } finally {
    progress.finish();
  }
  for (const line of reportLines(result)) ctx.stdout.write(`${line}\n`);
  return ExitCode.Ok;
}

/** What a fetch prints: the counts, then a line per bounce, reply and unmatched mail. */
export function reportLines(result: FetchResult): string[] {
  const { counts } = result;
  const total = counts.bounce + counts['auto-reply'] + counts.reply + counts.unmatched;
  const lines = [
    `${result.mailbox}: ${total} new: ${counts.bounce} bounce${counts.bounce === 1 ? '' : 's'}, ${counts.reply} repl${counts.reply === 1 ? 'y' : 'ies'}, ` +
      `${counts['auto-reply']} auto-repl${counts['auto-reply'] === 1 ? 'y' : 'ies'}, ${counts.unmatched} unmatched` +
      (result.alreadyFiled > 0 ? `; ${result.alreadyFiled} filed before` : '') +
      (result.moved > 0 ? `; ${result.moved} moved` : ''),
  ];
  for (const line of result.lines) {
    lines.push(`${line.kind.padEnd(6)} ${line.customerCode ?? '-'} message ${line.messageId ?? '-'}: ${line.gist}`);
  }
  for (const line of result.unmatched) lines.push(`unmatched ${line}`);
  return lines;
}
