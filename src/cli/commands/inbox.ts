/**
 * `duedesk inbox fetch` (docs/reference/cli.md §12): read the company mailbox and file what came
 * back; prints counts per kind and one line per bounce and reply. Headless: imports no Ink.
 */
import { actionDeps } from '../../actions/deps.js';
import { clearUndeliverableAddress, fetchInbox, handleMail, openInbox, type FetchResult, type HandledAs } from '../../actions/inbox.js';
import { ExitCode, UserError } from '../../core/exit-codes.js';
import { parseStrictArgs } from '../../csv/import/strict-args.js';
import type { CommandContext } from '../../runtime/context.js';
import { progressLine } from '../../runtime/progress-line.js';

const USAGE = 'usage: duedesk inbox fetch | list | handle ID [promise|dispute|note|handled] | clear CODE [ADDRESS]';

const HANDLED: readonly HandledAs[] = ['promise', 'dispute', 'note', 'handled'];

/** Run `inbox …`; returns the exit code. */
export async function runInbox(args: string[], ctx: CommandContext): Promise<number> {
  const { positionals } = parseStrictArgs('inbox', USAGE, args, {});
  const [action, ...rest] = positionals;
  if (action === 'list' && rest.length === 0) return list(ctx);
  if (action === 'handle' && (rest.length === 1 || rest.length === 2)) {
    const [idText, how] = rest as [string, string | undefined];
    if (!/^\d{1,15}$/.test(idText)) throw new UserError(`inbox handle: "${idText}" is not an inbox id (a number, as inbox list shows it)`);
    const as = (how ?? 'handled') as HandledAs;
    if (!HANDLED.includes(as)) throw new UserError(`inbox handle: how it was handled must be one of ${HANDLED.join(', ')}, not "${how ?? ''}"`);
    await handleMail.run(await actionDeps(ctx), { id: Number(idText), as });
    ctx.stdout.write(`inbox mail ${idText} handled (${as})\n`);
    return ExitCode.Ok;
  }
  if (action === 'clear' && (rest.length === 1 || rest.length === 2)) {
    const [customerCode, address] = rest as [string, string | undefined];
    const cleared = await clearUndeliverableAddress.run(await actionDeps(ctx), { customerCode, address: address ?? null });
    ctx.stdout.write(`${customerCode}: ${cleared} undeliverable address${cleared === 1 ? '' : 'es'} cleared\n`);
    return ExitCode.Ok;
  }
  if (action !== 'fetch' || rest.length > 0) {
    throw new UserError(`inbox: ${action === undefined ? 'fetch, list, handle or clear?' : `unexpected "${positionals.join(' ')}"`}\n${USAGE}`);
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

/** `inbox list`: the bounces and replies nobody has handled, newest first, one line each. */
async function list(ctx: CommandContext): Promise<number> {
  for (const mail of await openInbox.run(await actionDeps(ctx), undefined)) {
    const gist = mail.kind === 'bounce' ? `${mail.permanent ? 'bounced' : 'delayed'} ${mail.address} ${mail.status}: ${mail.detail}` : `${mail.from}: ${mail.detail}`;
    ctx.stdout.write(`${mail.id}  ${mail.receivedAt.slice(0, 10)}  ${mail.kind.padEnd(6)} ${mail.customerCode ?? '-'}  ${gist.replace(/\s+/g, ' ')}\n`);
  }
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
