/**
 * `db check` and `db backup` on the database file itself, without opening it as a Store: a check
 * must neither create a missing file nor migrate an old one, and a backup is the file's bytes
 * exactly as the last writer saved them.
 */
import { rmdir, stat } from 'node:fs/promises';
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
import type { MessageArchive } from '../archive.js';

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
  // Refused before anything is written, the copies beside it included.
  if (!options.replace && (await pathExists(target))) throw alreadyThere(target);
  if (await isFolder(target)) throw new UserError(`backup: ${target} is a folder; name the backup file`);
  const lock = await acquireLock(source, { timeoutMs: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS });
  const to = fileArchive(target);
  const folderThere = await pathExists(to.location);
  const added: string[] = [];
  try {
    const { bytes, db } = await openFile(source);
    try {
      const problems = integrityProblems(db, true);
      if (problems.length > 0) throw damagedError(source, `${problems[0]}; no backup written`);
      // The archive goes first: a backup file is only there once the copies it names are too.
      const from = fileArchive(source);
      if (keepsArchive(db) && from.location !== to.location) await carryArchive(readOpen(db), from, to, (sha256) => added.push(sha256));
    } finally {
      db.close();
    }
    await writeBackup(target, bytes, options.replace);
    return bytes.byteLength;
  } catch (error) {
    // A refused backup leaves no copies behind: the ones this backup wrote are taken back.
    await takeBack(to, added, folderThere);
    throw error;
  } finally {
    lock.release();
  }
}

/** Remove the copies `added` from `archive`, and its folder when this backup made it and it is empty again. */
async function takeBack(archive: MessageArchive, added: readonly string[], folderThere: boolean): Promise<void> {
  for (const sha256 of added) await archive.drop(sha256).catch(() => 0);
  if (!folderThere) await rmdir(archive.location).catch(() => undefined);
}

/** The refusal of a backup over an existing file without --replace. */
function alreadyThere(target: string): UserError {
  return new UserError(`backup: ${target} already exists; name another file or add --replace`);
}

async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function writeBackup(target: string, bytes: Uint8Array, replace: boolean): Promise<void> {
  try {
    await writeFileAtomic(target, bytes, {}, !replace);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw alreadyThere(target);
    if (code === 'ENOENT') throw new FileWriteError(target, 'no such folder', code);
    rethrowAsFileError(error, target);
  }
}
