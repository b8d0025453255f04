/**
 * The file adapter's `Sql`: statements on one database of either SQLite engine
 * (./engine-db.ts), synchronous underneath and promise-returning on top, so storage modules are
 * written once for every engine. Each call prepares, runs and frees its statement.
 */
import type { Sql } from '../sql.js';
import type { EngineDb } from './engine-db.js';

/** An `Sql` over `db` (a write's transaction or a read's state: the caller decides which). */
export function sqlOverDatabase(db: EngineDb): Sql {
  return {
    dialect: 'sqlite',
    all: async (sql, params = []) => db.all(sql, params),
    run: async (sql, params = []) => db.runEach(sql, [params]),
    runMany: async (sql, paramSets) => db.runEach(sql, paramSets),
  };
}
