/**
 * `duedesk db check | backup FILE [--replace] | copy SOURCE DEST [--replace]` (SPEC §6). check and
 * backup work on a database file; copy moves a ledger between a file and PostgreSQL (./db-copy.ts).
 */
import { resolve } from 'node:path';
import type { CommandContext } from '../../runtime/context.js';
import { ExitCode, UserError } from '../../core/exit-codes.js';
import { parseStrictArgs } from '../../csv/import/strict-args.js';
import { backupDatabase, checkDatabaseFile } from '../../storage/database-backup.js';
import { isPostgresUrl } from '../../storage/ledger-location.js';
import { maskUrl } from '../../storage/postgres/connection-url.js';

const DB_USAGE = 'usage: duedesk db check | backup FILE [--replace] | copy SOURCE DEST [--replace]';

/** Run `db …` on the database file `dbPath`; returns the exit code. */
export async function runDb(args: string[], dbPath: string, ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseStrictArgs('db', DB_USAGE, args, { replace: { type: 'boolean', default: false } });
  const [action, ...rest] = positionals;
  if (action === 'copy' && rest.length === 2 && rest[0] && rest[1]) {
    const { runDbCopy } = await import('./db-copy.js');
    return runDbCopy(rest[0], rest[1], values.replace, ctx);
  }
  if ((action === 'check' || action === 'backup') && isPostgresUrl(dbPath)) {
    throw new UserError(`db ${action} works on a database file; back up a PostgreSQL ledger with pg_dump (${maskUrl(dbPath)})`);
  }
  if (action === 'check' && rest.length === 0 && !values.replace) return check(dbPath, ctx);
  if (action === 'backup' && rest.length === 1 && rest[0]) return backup(dbPath, resolve(ctx.cwd, rest[0]), values.replace, ctx);
  throw new UserError(`db: ${action === undefined ? 'check, backup or copy?' : `unexpected "${positionals.join(' ')}"`}\n${DB_USAGE}`);
}

/** integrity_check: "FILE: ok" and exit 0, or every problem on stdout and exit 2. */
async function check(dbPath: string, ctx: CommandContext): Promise<number> {
  const { path, problems } = await checkDatabaseFile(dbPath);
  if (problems.length === 0) {
    ctx.stdout.write(`${path}: ok\n`);
    return ExitCode.Ok;
  }
  for (const problem of problems) ctx.stdout.write(`${path}: ${problem}\n`);
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  throw new UserError(`the database ${path} is damaged: integrity_check found ${count}; restore a backup`);
}

async function backup(dbPath: string, target: string, replace: boolean, ctx: CommandContext): Promise<number> {
  const size = await backupDatabase(dbPath, target, { replace });
  ctx.stdout.write(`${target}: backup of ${dbPath} written (${size} bytes, integrity_check ok)\n`);
  return ExitCode.Ok;
}
