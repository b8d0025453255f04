/**
 * Atomic replacement of a file (the database, an outbox message, a letter, a preview): write a
 * temp file in the same folder, fsync it, rename it over the target and fsync the folder. A crash
 * at any point leaves either the old file or the new one, never a mix. Temp files carry the
 * writer's pid and a random part, so two writes in one process never share one, and a later open
 * can remove the ones whose writer is gone. A write that fails removes its temp file and is
 * reported as a FileWriteError naming the target.
 */
import { closeSync, fsyncSync, openSync, readdirSync, unlinkSync } from 'node:fs';
import { link, rename } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { rethrowAsFileError } from '../core/file-errors.js';
import { pidExists } from './process-alive.js';
import { openWritable, writeAll, type OpenWritable } from './write-all.js';

/** Test seams: a crash between fsync and rename, and the file handle the temp is written through. */
export interface SaveHooks {
  /** Throwing (or exiting) here simulates a crash between fsync and rename. */
  beforeRename?(tempPath: string): void;
  /** Opens the temp file (default: the real file system); tests cut writes short or refuse them. */
  open?: OpenWritable;
}

/** Name of a temp file for `file` owned by this process. */
export function tempPathFor(file: string): string {
  return `${file}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
}

/**
 * Write `bytes` to `file` atomically and durably, file mode 0600 (see the module comment).
 * `exclusive`: never replace an existing file — the temp is hard-linked into place, which fails
 * with EEXIST if the name exists, instead of renamed over it.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array, hooks: SaveHooks = {}, exclusive = false): Promise<void> {
  const temp = tempPathFor(file);
  let renamed = false;
  try {
    const handle = await (hooks.open ?? openWritable)(temp, 'wx', 0o600);
    try {
      await writeAll(handle, bytes, file);
      await handle.sync();
    } finally {
      await handle.close();
    }
    hooks.beforeRename?.(temp);
    if (exclusive) await link(temp, file);
    else await rename(temp, file);
    // A link leaves the temp's name behind as well: removed below like a failed save's.
    renamed = !exclusive;
    fsyncFolder(dirname(file));
  } catch (error) {
    rethrowAsFileError(error, file);
  } finally {
    if (!renamed) removeQuietly(temp);
  }
}

/** Make a rename durable by syncing the folder entry (not possible on Windows; skipped there). */
export function fsyncFolder(folder: string): void {
  let fd: number;
  try {
    fd = openSync(folder, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error;
  } finally {
    closeSync(fd);
  }
}

/**
 * Remove temp files left by saves of `file` that crashed (their writer pid is gone).
 * Returns the names removed. Temps of live processes are in use and stay.
 */
export function removeStaleTemps(file: string): string[] {
  const folder = dirname(file);
  const prefix = `${basename(file)}.tmp-`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)-[0-9a-f]+$/.exec(name.slice(prefix.length));
    if (!match) continue;
    const pid = Number(match[1]);
    if (pidExists(pid)) continue;
    if (removeQuietly(join(folder, name))) removed.push(name);
  }
  return removed;
}

/** Unlink, ignoring a file that is already gone. True when this call removed it. */
export function removeQuietly(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch {
    return false;
  }
}
