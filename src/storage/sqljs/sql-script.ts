/**
 * Statements run as text, as the migrations and the damage checks run them on either SQLite
 * engine (./engine-db.ts) — and on a bare sql.js database, which has the same shape.
 */
import type { SqlValue } from '../sql.js';

/** The rows one statement returned, as sql.js's `exec` gives them. */
export interface ExecResult {
  columns: string[];
  values: SqlValue[][];
}

/** Statements run as text: the part of a database the migrations and the damage checks use. */
export interface SqlScript {
  /**
   * Run `sql`: a script of statements without parameters, or one statement with them. Resolves
   * to the rows of a statement that returns rows ([] when it returned none).
   */
  exec(sql: string, params?: SqlValue[]): ExecResult[];
  /** Run one statement once with `params`. */
  run(sql: string, params?: SqlValue[]): void;
}
