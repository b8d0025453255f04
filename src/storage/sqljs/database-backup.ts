/**
 * `db check` and `db backup` on the database file itself, without opening it as a Store: a check
 * must neither create a missing file nor migrate an old one, and a backup is the file's bytes
 * exactly as the last writer saved them.
 */
import { resolve } from 'node:path';
import { UserError } from '../../core/exit-codes.js';
import { FileWriteError, rethrowAsFileError } from '../../core/file-errors.js';
import { writeFileAtomic } from '../../files/atomic-file.js';
import { damagedError, integrityProblems } from './database-damage.js';
import { openDatabaseBytes, readDatabaseBytes } from './database-file.js';
import { DEFAULT_LOCK_TIMEOUT_MS } from './database.js';
import { acquireLock } from '../../files/lock.js';
import { checkSchema } from './migrate.js';
import { loadSqlEngine } from './sql-engine.js';
import { sqlOverDatabase } from './sqljs-sql.js';
import { SqlJsDb } from './sqljs-engine.js';
import type { EngineDb } from './engine-db.js';
import { fileArchive } from './file-archive.js';
import { carryArchive, checkArchive, type ArchiveProblem, type ReadVia } from '../archive-tools.js';

/** What `db check` found: no problems means intact. */
export interface CheckResult {
  path: string;
  /** integrity_check's findings, one per line; empty when it says ok. */
  problems: string[];
  /** The archived copies checked against their hashes (none when integrity_check failed). */
  archive: { checked: number; problems: ArchiveProblem[] };
}

/** Queries on an open database file, as the archive tools read a ledger. */
function readOpen(db: EngineDb): ReadVia {
  return (query) => query(sqlOverDatabase(db));
}

/** True when the file's schema has the archive's columns (a file from before them has no copies). */
function keepsArchive(db: EngineDb): boolean {
  return db.exec("SELECT 1 FROM pragma_table_info('messages') WHERE name = 'archive_sha256'").length > 0;
}

/** The bytes of the database at `path` and the database they open as (caller closes it). */
async function openFile(path: string): Promise<{ bytes: Uint8Array; db: EngineDb }> {
  let bytes: Uint8Array;
  try {
    bytes = readDatabaseBytes(path).bytes;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError(`no database at ${path}`);
    throw error;
  }
  const db = new SqlJsDb(openDatabaseBytes(await loadSqlEngine(), bytes, path));
  try {
    checkSchema(db, path);
  } catch (error) {
    db.close();
    throw error;
  }
  return { bytes, db };
}

/** Run integrity_check on the database file at `path` (read only; nothing is written). */
export async function checkDatabaseFile(path: string): Promise<CheckResult> {
  const { db } = await openFile(path);
  try {
    const problems = integrityProblems(db, true);
    const archive = problems.length === 0 && keepsArchive(db) ? await checkArchive(readOpen(db), fileArchive(path)) : { checked: 0, problems: [] };
    return { path, problems, archive };
  } finally {
    db.close();
  }
}

/** Options of `db backup`. */
export interface BackupOptions {
  /** Replace `target` when it exists (default: refuse). */
  replace: boolean;
  /** How long to wait for a writer's lock before exit 75. */
  lockTimeoutMs?: number;
}

/**
 * Copy the database at `source` to `target`, its archived copies into the archive beside
 * `target` (docs/reference/cli.md §8.2): under the write lock (so the copy is one saved
 * state), only when integrity_check passes (a nightly backup of a damaged file would rotate the
 * good backups away), written atomically with mode 0600. Returns the size in bytes.
 */
export async function backupDatabase(source: string, target: string, options: BackupOptions): Promise<number> {
  if (resolve(source) === resolve(target)) throw new UserError(`backup: ${target} is the database itself; name another file`);
  const lock = await acquireLock(source, { timeoutMs: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS });
  try {
    const { bytes, db } = await openFile(source);
    try {
      const problems = integrityProblems(db, true);
      if (problems.length > 0) throw damagedError(source, `${problems[0]}; no backup written`);
      // The archive goes first: a backup file is only there once the copies it names are too.
      const from = fileArchive(source);
      const to = fileArchive(target);
      if (keepsArchive(db) && from.location !== to.location) await carryArchive(readOpen(db), from, to);
    } finally {
      db.close();
    }
    await writeBackup(target, bytes, options.replace);
    return bytes.byteLength;
  } finally {
    lock.release();
  }
}

async function writeBackup(target: string, bytes: Uint8Array, replace: boolean): Promise<void> {
  try {
    await writeFileAtomic(target, bytes, {}, !replace);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UserError(`backup: ${target} already exists; name another file or add --replace`);
    if (code === 'ENOENT') throw new FileWriteError(target, 'no such folder', code);
    rethrowAsFileError(error, target);
  }
}
