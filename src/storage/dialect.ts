/**
 * The few SQL fragments SQLite and PostgreSQL spell differently, each named once so a storage
 * module states what it means (`${jsonList(sql)}`) and stays one query for both engines.
 * Everything else is written in the SQL both accept: `ON CONFLICT … DO UPDATE` rather than
 * `INSERT OR REPLACE`, `RETURNING id` rather than last_insert_rowid(), `IS NOT DISTINCT FROM ?`
 * rather than `IS ?`, and named aggregate columns (`SUM(x) AS total`).
 */
import type { Sql } from './sql.js';

/** A table expression of the values in a JSON array bound as one parameter, one row per value, column `value`. */
export function jsonList(sql: Sql): string {
  return sql.dialect === 'postgres' ? 'json_array_elements_text(CAST(? AS json))' : 'json_each(?)';
}

/**
 * An aggregate of one JSON array per row (`[a, b, …]`) into one JSON text, `[]` for no rows:
 * planning reads thousands of rows through one value instead of one result row each.
 */
export function jsonRows(sql: Sql, columns: string): string {
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
