/** A ledger over a sql.js database built in memory (benchmarks and tests build one from bytes). */
import type { Database } from 'sql.js';
import type { Ledger } from '../../src/storage/ledger.js';
import { ledgerOverStore } from '../../src/storage/sqljs/sqljs-ledger.js';
import { SqlJsDb } from '../../src/storage/sqljs/sqljs-engine.js';

/** A read-only ledger over `raw`: reads see it as it is, a write is refused. */
export function readOnlyLedger(raw: Database): Ledger {
  const db = new SqlJsDb(raw);
  return ledgerOverStore({
    path: null,
    engine: 'sqljs',
    db,
    refresh: () => undefined,
    read: async (query) => query(db),
    write: () => Promise.reject(new Error('this ledger is read-only')),
    close: () => db.close(),
  });
}
