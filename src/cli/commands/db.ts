/**
 * `duedesk db check | backup FILE [--replace] [--wait S] | copy SOURCE DEST [--replace] [--wait S]`
 * (docs/reference/cli.md §8), and the role commands (./db-roles.ts, docs/reference/cli.md §14). check and backup work on a database file; copy moves a ledger between
 * a file and PostgreSQL (./db-copy.ts). backup and copy are taken between sends
 * (./db-between-sends.ts).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandContext } from '../../runtime/context.js';
import { ExitCode, UserError } from '../../core/exit-codes.js';
import { parseStrictArgs } from '../../csv/import/strict-args.js';
import { backupDatabase, checkDatabaseFile } from '../../storage/sqljs/database-backup.js';
import { isPostgresUrl } from '../../storage/ledger-location.js';
import { maskUrl } from '../../storage/postgres/connection-url.js';
import { holdFileSends } from '../../storage/sqljs/send-lock.js';
import { actionDeps } from '../../actions/deps.js';
import { recordChange } from '../../actions/audit-trail.js';
import { pruneArchive as pruneArchiveAction } from '../../actions/archive.js';
import { localDate } from '../../core/dates.js';
import { checkArchive, type ArchiveProblem } from '../../storage/archive-tools.js';
import { DEFAULT_WAIT_SECONDS, journalLeft, settleDeadRun, settledNote, whileHeld, type HoldOptions } from './db-between-sends.js';

const DB_USAGE = 'usage: duedesk db check | backup FILE [--replace] [--wait S] | copy SOURCE DEST [--replace] [--wait S] | prune-archive | roles setup | grant ROLE clerk|supervisor|admin | revoke ROLE';

/** The longest --wait taken: a day (a cron job waiting longer is stuck, not patient). */
const MAX_WAIT_SECONDS = 86_400;

/** --wait SECONDS: how long backup or copy waits for a send under way. */
function waitSeconds(given: string | undefined): number {
  if (given === undefined) return DEFAULT_WAIT_SECONDS;
  const seconds = /^\d{1,6}$/.test(given) ? Number(given) : Number.NaN;
  if (!(seconds <= MAX_WAIT_SECONDS)) throw new UserError(`db: --wait must be a whole number of seconds from 0 to ${MAX_WAIT_SECONDS} (got "${given}")\n${DB_USAGE}`);
  return seconds;
}

/** Run `db …` on the database file `dbPath`; returns the exit code. */
export async function runDb(args: string[], dbPath: string, ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseStrictArgs('db', DB_USAGE, args, {
    replace: { type: 'boolean', default: false },
    wait: { type: 'string' },
  });
  const [action, ...rest] = positionals;
  if (action === 'roles' || action === 'grant' || action === 'revoke') {
    if (values.replace || values.wait !== undefined) throw new UserError(`db ${action}: takes no --replace or --wait\n${DB_USAGE}`);
    const { runDbRoles } = await import('./db-roles.js');
    return runDbRoles(positionals, ctx);
  }
  if (values.wait !== undefined && action !== 'copy' && action !== 'backup') throw new UserError(`db: --wait works only with backup or copy\n${DB_USAGE}`);
  const hold = (doing: string): HoldOptions => ({ doing, waitMs: waitSeconds(values.wait) * 1000, now: ctx.now });
  if (action === 'copy' && rest.length === 2 && rest[0] && rest[1]) {
    const { runDbCopy } = await import('./db-copy.js');
    return runDbCopy(rest[0], rest[1], { replace: values.replace, hold: hold('db copy') }, ctx);
  }
  if (action === 'prune-archive' && rest.length === 0 && !values.replace) return pruneArchive(ctx);
  if (action === 'check' && rest.length === 0 && !values.replace && isPostgresUrl(dbPath)) return checkLedgerArchive(ctx);
  if ((action === 'check' || action === 'backup') && isPostgresUrl(dbPath)) {
    throw new UserError(`db ${action} works on a database file; back up a PostgreSQL ledger with db copy URL FILE (taken between sends) or pg_dump (${maskUrl(dbPath)})`);
  }
  if (action === 'check' && rest.length === 0 && !values.replace) return check(dbPath, ctx);
  if (action === 'backup' && rest.length === 1 && rest[0]) return backup(dbPath, resolve(ctx.cwd, rest[0]), values.replace, hold('db backup'), ctx);
  throw new UserError(`db: ${action === undefined ? 'check, backup, copy or prune-archive?' : `unexpected "${positionals.join(' ')}"`}\n${DB_USAGE}`);
}

