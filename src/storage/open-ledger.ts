/**
 * Which adapter holds a ledger, decided by where it is: a file path → the sql.js file, null → a
 * private in-memory database (tests), a `postgres://` or `postgresql://` URL → PostgreSQL.
 */
import type { Ledger } from './ledger.js';
import { isPostgresUrl } from './ledger-location.js';
import type { StoreSeams } from './sqljs/database.js';
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
}

/** Open (creating and migrating a file when needed) the ledger at `location`. */
export async function openLedger(location: string | null, options: LedgerOptions = {}): Promise<Ledger> {
  if (location !== null && isPostgresUrl(location)) return openPostgresLedger(location, options);
  return openSqlJsLedger({ path: location, lockTimeoutMs: options.lockTimeoutMs, leaseMs: options.leaseMs }, options.seams);
}

/** The PostgreSQL adapter, loaded only for a server (a file ledger never loads the driver). */
async function openPostgresLedger(url: string, options: LedgerOptions): Promise<Ledger> {
  const { openPostgresLedger: open } = await import('./postgres/postgres-ledger.js');
  return open({ url, password: options.password, lockTimeoutMs: options.lockTimeoutMs });
}
