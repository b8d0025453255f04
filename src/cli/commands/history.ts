/**
 * `duedesk history show ID` and `duedesk history copy ID --out DIR` (docs/reference/cli.md §11):
 * one message as History's detail shows it with its archived copy, and that copy written back out
 * byte for byte with each attachment as sent. A notice is named `N` and its number (§11.4).
 * Headless: imports no Ink.
 */
import { resolve } from 'node:path';
import { actionDeps } from '../../actions/deps.js';
import { showMessage, showNotice, writeMessageCopy } from '../../actions/archive.js';
import type { ArchiveRef, NoticeRecord } from '../../core/domain.js';
import { ExitCode, UserError } from '../../core/exit-codes.js';
import { parseStrictArgs } from '../../csv/import/strict-args.js';
import type { CommandContext } from '../../runtime/context.js';
import { retriesOf } from '../../ui/screens/history-model.js';
import { detailFacts } from '../../ui/screens/history-rows.js';

const USAGE = 'usage: duedesk history show ID | duedesk history copy ID --out DIR | duedesk history resend ID [--to ADDRESS]';

/** Run `history …`; returns the exit code. */
export async function runHistory(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseStrictArgs('history', USAGE, args, { out: { type: 'string' }, to: { type: 'string' } });
  const [action, idText, ...rest] = positionals;
  if ((action !== 'show' && action !== 'copy' && action !== 'resend') || idText === undefined || rest.length > 0) {
    throw new UserError(`history: ${action === undefined ? 'show, copy or resend?' : `unexpected "${positionals.join(' ')}"`}\n${USAGE}`);
  }
  if (values.to !== undefined && action !== 'resend') throw new UserError(`history ${action}: --to works only with history resend\n${USAGE}`);
  const parsed = /^([Nn]?)(\d{1,15})$/.exec(idText);
  if (parsed === null) throw new UserError(`history ${action}: "${idText}" is not a message id (a number, as History and export history show it, or N and a notice's number)`);
  const id = Number(parsed[2]);
  const notice = parsed[1] !== '';
  if (action === 'resend') {
    if (notice) throw new UserError(`history resend: ${idText} is a notice; only messages to customers are sent again as copies`);
    if (values.out !== undefined) throw new UserError(`history resend: --out works only with history copy\n${USAGE}`);
    return resend(id, values.to, ctx);
  }
  if (action === 'show') {
    if (values.out !== undefined) throw new UserError(`history show: --out works only with history copy\n${USAGE}`);
    const deps = await actionDeps(ctx);
    const lines = notice ? noticeLines(await showNotice.run(deps, id)) : await messageLines(deps, id);
    for (const line of lines) ctx.stdout.write(`${line}\n`);
    return ExitCode.Ok;
  }
  if (values.out === undefined || values.out === '') throw new UserError(`history copy: where to? --out DIR is needed\n${USAGE}`);
  const deps = await actionDeps(ctx);
  const written = await writeMessageCopy.run(deps, { id, out: resolve(ctx.cwd, values.out), notice });
  for (const file of [written.eml, ...written.attachments]) ctx.stdout.write(`${file}\n`);
  return ExitCode.Ok;
}

/** Send a copy of message `id` (docs/reference/cli.md §11.5): 0 sent, 1 failed or uncertain. */
async function resend(id: number, to: string | undefined, ctx: CommandContext): Promise<number> {
  const { sendMessageCopy } = await import('../../actions/resend.js');
  const deps = await actionDeps(ctx);
  const copy = await sendMessageCopy.run(deps, { id, to });
  for (const line of deps.session.warnings.lines) ctx.stderr.write(`duedesk: ${line}\n`);
  const what = `copy of message ${copy.of} to ${copy.to.join(', ')}`;
  if (copy.status === 'sent') {
    ctx.stdout.write(`${what} sent${copy.id !== null ? ` as message ${copy.id}` : ''}${copy.error ? ` (${copy.error})` : ''}\n`);
    return ExitCode.Ok;
  }
  ctx.stderr.write(`duedesk: ${what} ${copy.status}${copy.id !== null ? ` (message ${copy.id})` : ''}: ${copy.error ?? ''}\n`);
  return ExitCode.SomeFailed;
}

/** History's detail of message `id` and its archived copy. */
async function messageLines(deps: Awaited<ReturnType<typeof actionDeps>>, id: number): Promise<string[]> {
  const { record, timeline } = await showMessage.run(deps, id);
  return [...detailFacts(record, retriesOf(timeline).get(record.id)), archiveLine(record.archive)];
}

/** A notice's record and its archived copy (docs/reference/cli.md §11.4). */
function noticeLines(n: NoticeRecord): string[] {
  const what = { dispute: 'dispute notice to the sales agent', digest: 'approval digest', test: 'test e-mail' }[n.kind];
  return [
    `Notice N${n.id} · ${what}${n.customerCode !== null ? ` · ${n.customerCode}` : ''}`,
    `Status: ${n.status}${n.error ? ` — ${n.error}` : ''}`,
    `To: ${n.to.join(', ')}`,
    `Subject: ${n.subject}`,
    `Message-ID: ${n.messageId}`,
    `Created ${n.createdAt} · updated ${n.updatedAt}${n.operator ? ` · by ${n.operator}` : ''}`,
    archiveLine(n.archive),
  ];
}

/** What the record says of its archived copy. */
function archiveLine(copy: ArchiveRef | null | undefined): string {
  if (!copy) return 'Archived copy: none (recorded before duedesk kept copies)';
  const kept = copy.prunedAt === null ? 'kept' : `pruned on ${copy.prunedAt.slice(0, 10)}`;
  return `Archived copy: SHA-256 ${copy.sha256} · ${copy.size} bytes · ${kept}`;
}
