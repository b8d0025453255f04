/**
 * Reading a database file safely: refuse anything that is not an intact SQLite file with a
 * message naming the file, and remember the file's identity so a later change by another
 * process can be noticed with one cheap stat.
 */
import { closeSync, fstatSync, openSync, readSync, statSync, type BigIntStats } from 'node:fs';
import type { Database, SqlJsStatic } from 'sql.js';
import { UserError } from '../../core/exit-codes.js';
import { damagedError } from './database-damage.js';

/** Identity of the file content we loaded (a rename by a writer always changes it). */
export type FileIdentity = string;

const MAGIC = 'SQLite format 3\0';

function identityOf(stats: BigIntStats): FileIdentity {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

/** Current identity of `path`, or null when it does not exist. */
export function currentIdentity(path: string): FileIdentity | null {
  try {
    return identityOf(statSync(path, { bigint: true }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * File bytes that sql.js may keep instead of copying. Opening a database from bytes writes them
 * into its in-memory file system, which copies them with `slice()`: for a moment the file is held
 * twice (about 180 MB more at a million items). The bytes are read for that file alone and never
 * used again, so a whole-array slice can hand over the array itself.
 */
class HandedOverBytes extends Uint8Array {
  override slice(start?: number, end?: number): Uint8Array<ArrayBuffer> {
    return (start ?? 0) === 0 && (end ?? this.length) >= this.length ? this : super.slice(start, end);
  }
}

/**
 * Bytes of the file and the identity of exactly those bytes (read through one descriptor). With
 * `handOver`, opening them as a database does not copy them: the caller must not use them after.
 */
export function readDatabaseBytes(path: string, handOver = false): { bytes: Uint8Array; identity: FileIdentity } {
  const fd = openSync(path, 'r');
  try {
    const stats = fstatSync(fd, { bigint: true });
    const size = Number(stats.size);
    // Every byte is read over at once: no need to zero-fill the buffer first (about 1 s at 300 MB).
    const buffer = Buffer.allocUnsafeSlow(size).buffer;
    const bytes = handOver ? new HandedOverBytes(buffer, 0, size) : new Uint8Array(buffer, 0, size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: bytes.subarray(0, read), identity: identityOf(stats) };
  } finally {
    closeSync(fd);
  }
}

/**
 * Check the SQLite header (the file's first bytes; `size` is the whole file's) before opening it: not SQLite at all, or shorter than
 * the header says (a truncated copy), gets a clear refusal instead of a later obscure error.
 */
export function checkHeader(bytes: Uint8Array, size: number, path: string): void {
  if (size < 100 || bytes.byteLength < 100) {
    throw new UserError(`${path}: not a duedesk database (file too short to be SQLite: ${size} bytes)`);
  }
  const magic = new TextDecoder('latin1').decode(bytes.subarray(0, 16));
  if (magic !== MAGIC) throw new UserError(`${path}: not a duedesk database (not an SQLite file)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rawPageSize = view.getUint16(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
    throw damagedError(path, `invalid page size ${rawPageSize} in the header`);
  }
  if (size % pageSize !== 0) {
    throw damagedError(path, `truncated or corrupt database (size ${size} is not a whole number of ${pageSize}-byte pages)`);
  }
  const changeCounter = view.getUint32(24);
  const pageCount = view.getUint32(28);
  const validFor = view.getUint32(92);
  if (pageCount > 0 && validFor === changeCounter && size < pageCount * pageSize) {
    throw damagedError(path, `truncated database (${size} bytes, the header says ${pageCount * pageSize})`);
  }
}

/** Open bytes as a database, turning any SQLite complaint into a UserError naming the file. */
export function openDatabaseBytes(engine: SqlJsStatic, bytes: Uint8Array, path: string): Database {
  checkHeader(bytes, bytes.byteLength, path);
  let db: Database | undefined;
  try {
    db = new engine.Database(bytes);
    // Touch the schema so a damaged first page or catalogue fails here, not mid-command.
    db.exec('SELECT COUNT(*) FROM sqlite_master');
    return db;
  } catch (error) {
    db?.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw damagedError(path, reason);
  }
}
