/**
 * The archive: every message kept byte for byte as it was handed to the transport, named by its
 * SHA-256 (docs/reference/cli.md §11.1). Part of the ledger port: each engine's room keeps the
 * copies where they belong (a file ledger in the folder `archive/` beside the file, an in-memory
 * database and PostgreSQL in the table `archive_copies`), so delivery never asks which it has.
 * Copies are stored compressed (gzip); what goes in and comes out are the bytes as sent.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Sql } from './sql.js';
import { firstRow, int, runOnce } from './rows.js';

/** What the history row records of its copy. */
export interface ArchivedCopy {
  /** SHA-256 of the bytes as sent, lower-case hex. */
  sha256: string;
  /** Their size in bytes (before compression). */
  size: number;
}

/** Where one ledger keeps its copies. */
export interface MessageArchive {
  /** Where the copies are, for messages: the folder, or the table and the ledger. */
  readonly location: string;
  /**
   * Keep `bytes` durably before they are handed over. A file the system refuses to write is
   * thrown as a FileWriteError naming it (disk full, read-only, permission).
   */
  keep(bytes: Uint8Array): Promise<ArchivedCopy>;
  /** The bytes kept under `sha256` (uncompressed, unchecked), or null when there is no copy. */
  fetch(sha256: string): Promise<Buffer | null>;
  /** Remove the copy; resolves to the stored (compressed) bytes freed, 0 when there was none. */
  drop(sha256: string): Promise<number>;
  /** Where the copy of `sha256` is, for messages (a file path, or the table row). */
  whereIs(sha256: string): string;
}

/** The SHA-256 of `bytes`, lower-case hex. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A copy as stored: gzip at the default level (fast; the PDF inside is compressed already). */
export function packCopy(bytes: Uint8Array): Buffer {
  return gzipSync(bytes);
}

/** The bytes of a stored copy; null when it is not a readable gzip stream (an altered copy). */
export function unpackCopy(stored: Uint8Array): Buffer | null {
  try {
    return gunzipSync(stored);
  } catch {
    return null;
  }
}

/** True when `text` is a SHA-256 in hex as the archive names copies (never a path). */
export function isSha256(text: string): boolean {
  return /^[0-9a-f]{64}$/.test(text);
}

/**
 * The archive in the table `archive_copies` of a ledger, reached through `write` and `read`
 * (each a transaction of that ledger): the in-memory database's and PostgreSQL's.
 */
export function tableArchive(
  ledgerLocation: string,
  read: <T>(query: (sql: Sql) => Promise<T>) => Promise<T>,
  write: <T>(change: (sql: Sql) => Promise<T>) => Promise<T>,
): MessageArchive {
  return {
    location: `table archive_copies of ${ledgerLocation}`,
    async keep(bytes) {
      const copy = { sha256: sha256Of(bytes), size: bytes.byteLength };
      const stored = packCopy(bytes);
      await write((sql) =>
        runOnce(sql, 'INSERT INTO archive_copies (sha256, stored_size, content) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING', [
          copy.sha256,
          stored.byteLength,
          stored,
        ]),
      );
      return copy;
    },
    async fetch(sha256) {
      const row = await read((sql) => firstRow(sql, 'SELECT content FROM archive_copies WHERE sha256 = ?', [sha256]));
      const content = row?.content;
      if (!(content instanceof Uint8Array)) return null;
      // An altered copy comes back as stored: its hash then names it (db check).
      return unpackCopy(content) ?? Buffer.from(content);
    },
    async drop(sha256) {
      return write(async (sql) => {
        const row = await firstRow(sql, 'SELECT stored_size FROM archive_copies WHERE sha256 = ?', [sha256]);
        if (row === null) return 0;
        await runOnce(sql, 'DELETE FROM archive_copies WHERE sha256 = ?', [sha256]);
        return int(row, 'stored_size');
      });
    },
    whereIs: (sha256) => `archive_copies row ${sha256} of ${ledgerLocation}`,
  };
}
