/**
 * Which adapter holds a ledger, decided by where it is: a file path → the SQLite file (sql.js or
 * node:sqlite, ./sqljs/engines.ts), null → a
 * private in-memory database (tests), a `postgres://` or `postgresql://` URL → PostgreSQL.
 */
import type { Ledger } from './ledger.js';
import { isPostgresUrl } from './ledger-location.js';
import type { StoreSeams } from './sqljs/database.js';
import type { EngineName } from './engine-names.js';
import { describeEngine } from './sqljs/engines.js';
import { openSqlJsLedger } from './sqljs/sqljs-ledger.js';

/** How to open a ledger; the lock settings apply to the file adapter. */
export interface LedgerOptions {
  /** How long a write waits for another process's lock before failing with exit code 75. */
  lockTimeoutMs?: number;
  /** Lease period of the locks the file adapter takes (default 60 s; tests shorten it). */
  leaseMs?: number;
  /** Test seams of the file adapter's save. */
  seams?: StoreSeams;
  /**
   * PostgreSQL: supplies the password when neither the URL nor PGPASSWORD has one (the
   * db.passwordCommand setting); without it the driver reads ~/.pgpass.
   */
  password?: () => Promise<string>;
  /** The SQLite engine of a file or in-memory ledger (docs/reference/cli.md §16; default: the runtime's best). */
  engine?: EngineName;
}

/** Open (creating and migrating a file when needed) the ledger at `location`. */
export async function openLedger(location: string | null, options: LedgerOptions = {}): Promise<Ledger> {
  if (location !== null && isPostgresUrl(location)) return openPostgresLedger(location, options);
  return openSqlJsLedger({ path: location, lockTimeoutMs: options.lockTimeoutMs, leaseMs: options.leaseMs, engine: options.engine }, options.seams);
}

/** The PostgreSQL adapter, loaded only for a server (a file ledger never loads the driver). */
async function openPostgresLedger(url: string, options: LedgerOptions): Promise<Ledger> {
  const { openPostgresLedger: open } = await import('./postgres/postgres-ledger.js');
  return open({ url, password: options.password, lockTimeoutMs: options.lockTimeoutMs });
}

/**
 * `engine: NAME (RUNTIME, SQLite VERSION)`: the engine a file ledger opens with (`name`, or the
 * runtime's default) and the SQLite it runs, for `duedesk --version` (docs/reference/cli.md §16).
 */
export function describeFileEngine(name?: EngineName): Promise<string> {
  return describeEngine(name);
}
