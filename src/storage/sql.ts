/**
 * The statement interface every storage module is written against, and that each engine
 * adapter implements (sql.js for the file, PostgreSQL for a shared ledger). Storage modules
 * hold the SQL; features never see this interface, only the named queries and writes built on it.
 *
 * Placeholders are `?` in every dialect (the PostgreSQL adapter numbers them `$1, $2, …`);
 * values are always bound, never spliced into the text.
 */

/** A value bound to or read from a statement: text, a whole number (minor units, ids), null or bytes. */
export type SqlValue = string | number | null | Uint8Array;

/** One result row by column name (lower-case names, as written in the query). */
export type Row = Record<string, SqlValue>;

/** Which SQL the engine speaks, for the few statements that must differ between engines. */
export type Dialect = 'sqlite' | 'postgres';

/** One connection's statements, inside a write's transaction or on a read's snapshot. */
export interface Sql {
  /** The engine's dialect. */
  readonly dialect: Dialect;
  /** All rows of a query. */
  all(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Run one statement once; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Run one statement for each parameter set (prepared once); resolves to rows changed in all. */
  runMany(sql: string, paramSets: readonly (readonly SqlValue[])[]): Promise<number>;
}

/** `?, ?, ?` for a list of `count` values (never spliced: the values are bound). */
export function marks(count: number): string {
  return new Array(count).fill('?').join(', ');
}
