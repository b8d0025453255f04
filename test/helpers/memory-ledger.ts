/**
 * A Ledger over a fresh in-memory store for tests of storage modules written against `Sql`:
 * each write runs in one transaction on the store's database, a read on its current state.
 */
import type { Database, SqlValue as SqlJsValue } from 'sql.js';
import type { Ledger } from '../../src/storage/ledger.js';
import type { Row, Sql, SqlValue } from '../../src/storage/sql.js';
import type { Store } from '../../src/storage/store.js';
import { makeStore } from './store.js';

function sqlOver(db: Database): Sql {
  const run = (query: string, sets: readonly (readonly SqlValue[])[]): number => {
    const statement = db.prepare(query);
    let changed = 0;
    try {
      for (const params of sets) {
        statement.run(params as SqlJsValue[]);
        changed += db.getRowsModified();
      }
    } finally {
      statement.free();
    }
    return changed;
  };
  return {
    dialect: 'sqlite',
    all: async (query, params = []) => {
      const statement = db.prepare(query);
      try {
        statement.bind(params as SqlJsValue[]);
        const rows: Row[] = [];
        while (statement.step()) rows.push(statement.getAsObject() as Row);
        return rows;
      } finally {
        statement.free();
      }
    },
    run: async (query, params = []) => run(query, [params]),
    runMany: async (query, sets) => run(query, sets),
  };
}

/** A ledger and the store under it (for seeding with the synchronous storage modules). */
export async function memoryLedger(): Promise<{ ledger: Ledger; store: Store }> {
  const store = await makeStore();
  const ledger: Ledger = {
    kind: 'memory',
    location: 'in-memory database',
    read: (query) => query(sqlOver(store.db)),
    write: async (change) => {
      store.db.run('BEGIN');
      try {
        const result = await change(sqlOver(store.db));
        store.db.run('COMMIT');
        return result;
      } catch (error) {
        store.db.run('ROLLBACK');
        throw error;
      }
    },
    close: async () => store.close(),
  };
  return { ledger, store };
}
