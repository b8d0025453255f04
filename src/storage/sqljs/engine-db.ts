/**
 * The small database interface beneath the file ledger's SQL: what the store, the migrations, the
 * damage checks and the `Sql` adapter need from an SQLite engine, implemented once by sql.js
 * (./sqljs-engine.ts, the whole file in memory) and once by node:sqlite (./native-engine.ts, the
 * file read in place). Every query, migration and the lock and atomic-save contract above it are
 * shared, so a query written for one engine runs on the other unchanged (docs/architecture.md §4).
 */
import type { SaveHooks } from '../../files/atomic-file.js';
import type { Row, SqlValue } from '../sql.js';
import type { SqlScript } from './sql-script.js';

export type { ExecResult, SqlScript } from './sql-script.js';
import type { FileIdentity } from './database-file.js';
import type { EngineName } from '../engine-names.js';

/** One open database of either engine. */
export interface EngineDb extends SqlScript {
  /** All rows of one statement, by column name. */
  all(sql: string, params: readonly SqlValue[]): Row[];
  /** Run one statement for each parameter set (prepared once); the rows changed in all. */
  runEach(sql: string, paramSets: readonly (readonly SqlValue[])[]): number;
  /** The database as file bytes (tests and the save benchmark; a file ledger saves without it). */
  export(): Uint8Array;
  close(): void;
}

export type { EngineName } from '../engine-names.js';

/**
 * How one engine keeps a database file: how it reads the saved state, where a write's change is
 * made and how the result becomes the file. The store (./database.ts) holds the lock, orders the
 * reads and writes, checks the lease and the damage; the engine only moves bytes.
 */
export interface FileEngine {
  readonly name: EngineName;
  /** A private in-memory database (tests). */
  memory(): EngineDb;
  /**
   * The saved file as a database, and the identity of the content it holds; a damaged or foreign
   * file is refused with a message naming `path` (./database-file.ts).
   */
  load(path: string): { db: EngineDb; identity: FileIdentity };
  /**
   * The database a write changes: `current` itself when the engine holds the file in memory, a
   * private copy of the file when it reads the file in place. `current` is undefined for a
   * missing file.
   */
  beginWrite(path: string, current: EngineDb | undefined): EngineDb;
  /** Make the committed `working` the file, atomically and durably (after `hooks.beforeRename`). */
  save(path: string, working: EngineDb, hooks: SaveHooks): Promise<void>;
  /** Drop a working database that will not be saved (not `current`: that one stays). */
  abandon(working: EngineDb, current: EngineDb | undefined): void;
}
