/**
 * Column types of the PostgreSQL schema, named once so every migration spells them alike:
 * text compares byte by byte (`COLLATE "C"`), as SQLite's BINARY does, so codes, names and
 * references sort the same on both engines whatever the server's locale; money and ids are
 * `bigint` (minor units; the type parsers hand them over as numbers); dates are `date`.
 */

/** Text that sorts and compares like SQLite's (byte order). */
export const TEXT = 'text COLLATE "C"';
/** Money in integer minor units, and counts. */
export const MONEY = 'bigint';
/** A calendar date (read back as `YYYY-MM-DD`). */
export const DATE = 'date';
