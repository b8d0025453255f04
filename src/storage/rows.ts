/**
 * Small helpers over sql.js prepared statements: bound parameters always, statements freed
 * right after use (export() frees any that are left, so none may outlive a call), and typed
 * column readers that fail loudly when the schema and the code disagree.
 */
import type { BindParams, Database, SqlValue } from 'sql.js';

/** One result row by column name. */
export type Row = Record<string, SqlValue>;

/** All rows of a query. */
export function allRows(db: Database, sql: string, params: BindParams = []): Row[] {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    const rows: Row[] = [];
    while (stmt.step()) rows.push(stmt.getAsObject());
    return rows;
  } finally {
    stmt.free();
  }
}

/** The first row of a query, or null. */
export function firstRow(db: Database, sql: string, params: BindParams = []): Row | null {
  return allRows(db, sql, params)[0] ?? null;
}

/** Run one statement for each parameter set (one prepare, many binds); returns rows changed. */
export function runMany(db: Database, sql: string, paramSets: readonly BindParams[]): number {
  const stmt = db.prepare(sql);
  let changed = 0;
  try {
    for (const params of paramSets) {
      stmt.run(params);
      changed += db.getRowsModified();
    }
  } finally {
    stmt.free();
  }
  return changed;
}

/** Run one statement once; returns rows changed. */
export function runOnce(db: Database, sql: string, params: BindParams = []): number {
  return runMany(db, sql, [params]);
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

/** The single number a scalar query returns (0 when nothing). */
export function scalar(db: Database, sql: string, params: BindParams = []): number {
  const row = firstRow(db, sql, params);
  const value = row ? Object.values(row)[0] : 0;
  return typeof value === 'number' ? value : 0;
}
