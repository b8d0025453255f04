/**
 * Small helpers over the port's `Sql` (./sql.ts): bound parameters always, one await per query
 * or batch, and typed column readers that fail loudly when the schema and the code disagree.
 */
import type { Row, Sql, SqlValue } from './sql.js';

export type { Row };

/** All rows of a query. */
export function allRows(sql: Sql, query: string, params: readonly SqlValue[] = []): Promise<Row[]> {
  return sql.all(query, params);
}

/** The first row of a query, or null. */
export async function firstRow(sql: Sql, query: string, params: readonly SqlValue[] = []): Promise<Row | null> {
  return (await sql.all(query, params))[0] ?? null;
}

/** Run one statement for each parameter set (one prepare, many binds); resolves to rows changed. */
export function runMany(sql: Sql, query: string, paramSets: readonly (readonly SqlValue[])[]): Promise<number> {
  return paramSets.length === 0 ? Promise.resolve(0) : sql.runMany(query, paramSets);
}

/** Run one statement once; resolves to rows changed. */
export function runOnce(sql: Sql, query: string, params: readonly SqlValue[] = []): Promise<number> {
  return sql.run(query, params);
}

/** The single number a scalar query returns (0 when nothing). */
export async function scalar(sql: Sql, query: string, params: readonly SqlValue[] = []): Promise<number> {
  const row = await firstRow(sql, query, params);
  const value = row ? Object.values(row)[0] : 0;
  return typeof value === 'number' ? value : 0;
}

/**
 * Rows of a query that returns its whole result as ONE JSON array of row arrays (SQLite's
 * `json_group_array(json_array(…))`): crossing from the engine once per query instead of once
 * per value is what keeps loading tens of thousands of rows cheap in sql.js.
 */
export async function jsonRows(sql: Sql, query: string, params: readonly SqlValue[] = []): Promise<SqlValue[][]> {
  const [row] = await sql.all(query, params);
  const value = row === undefined ? undefined : Object.values(row)[0];
  return JSON.parse(String(value ?? '[]')) as SqlValue[][];
}

/** Add `value` to the list under `key`, starting the list when there is none (rows grouped by a column). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A text column. */
export function text(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new Error(`column ${column}: expected text, got ${typeof value}`);
  return value;
}

/** A nullable text column. */
export function textOrNull(row: Row, column: string): string | null {
  return row[column] === null || row[column] === undefined ? null : text(row, column);
}

/** An integer column. */
export function int(row: Row, column: string): number {
  const value = row[column];
  if (typeof value !== 'number') throw new Error(`column ${column}: expected integer, got ${typeof value}`);
  return value;
}

/** A nullable integer column. */
export function intOrNull(row: Row, column: string): number | null {
  return row[column] === null || row[column] === undefined ? null : int(row, column);
}

/** A 0/1 column as boolean. */
export function bool(row: Row, column: string): boolean {
  return int(row, column) !== 0;
}
