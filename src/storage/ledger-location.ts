/** What kind of place a ledger location names, decided from the text alone (no I/O, no engine loaded). */
import type { Ledger } from './ledger.js';

/** True when `location` names a PostgreSQL server rather than a file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The database file of a file ledger; null for a ledger held elsewhere (memory, a server). */
export function ledgerFile(ledger: Pick<Ledger, 'kind' | 'location'>): string | null {
  return ledger.kind === 'file' ? ledger.location : null;
}
