/**
 * The sql.js engine: the whole database in memory (WebAssembly), the file its durable copy. A
 * write changes the loaded database in place and saves an export of it with an atomic replace
 * of the file (src/files/atomic-file.ts).
 */
import type { Database, SqlJsStatic } from 'sql.js';
import { writeFileAtomic, type SaveHooks } from '../../files/atomic-file.js';
import type { Row, SqlValue } from '../sql.js';
import type { EngineDb, ExecResult, FileEngine } from './engine-db.js';
import { openDatabaseBytes, readDatabaseBytes, type FileIdentity } from './database-file.js';

/** Settings every connection needs; re-applied after export(), which reopens the connection. */
function configure(db: Database): Database {
  db.exec('PRAGMA foreign_keys = ON');
  return db;
}

/** An EngineDb over one sql.js database. */
export class SqlJsDb implements EngineDb {
  constructor(readonly raw: Database) {}

  exec(sql: string, params?: SqlValue[]): ExecResult[] {
    return this.raw.exec(sql, params);
  }

  run(sql: string, params: SqlValue[] = []): void {
    this.raw.run(sql, params);
  }

  all(sql: string, params: readonly SqlValue[]): Row[] {
    const stmt = this.raw.prepare(sql);
    try {
      stmt.bind(params as SqlValue[]);
      const rows: Row[] = [];
      while (stmt.step()) rows.push(stmt.getAsObject() as Row);
      return rows;
    } finally {
      stmt.free();
    }
  }

  runEach(sql: string, paramSets: readonly (readonly SqlValue[])[]): number {
    const stmt = this.raw.prepare(sql);
    let changed = 0;
    try {
      for (const params of paramSets) {
        stmt.run(params as SqlValue[]);
        changed += this.raw.getRowsModified();
      }
    } finally {
      stmt.free();
    }
    return changed;
  }

  export(): Uint8Array {
    const bytes = this.raw.export();
    // export() closes and reopens the connection: per-connection settings are lost.
    configure(this.raw);
    return bytes;
  }

  close(): void {
    this.raw.close();
  }
}

/** The sql.js engine over the loaded WebAssembly module. */
export function sqlJsEngine(engine: SqlJsStatic): FileEngine {
  return {
    name: 'sqljs',
    memory: () => new SqlJsDb(configure(new engine.Database())),
    load(path): { db: EngineDb; identity: FileIdentity } {
      const { bytes, identity } = readDatabaseBytes(path, true);
      // An empty file (e.g. just created by `touch`) is a new database; SQLite sees it the same way.
      const raw = bytes.byteLength === 0 ? new engine.Database() : openDatabaseBytes(engine, bytes, path);
      return { db: new SqlJsDb(configure(raw)), identity };
    },
    beginWrite: (_path, current) => current ?? new SqlJsDb(configure(new engine.Database())),
    save: (path: string, working: EngineDb, hooks: SaveHooks) => writeFileAtomic(path, working.export(), hooks),
    abandon(working, current) {
      if (working !== current) working.close();
    },
  };
}
