/**
 * A damaged database file (SQLITE_CORRUPT, SQLITE_NOTADB) is the user's to repair, and must never
 * be saved over: every write would copy the damaged pages into a new file that looks current.
 * sql.js reports these only as message text, so they are recognised here, once, by the texts
 * SQLite uses for them.
 */
import type { SqlScript } from './sql-script.js';
import { UserError } from '../../core/exit-codes.js';

/** The messages of SQLITE_CORRUPT and SQLITE_NOTADB as sql.js passes them on. */
const CORRUPTION = /database disk image is malformed|malformed database schema|file is not a database/;

/** Is `error` SQLite saying the database is damaged? */
export function isCorruption(error: unknown): boolean {
  return error instanceof Error && !(error instanceof UserError) && CORRUPTION.test(error.message);
}

/** `the database FILE is damaged: REASON; run "duedesk db check" …` (exit 2). */
export function damagedError(path: string, reason: string): UserError {
  return new UserError(`the database ${path} is damaged: ${reason}; run "duedesk db check" for details and restore a backup`);
}

/** `error` as damagedError when it is SQLite reporting damage, else unchanged. */
export function asDamaged(error: unknown, path: string): unknown {
  return isCorruption(error) ? damagedError(path, (error as Error).message.split('\n')[0] ?? '') : error;
}

/**
 * What SQLite finds wrong with `db`: [] when intact. `full` runs integrity_check (also compares
 * every index with its table); otherwise quick_check, which reads every page and checks the
 * structure at a third of the cost. A check that itself fails on the damage reports that failure.
 */
export function integrityProblems(db: SqlScript, full: boolean): string[] {
  try {
    const rows = db.exec(full ? 'PRAGMA integrity_check' : 'PRAGMA quick_check')[0]?.values ?? [];
    // One row may hold several lines under a "*** in database main ***" heading.
    const found = rows.flatMap((row) => String(row[0]).split('\n')).filter((line) => line !== '' && !/^\*\*\* in database /.test(line));
    return found.length === 1 && found[0] === 'ok' ? [] : found;
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}
