/**
 * The native engine: node:sqlite (Node 22.5 and later) reads the database file in place through
 * SQLite's own page cache, so a plan reads only the pages it needs instead of loading the whole
 * file. The save contract is the sql.js engine's (docs/architecture.md §4): a write changes a
 * private copy of the file (journal in memory, one fsync at the end) and renames it over the file
 * under the same lock and lease check, so a reader on either engine always sees one saved state
 * and no journal file ever sits beside the ledger.
 */
import { chmodSync, closeSync, constants, copyFileSync, fstatSync, fsyncSync, openSync, readFileSync, readSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fsyncFolder, removeQuietly, tempPathFor, type SaveHooks } from '../../files/atomic-file.js';
import { rethrowAsFileError } from '../../core/file-errors.js';
import type { Row, SqlValue } from '../sql.js';
import type { EngineDb, ExecResult, FileEngine } from './engine-db.js';
import { checkHeader, currentIdentity, type FileIdentity } from './database-file.js';
import { damagedError } from './database-damage.js';

/** The part of node:sqlite's StatementSync used here (typed locally: Node 20's types lack it). */
interface NativeStatement {
  all(...params: SqlValue[]): unknown[];
  run(...params: SqlValue[]): { changes: number | bigint };
  columns(): { name: string }[];
  setReturnArrays(on: boolean): void;
}

/** The part of node:sqlite's DatabaseSync used here. */
export interface NativeConnection {
  prepare(sql: string): NativeStatement;
  exec(sql: string): void;
  close(): void;
}

/** node:sqlite's module as far as it is used here. */
export interface NativeModule {
  DatabaseSync: new (path: string, options?: { readOnly?: boolean }) => NativeConnection;
}

/** sql.js binds an absent value as NULL; node:sqlite refuses it. */
function bound(params: readonly SqlValue[]): SqlValue[] {
  return params.map((value) => value ?? null);
}

/** An EngineDb over one node:sqlite connection: a file read in place, a write's copy, or memory. */
export class NativeDb implements EngineDb {
  /** Private, so nothing that walks the object (a deep comparison) touches a closed connection. */
  readonly #connection: NativeConnection;

  constructor(
    connection: NativeConnection,
    /** The file the connection reads (null in memory); a write's copy until it is saved. */
    public file: string | null,
    /** True while `file` is a write's private copy, not yet renamed over the ledger. */
    public isCopy: boolean,
  ) {
    this.#connection = connection;
    connection.exec('PRAGMA foreign_keys = ON');
  }

  /** The connection itself. */
  get connection(): NativeConnection {
    return this.#connection;
  }

  exec(sql: string, params?: SqlValue[]): ExecResult[] {
    const stmt = this.connection.prepare(sql);
    const columns = stmt.columns();
    if (columns.length === 0) {
      // Only the first statement of a text is prepared: a script without rows runs whole.
      if (params === undefined || params.length === 0) this.connection.exec(sql);
      else stmt.run(...bound(params));
      return [];
    }
    stmt.setReturnArrays(true);
    const values = stmt.all(...bound(params ?? [])) as SqlValue[][];
    return values.length === 0 ? [] : [{ columns: columns.map((column) => column.name), values }];
  }

  run(sql: string, params: SqlValue[] = []): void {
    this.connection.prepare(sql).run(...bound(params));
  }

  all(sql: string, params: readonly SqlValue[]): Row[] {
    return this.connection.prepare(sql).all(...bound(params)) as Row[];
  }

  runEach(sql: string, paramSets: readonly (readonly SqlValue[])[]): number {
    const stmt = this.connection.prepare(sql);
    let changed = 0;
    for (const params of paramSets) changed += Number(stmt.run(...bound(params)).changes);
    return changed;
  }

  export(): Uint8Array {
    if (this.file !== null) return readFileSync(this.file);
    // In memory: SQLite writes a copy (VACUUM INTO), read back and removed.
    const copy = join(tmpdir(), `duedesk-export-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
    try {
      this.connection.prepare('VACUUM INTO ?').run(copy);
      return readFileSync(copy);
    } finally {
      removeQuietly(copy);
    }
  }

  close(): void {
    this.connection.close();
  }
}

/** The first 100 bytes of `path` (the SQLite header) and the file's size. */
function readHeader(path: string): { header: Uint8Array; size: number } {
  const fd = openSync(path, 'r');
  try {
    const header = new Uint8Array(100);
    const read = readSync(fd, header, 0, 100, 0);
    return { header: header.subarray(0, read), size: fstatSync(fd).size };
  } finally {
    closeSync(fd);
  }
}

/** The native engine over node:sqlite's module. */
export function nativeEngine(module: NativeModule): FileEngine {
  const open = (file: string | null, options: { readOnly?: boolean }, isCopy: boolean): NativeDb =>
    new NativeDb(new module.DatabaseSync(file ?? ':memory:', options), file, isCopy);
  return {
    name: 'native',
    memory: () => open(null, {}, false),
    load(path): { db: EngineDb; identity: FileIdentity } {
      // The identity is taken before opening: a save landing in between costs a reload, never a missed one.
      const identity = currentIdentity(path);
      if (identity === null) throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
      const { header, size } = readHeader(path);
      if (size > 0) checkHeader(header, size, path);
      let db: NativeDb | undefined;
      try {
        db = open(path, { readOnly: true }, false);
        // Touch the schema so a damaged first page or catalogue fails here, not mid-command.
        db.exec('SELECT COUNT(*) FROM sqlite_master');
        return { db, identity };
      } catch (error) {
        db?.close();
        throw damagedError(path, error instanceof Error ? error.message : String(error));
      }
    },
    beginWrite(path, current) {
      const copy = tempPathFor(path);
      try {
        if (current !== undefined) copyFileSync(path, copy, constants.COPYFILE_FICLONE | constants.COPYFILE_EXCL);
        else closeSync(openSync(copy, 'wx', 0o600));
        chmodSync(copy, 0o600);
        const db = open(copy, {}, true);
        // The copy is thrown away on failure: its journal need not survive a crash, and one fsync before the rename makes it durable.
        db.connection.exec('PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF');
        return db;
      } catch (error) {
        removeQuietly(copy);
        return rethrowAsFileError(error, path);
      }
    },
    async save(path: string, working: EngineDb, hooks: SaveHooks): Promise<void> {
      const db = working as NativeDb;
      const copy = db.file;
      if (copy === null || !db.isCopy) throw new Error(`${path}: only a write's copy can be saved`);
      try {
        const fd = openSync(copy, 'r');
        try {
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        hooks.beforeRename?.(copy);
        await rename(copy, path);
        db.file = path;
        db.isCopy = false;
        fsyncFolder(dirname(path));
      } catch (error) {
        rethrowAsFileError(error, path);
      }
    },
    abandon(working, current) {
      if (working === current) return;
      const db = working as NativeDb;
      db.close();
      if (db.isCopy && db.file !== null) removeQuietly(db.file);
    },
  };
}
