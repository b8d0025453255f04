/**
 * Which adapter holds a ledger, decided by where it is: a file path → the sql.js file, null → a
 * private in-memory database (tests), a `postgres://` or `postgresql://` URL → PostgreSQL.
 */
import { UserError } from '../core/exit-codes.js';
import { openStore, type StoreSeams } from './database.js';
import type { Ledger } from './ledger.js';
import { isPostgresUrl } from './ledger-location.js';
import { ledgerOverStore } from './sqljs-ledger.js';

/** How to open a ledger; the lock settings apply to the file adapter. */
export interface LedgerOptions {
  /** How long a write waits for another process's lock before failing with exit code 75. */
  lockTimeoutMs?: number;
  /** Lease period of the locks the file adapter takes (default 60 s; tests shorten it). */
  leaseMs?: number;
  /** Test seams of the file adapter's save. */
  seams?: StoreSeams;
}

/** Open (creating and migrating a file when needed) the ledger at `location`. */
export async function openLedger(location: string | null, options: LedgerOptions = {}): Promise<Ledger> {
  if (location !== null && isPostgresUrl(location)) return openPostgresLedger(location, options);
  const store = await openStore({ path: location, lockTimeoutMs: options.lockTimeoutMs, leaseMs: options.leaseMs }, options.seams);
  return ledgerOverStore(store);
}

/** The PostgreSQL adapter's entry (this build has none). */
async function openPostgresLedger(_url: string, _options: LedgerOptions): Promise<Ledger> {
  throw new UserError('PostgreSQL ledgers are not available in this build');
}
