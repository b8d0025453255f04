/**
 * The file adapter's own contract, behind the ledger port (./sqljs-ledger.ts wraps it; no
 * feature sees it): one duedesk database file shared safely between processes, on either SQLite
 * engine (./engine-db.ts).
 * Implemented in ./database.ts. Every write goes through `write`, which takes the inter-process
 * lock, reloads the file if another process changed it, runs the change in a transaction, saves
 * atomically and releases the lock. Reads see the latest saved state after `refresh()`.
 */
import type { EngineDb, EngineName } from './engine-db.js';

/** Options for opening a database. */
export interface OpenOptions {
  /** File path, or null for a private in-memory database (tests). */
  path: string | null;
  /** How long `write` waits for another process's lock before failing with exit code 75. */
  lockTimeoutMs?: number;
  /** Lease period of the locks this store takes (default 60 s; tests shorten it). */
  leaseMs?: number;
  /** The SQLite engine (default: native where the runtime has it, else sql.js; ./engines.ts). */
  engine?: EngineName;
}

/** An open duedesk database. */
export interface Store {
  /** The file path, or null when in memory. */
  readonly path: string | null;
  /** The engine the database runs on. */
  readonly engine: EngineName;
  /**
   * The live database. Use for reads; do not keep prepared statements across writes.
   * Read it through `store.db` each time: `refresh()` and `write()` may swap in a reloaded copy.
   */
  readonly db: EngineDb;
  /** Reload from disk if another process saved since we last loaded. Cheap when nothing changed. */
  refresh(): void;
  /**
   * Run `query` on the latest saved state, after any write under way in this process (so it
   * never sees uncommitted rows); a read inside a write runs at once on the write's state.
   */
  read<T>(query: (db: EngineDb) => T | Promise<T>): Promise<T>;
  /**
   * Run `change` (it may await) under the lock on the freshest data, in one transaction, then
   * save atomically; writes of one process run one at a time, in call order.
   * If `change` throws, the transaction is rolled back, nothing is saved and the error propagates.
   * Throws UserError(exit 75) when the lock cannot be had in time.
   */
  write<T>(change: (db: EngineDb) => T | Promise<T>): Promise<T>;
  /** Release resources (does not save; every write already saved). */
  close(): void;
}
