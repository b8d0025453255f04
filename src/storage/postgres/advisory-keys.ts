/**
 * Advisory lock keys duedesk takes on a PostgreSQL ledger: (class, object) pairs, the class
 * being duedesk's own so they never collide with another application's locks on the server.
 * Advisory locks are per database, so two ledgers on one server never block each other.
 */

/** duedesk's lock class ("dd" in ASCII). */
export const LOCK_CLASS = 0x6464;

/** Held (per transaction) while migrating: two hosts starting at once migrate once. */
export const MIGRATE_LOCK = 1;

/** Held (per transaction) by every write: writers take turns, as on the file. */
export const WRITE_LOCK = 2;
