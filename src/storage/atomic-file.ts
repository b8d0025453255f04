/**
 * Atomic replacement of the database file: write a temp file in the same folder, fsync it,
 * rename it over the target and fsync the folder. A crash at any point leaves either the old
 * file or the new one, never a mix. Temp files carry the writer's pid so that a later open can
 * remove the ones whose writer is gone.
 */
import { closeSync, fsyncSync, linkSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { pidExists } from './process-alive.js';

/** Test seam: called after the temp file is durable and before it replaces the target. */
export interface SaveHooks {
  /** Throwing (or exiting) here simulates a crash between fsync and rename. */
  beforeRename?(tempPath: string): void;
}

/** Name of a temp file for `file` owned by this process. */
export function tempPathFor(file: string): string {
  return `${file}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
}

/**
 * Write `bytes` to `file` atomically and durably (see the module comment). `exclusive`: never
 * replace an existing file — the temp is hard-linked into place, which fails with EEXIST if the
 * name exists, instead of renamed over it.
 */
export function saveAtomic(file: string, bytes: Uint8Array, hooks: SaveHooks = {}, exclusive = false): void {
  const temp = tempPathFor(file);
  const fd = openSync(temp, 'wx', 0o600);
  let renamed = false;
  try {
    try {
      let written = 0;
      while (written < bytes.byteLength) {
        written += writeSync(fd, bytes, written, bytes.byteLength - written);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    hooks.beforeRename?.(temp);
    if (exclusive) linkSync(temp, file);
    else renameSync(temp, file);
    // A link leaves the temp's name behind as well: removed below like a failed save's.
    renamed = !exclusive;
    fsyncFolder(dirname(file));
  } finally {
    if (!renamed) removeQuietly(temp);
  }
}

/** Make a rename durable by syncing the folder entry (not possible on Windows; skipped there). */
function fsyncFolder(folder: string): void {
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
