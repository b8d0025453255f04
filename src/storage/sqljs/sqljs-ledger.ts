/**
 * The sql.js adapter of the ledger port: a Ledger over a Store (./database.ts), which keeps the
 * lock, the journal-free atomic save, the damage checks and the lease exactly as they are. Reads
 * and writes go through the store's queue, so a read never sees a write's uncommitted rows.
 */
import { UserError } from '../../core/exit-codes.js';
import type { Ledger, LedgerKind } from '../ledger.js';
import type { Sql } from '../sql.js';
import { sqlOverDatabase } from './sqljs-sql.js';
import type { Store } from './store.js';

/** A sql.js file or in-memory database as a Ledger. */
class SqlJsLedger implements Ledger {
  readonly kind: LedgerKind;
  readonly location: string;

  constructor(readonly store: Store) {
    this.kind = store.path === null ? 'memory' : 'file';
    this.location = store.path ?? 'in-memory database';
  }

  read<T>(query: (sql: Sql) => Promise<T>): Promise<T> {
    return this.store.read((db) => query(sqlOverDatabase(db)));
  }

  write<T>(change: (sql: Sql) => Promise<T>): Promise<T> {
    return this.store.write((db) => change(sqlOverDatabase(db)));
  }

  async close(): Promise<void> {
    this.store.close();
  }
}

const ledgers = new WeakMap<Store, SqlJsLedger>();

/** The Ledger of an open store (one per store, so `storeOf` finds the store again). */
export function ledgerOverStore(store: Store): Ledger {
  let ledger = ledgers.get(store);
  if (ledger === undefined) ledgers.set(store, (ledger = new SqlJsLedger(store)));
  return ledger;
}

/**
 * The store behind a sql.js ledger, for the operations only the file adapter has (and, until
 * they are written against `Sql`, the storage modules that still take a sql.js database).
 */
export function storeOf(ledger: Ledger): Store {
  if (!(ledger instanceof SqlJsLedger)) throw new UserError(`${ledger.location}: this needs a duedesk database file, not a ${ledger.kind} ledger`);
  return ledger.store;
}
