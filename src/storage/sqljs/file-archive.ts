/**
 * The file ledger's archive: the folder `archive/` beside the database file, one gzip file per
 * message named `<sha256>.eml.gz` (docs/reference/cli.md §11.1). Not inside the sql.js file, which
 * is held in memory whole. Each copy is written atomically and durably, mode 0600, with the
 * outbox's rules for a full or read-only disk (../../files/atomic-file.ts).
 */
import { mkdir, readFile, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { FileWriteError, rethrowAsFileError } from '../../core/file-errors.js';
import { writeFileAtomic } from '../../files/atomic-file.js';
import type { OpenWritable } from '../../files/write-all.js';
import { packCopy, sha256Of, unpackCopy, type MessageArchive } from '../archive.js';

/** The archive folder of the database file `dbPath`. */
export function archiveFolder(dbPath: string): string {
  return join(dirname(dbPath), 'archive');
}

/** The archive beside `dbPath`; `open` is the test seam for the copies' file handles. */
export function fileArchive(dbPath: string, open?: OpenWritable): MessageArchive {
  const folder = archiveFolder(dbPath);
  const fileOf = (sha256: string): string => join(folder, `${sha256}.eml.gz`);
  return {
    location: folder,
    async keep(bytes) {
      const copy = { sha256: sha256Of(bytes), size: bytes.byteLength };
      const file = fileOf(copy.sha256);
      // Named by its hash: a copy already there is this one (db check tells an altered one).
      if (await exists(file)) return copy;
      try {
        await mkdir(folder, { recursive: true, mode: 0o700 });
      } catch (error) {
        // A file where the folder belongs: no copy can go there, and the send must stop.
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST' || code === 'ENOTDIR') throw new FileWriteError(folder, 'a file is in the way of the folder', code);
        rethrowAsFileError(error, folder);
      }
      await writeFileAtomic(file, packCopy(bytes), open ? { open } : {});
      return copy;
    },
    async fetch(sha256) {
      let stored: Buffer;
      try {
        stored = await readFile(fileOf(sha256));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      // An altered copy comes back as stored: its hash then names it (db check).
      return unpackCopy(stored) ?? stored;
    },
    async drop(sha256) {
      const file = fileOf(sha256);
      try {
        const { size } = await stat(file);
        await unlink(file);
        return size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
        rethrowAsFileError(error, file);
      }
    },
    whereIs: fileOf,
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
