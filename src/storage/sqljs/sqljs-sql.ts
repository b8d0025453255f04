/**
 * The sql.js adapter's `Sql`: statements on one in-memory sql.js database, synchronous
 * underneath and promise-returning on top, so storage modules are written once for every engine.
 * Each call prepares, runs and frees its statement (export() frees any that are left, so none
 * may outlive a call).
 */
import type { Database } from 'sql.js';
import type { Row, Sql, SqlValue } from '../sql.js';

/** An `Sql` over `db` (a write's transaction or a read's state: the caller decides which). */
export function sqlOverDatabase(db: Database): Sql {
  return {
    dialect: 'sqlite',
    all: async (sql, params = []) => allOf(db, sql, params),
    run: async (sql, params = []) => runEach(db, sql, [params]),
    runMany: async (sql, paramSets) => runEach(db, sql, paramSets),
  };
}

function allOf(db: Database, sql: string, params: readonly SqlValue[]): Row[] {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params as SqlValue[]);
    const rows: Row[] = [];
    while (stmt.step()) rows.push(stmt.getAsObject() as Row);
    return rows;
  } finally {
    stmt.free();
  }
}

function runEach(db: Database, sql: string, paramSets: readonly (readonly SqlValue[])[]): number {
  const stmt = db.prepare(sql);
  let changed = 0;
  try {
    for (const params of paramSets) {
      stmt.run(params as SqlValue[]);
      changed += db.getRowsModified();
    }
  } finally {
    stmt.free();
  }
  return changed;
}
