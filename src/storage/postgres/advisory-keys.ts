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

/** Held (per session) by the one `--send-due` run allowed at a time across hosts. */
export const SCHEDULED_SEND_LOCK = 3;

/**
 * Lock class of sending runs: each run holds (RUN_CLASS, its run id) on a connection of its
 * own for as long as it sends. When the process or the connection dies the server drops the
 * lock, which is how others tell a dead run's `sending` messages from a live one's.
 */
export const RUN_CLASS = 0x6465;

/**
 * Held (per session) by every sending run in shared mode and by a copy of the ledger in
 * exclusive mode: a copy is taken between sends, never while a run has messages in flight.
 */
export const BETWEEN_SENDS_LOCK = 4;
