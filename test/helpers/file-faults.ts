/**
 * File-system faults for tests, real where the machine allows it: as root, a small tmpfs mounted
 * in a temp folder that can be filled up or remounted read-only; otherwise the same faults
 * injected at the file-handle seam (a budget of bytes, then short writes and ENOSPC) or a folder
 * made unwritable with chmod (which stops everyone but root).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenWritable, WritableFile } from '../../src/files/write-all.js';

/** True when this process may mount file systems (root on Linux). */
export const canMount = process.platform === 'linux' && process.getuid?.() === 0;

/** A small tmpfs in a fresh temp folder (root only). */
export interface SmallDisk {
  readonly dir: string;
  /** Fill the disk with a file so that only `pages` free 4 KiB pages are left. */
  fill(pages: number): void;
  /** Remove the filler: the disk has room again. */
  free(): void;
  /** Remount read-only (true) or read-write (false). */
  readOnly(on: boolean): void;
  /** Unmount and remove the folder. */
  remove(): void;
}

/** Mount a tmpfs of `kib` KiB (call only when canMount). */
export function mountSmallDisk(kib: number): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'duedesk-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', dir]);
  const filler = join(dir, 'filler');
  return {
    dir,
    fill(pages) {
      const { bavail, bsize } = statfsSync(dir);
      const fd = openSync(filler, 'w');
      try {
        const bytes = Buffer.alloc(Math.max(0, (bavail - pages) * bsize), 1);
        for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
      } finally {
        closeSync(fd);
      }
    },
    free: () => rmSync(filler, { force: true }),
    readOnly: (on) => execFileSync('mount', ['-o', `remount,${on ? 'ro' : 'rw'}`, dir]),
    remove() {
      // Lazy: a file a failed test left open must not keep the mount behind.
      execFileSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An errno error like the ones node:fs throws. */
export function errnoError(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: refused, write '${path}'`), { code, path });
}

/** Opens real files whose writes go through `write` (given the real handle and the file's path). */
function faultyFiles(
  write: (real: FileHandle, path: string, buffer: Uint8Array, offset: number, length: number) => Promise<{ bytesWritten: number }>,
): OpenWritable {
  return async (path, flags, mode) => {
    const real = await open(path, flags, mode);
    const file: WritableFile = {
      write: (buffer, offset, length) => write(real, path, buffer, offset, length),
      sync: () => real.sync(),
      datasync: () => real.datasync(),
      truncate: (length) => real.truncate(length),
      stat: () => real.stat(),
      close: () => real.close(),
    };
    return file;
  };
}

/** Real files whose every write stops after `most` bytes, with no error. */
export function shortWrites(most: number): OpenWritable {
  return faultyFiles((real, _path, buffer, offset, length) => real.write(buffer, offset, Math.min(length, most)));
}

/**
 * Real files, but the disk is "full" after `budget` bytes in all: the write that crosses the
 * budget comes back short with no error, and every write after it fails with ENOSPC, as a
 * nearly full file system does.
 */
export function fullAfter(budget: number): OpenWritable {
  let left = budget;
  return faultyFiles(async (real, path, buffer, offset, length) => {
    if (left <= 0) throw errnoError('ENOSPC', path);
    const { bytesWritten } = await real.write(buffer, offset, Math.min(length, left));
    left -= bytesWritten;
    return { bytesWritten };
  });
}

/** Make `dir` unwritable for this process: read-only remount when root, else chmod 0555. */
export function unwritable(dir: string, disk: SmallDisk | null): void {
  if (disk) disk.readOnly(true);
  else chmodSync(dir, 0o555);
}

/** Undo `unwritable`. */
export function writableAgain(dir: string, disk: SmallDisk | null): void {
  if (disk) disk.readOnly(false);
  else chmodSync(dir, 0o755);
}
