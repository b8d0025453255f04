/**
 * How PostgreSQL values come back, so rows read the same as from the SQLite file:
 *
 * - `bigint` (money in minor units, ids, counts) is a JavaScript number, refused beyond
 *   Number.MAX_SAFE_INTEGER rather than silently rounded (pg's default is a string);
 * - `numeric` (what SUM of bigint returns) likewise, and must be whole;
 * - `date` is the calendar date text `YYYY-MM-DD` as stored, never a `Date` at local midnight,
 *   which shifts a day when the time zone changes;
 * - `boolean` (EXISTS, comparisons) is 1 or 0, as SQLite gives it;
 * - `json` (json_agg, which planning reads many rows through) is its text, as SQLite's JSON
 *   functions return it, so the storage module parses it the same way on both engines.
 *
 * Passed per pool (`types`), not registered globally, so nothing else in the process changes.
 */
import pg from 'pg';

const { builtins } = pg.types;

/** A whole number from its text, refusing what a double cannot hold exactly. */
function wholeNumber(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`PostgreSQL returned ${text}, which is not a whole number within ±${Number.MAX_SAFE_INTEGER}`);
  }
  return value;
}

const parsers = new Map<number, (text: string) => unknown>([
  [builtins.INT8, wholeNumber],
  [builtins.NUMERIC, wholeNumber],
  [builtins.DATE, (text) => text],
  [builtins.BOOL, (text) => (text === 't' ? 1 : 0)],
  [builtins.JSON, (text) => text],
  [builtins.JSONB, (text) => text],
]);

/** The `types` option of a pg pool or client. */
export const ledgerTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (text: string) => unknown {
    const parser = format === 'binary' ? undefined : parsers.get(oid);
    return parser ?? (pg.types.getTypeParser(oid, format ?? 'text') as (text: string) => unknown);
  },
};
