/**
 * Synchronous helpers over a sql.js database, for what only the file adapter does on its own
 * handle (migrations, checks) and the modules not yet written against the port's `Sql`.
 * Statements are freed right after use (export() frees any that are left).
 */
import type { BindParams, Database } from 'sql.js';
import type { Row } from './sql.js';

export { bool, int, intOrNull, text, textOrNull, type Row } from './rows.js';

/** All rows of a query. */
export function allRows(db: Database, sql: string, params: BindParams = []): Row[] {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    const rows: Row[] = [];
    while (stmt.step()) rows.push(stmt.getAsObject() as Row);
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

/** The single number a scalar query returns (0 when nothing). */
export function scalar(db: Database, sql: string, params: BindParams = []): number {
  const row = firstRow(db, sql, params);
  const value = row ? Object.values(row)[0] : 0;
  return typeof value === 'number' ? value : 0;
}
