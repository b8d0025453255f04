/**
 * The ledger: duedesk's storage port. A feature opens one ledger and runs named queries and
 * writes (the functions exported by the storage modules) through `read` and `write`; it never
 * sees an engine. Adapters: the sql.js file (the default, one machine) and PostgreSQL (a
 * shared ledger for several hosts).
 */
import { ExitCode, UserError } from '../core/exit-codes.js';
import type { Sql } from './sql.js';

/** Which engine holds the ledger. */
export type LedgerKind = 'file' | 'memory' | 'postgres';

/** An open ledger. */
export interface Ledger {
  /** Which engine holds it. */
  readonly kind: LedgerKind;
  /**
   * Where it lives, for messages: the file path, `in-memory database`, or the PostgreSQL URL
   * with any password masked. Never contains a secret.
   */
  readonly location: string;
  /**
   * Run queries on the latest committed state (another process's saved changes included).
   * Do not write through `sql` here: writes go through `write`.
   */
  read<T>(query: (sql: Sql) => Promise<T>): Promise<T>;
  /**
   * Run `change` in one transaction on the latest committed state, shared safely with other
   * processes (and hosts, for PostgreSQL): all of it is kept, or none of it when it throws.
   * Writes of one process run one at a time, in call order. Fails with exit 75 when another
   * process holds the ledger past the lock timeout.
   */
  write<T>(change: (sql: Sql) => Promise<T>): Promise<T>;
  /** Release connections and memory (every write already committed). */
  close(): Promise<void>;
}

/**
 * The ledger's server went away after the ledger was opened (stopped, restarted, network cut):
 * nothing more can be read or written, and what was not committed was not kept. Exit 75: the
 * next run picks the work up once the server is back.
 */
export class LedgerLostError extends UserError {
  constructor(location: string, reason: string) {
    super(`lost the connection to the ledger ${location}: ${reason}; try again once it is back`, ExitCode.Busy);
  }
}
