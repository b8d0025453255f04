/**
 * The few SQL fragments SQLite and PostgreSQL spell differently, each named once so a storage
 * module states what it means (`${jsonList(sql)}`) and stays one query for both engines.
 * Everything else is written in the SQL both accept: `ON CONFLICT … DO UPDATE` rather than
 * `INSERT OR REPLACE`, `RETURNING id` rather than last_insert_rowid(), and named aggregate
 * columns (`SUM(x) AS total`). The file's statements must also run in SQLite 3.37, which users'
 * tools ship (test/storage/portable-schema.test.ts).
 */
import type { Sql } from './sql.js';

/**
 * A subquery of the values in a JSON array bound as one parameter, one row each in column
 * `value`: `code IN ${'${inJsonList(sql)}'}` with `[JSON.stringify(codes)]`. Ids are `integer`
 * (PostgreSQL compares a bigint with a bigint, not with text).
 */
export function inJsonList(sql: Sql, type: 'text' | 'integer' = 'text'): string {
  if (sql.dialect !== 'postgres') return '(SELECT value FROM json_each(?))';
  const value = type === 'integer' ? 'CAST(value AS bigint)' : 'value';
  return `(SELECT ${value} AS value FROM json_array_elements_text(CAST(? AS json)) AS value)`;
}

/** A subquery of the `[a, b]` pairs in a JSON array bound as one parameter, as text columns `a` and `b`. */
export function jsonPairs(sql: Sql): string {
  return sql.dialect === 'postgres'
    ? `(SELECT value->>0 AS a, value->>1 AS b FROM json_array_elements(CAST(? AS json)) AS value)`
    : `(SELECT json_extract(value, '$[0]') AS a, json_extract(value, '$[1]') AS b FROM json_each(?))`;
}

/**
 * An aggregate of one JSON array per row (`[a, b, …]`) into one JSON text, `[]` for no rows:
 * planning reads thousands of rows through one value instead of one result row each.
 */
export function jsonArrays(sql: Sql, columns: string): string {
  return sql.dialect === 'postgres'
    ? `COALESCE(json_agg(json_build_array(${columns})), '[]'::json)`
    : `json_group_array(json_array(${columns}))`;
}

/** An aggregate of one value per row into a JSON array text, `[]` for no rows. */
export function jsonValues(sql: Sql, column: string): string {
  return sql.dialect === 'postgres' ? `COALESCE(json_agg(${column}), '[]'::json)` : `json_group_array(${column})`;
}

/** The calendar date `days` days before the date `date` (both SQL expressions), as a date the engine compares with date columns. */
export function daysBefore(sql: Sql, date: string, days: string): string {
  return sql.dialect === 'postgres' ? `(CAST(${date} AS date) - CAST(${days} AS integer))` : `date(${date}, '-' || (${days}) || ' days')`;
}

/** LIKE without regard to ASCII letter case (SQLite's LIKE already is). */
export function likeAnyCase(sql: Sql): string {
  return sql.dialect === 'postgres' ? 'ILIKE' : 'LIKE';
}

/** The larger of two values of one row (SQLite's two-argument MAX). */
export function greater(sql: Sql, a: string, b: string): string {
  return sql.dialect === 'postgres' ? `GREATEST(${a}, ${b})` : `MAX(${a}, ${b})`;
}

/** Null-safe equality with a bound value: SQLite's `IS ?` (3.37 has no IS NOT DISTINCT FROM). */
export function isSameAs(sql: Sql): string {
  return sql.dialect === 'postgres' ? 'IS NOT DISTINCT FROM' : 'IS';
}