/**
 * integrity_check, then every archived copy against its hash: "FILE: ok" and exit 0; a damaged
 * file lists every problem and exits 2; copies missing or altered are named one per line, exit 1.
 */
async function check(dbPath: string, ctx: CommandContext): Promise<number> {
  const { path, problems, archive } = await checkDatabaseFile(dbPath);
  if (problems.length === 0) {
    if (archive.problems.length > 0) return archiveFindings(archive, ctx);
    ctx.stdout.write(`${path}: ok${archive.checked > 0 ? ` (${copies(archive.checked)} checked)` : ''}\n`);
    return ExitCode.Ok;
  }
  for (const problem of problems) ctx.stdout.write(`${path}: ${problem}\n`);
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  throw new UserError(`the database ${path} is damaged: integrity_check found ${count}; restore a backup`);
}

/**
 * A backup is taken between sends: with the send lock held, a journal a dead run left is first
 * folded into the history (its unfinished messages `uncertain`), so restoring the backup never
 * sends a message again that had begun before it.
 */
async function backup(dbPath: string, target: string, replace: boolean, hold: HoldOptions, ctx: CommandContext): Promise<number> {
  if (!existsSync(dbPath)) throw new UserError(`no database at ${dbPath}`);
  const size = await whileHeld(await holdFileSends(dbPath, hold), async () => {
    const settled = journalLeft(dbPath) ? await settleDeadRun(dbPath, hold) : 0;
    if (settled > 0) ctx.stderr.write(`${settledNote('db backup', settled)}\n`);
    return backupDatabase(dbPath, target, { replace });
  });
  // Recorded once it is written (docs/reference/roles.md §4): the next backup holds the record.
  await recordChange(await ctx.openLedger(), ctx, { action: 'db backup', customerCode: null, subject: target, oldValue: null, newValue: null, detail: `${size} bytes` });
  ctx.stdout.write(`${target}: backup of ${dbPath} written (${size} bytes, integrity_check ok)\n`);
  return ExitCode.Ok;
}

/** `db check` on PostgreSQL: the server keeps its own pages sound; the archive is checked here. */
async function checkLedgerArchive(ctx: CommandContext): Promise<number> {
  const ledger = await ctx.openLedger();
  const archive = await checkArchive((query) => ledger.read(query), ledger.archive);
  if (archive.problems.length > 0) return archiveFindings(archive, ctx);
  ctx.stdout.write(`${ledger.location}: archive ok (${copies(archive.checked)} checked)\n`);
  return ExitCode.Ok;
}

/** Each copy missing or altered on its own line naming the message and where the copy is; exit 1. */
function archiveFindings(archive: { checked: number; problems: ArchiveProblem[] }, ctx: CommandContext): number {
  for (const { message, problem, where } of archive.problems) {
    const what = problem === 'missing' ? 'is missing' : `was altered (no longer SHA-256 ${message.sha256})`;
    const name = message.ref.startsWith('N') ? `notice ${message.ref}` : `message ${message.ref}`;
    ctx.stdout.write(`${name} (${message.customerCode}, ${message.createdAt.slice(0, 10)}): archived copy ${what}: ${where}\n`);
  }
  ctx.stderr.write(`duedesk: ${archive.problems.length} of ${copies(archive.checked)} missing or altered; restore them from a backup\n`);
  return ExitCode.SomeFailed;
}

/** `N archived copies`. */
function copies(count: number): string {
  return `${count} archived ${count === 1 ? 'copy' : 'copies'}`;
}

/** Remove the archived copies older than archive.keepDays, and say how many and how much space. */
async function pruneArchive(ctx: CommandContext): Promise<number> {
  const deps = await actionDeps(ctx);
  const now = ctx.now();
  const pruned = await pruneArchiveAction.run(deps, { today: localDate(now), at: now.toISOString() });
  if (pruned.before === null) {
    ctx.stdout.write('archive.keepDays is not set: every archived copy is kept (duedesk config set archive.keepDays DAYS)\n');
    return ExitCode.Ok;
  }
  ctx.stdout.write(`removed ${copies(pruned.count)} of messages sent up to ${pruned.before}, ${pruned.freed} bytes freed\n`);
  return ExitCode.Ok;
}
