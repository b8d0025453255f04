/**
 * The sql.js adapter of the ledger port: a Ledger over a Store (./database.ts), which keeps the
 * lock, the journal-free atomic save, the damage checks and the lease exactly as they are. Reads
 * and writes go through the store's queue, so a read never sees a write's uncommitted rows.
 * A file is sent from by one run at a time: the run holds the send lock (./send-lock.ts) and
 * keeps its history in the send journal beside the file; a copy holds the same lock.
 */
import { userInfo } from 'node:os';
import { UserError } from '../../core/exit-codes.js';
import type { LockHandle } from '../../files/lock.js';
import type { OpenWritable } from '../../files/write-all.js';
import { tableArchive, type MessageArchive } from '../archive.js';
import type { BetweenSends, BetweenSendsOptions, Ledger, LedgerKind, SendOptions, SendRun } from '../ledger.js';
import type { Sql } from '../sql.js';
import { openStore, type StoreSeams } from './database.js';
import { fileArchive } from './file-archive.js';
import { holdFileSends, takeSendLock } from './send-lock.js';
import { sqlOverDatabase } from './sqljs-sql.js';
import type { OpenOptions, Store } from './store.js';

/** Open (creating and migrating when needed) the file at `options.path`, or a private in-memory database for null. */
export async function openSqlJsLedger(options: OpenOptions, seams?: StoreSeams): Promise<Ledger> {
  return ledgerOverStore(await openStore(options, seams), seams?.archiveOpen);
}

/** The operating-system account running this process ('' where the system has none to say). */
function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

/** A sql.js file or in-memory database as a Ledger. */
class SqlJsLedger implements Ledger {
  readonly kind: LedgerKind;
  readonly location: string;
  /** A file's copies in the folder beside it; an in-memory database's in its own table. */
  readonly archive: MessageArchive;
  /** One user works on a file: the operating-system account running duedesk (its permissions guard the file). */
  readonly user: string = osUser();

  constructor(
    readonly store: Store,
    archiveOpen?: OpenWritable,
  ) {
    this.kind = store.path === null ? 'memory' : 'file';
    this.location = store.path ?? 'in-memory database';
    this.archive =
      store.path === null
        ? tableArchive(this.location, (query) => this.read(query), (change) => this.write(change))
        : fileArchive(store.path, archiveOpen);
  }

  read<T>(query: (sql: Sql) => Promise<T>): Promise<T> {
    return this.store.read((db) => query(sqlOverDatabase(db)));
  }

  write<T>(change: (sql: Sql) => Promise<T>): Promise<T> {
    return this.store.write((db) => change(sqlOverDatabase(db)));
  }

  /** The send lock of the file (none in memory), then the journal a dead run left. */
  async beginSend({ waitMs, settleJournal }: SendOptions): Promise<SendRun> {
    const lock = this.store.path === null ? null : await takeSendLock(this.store.path, waitMs);
    const settled = await whileLocked(lock, settleJournal);
    return {
      claimsAs: null,
      settled,
      stillHeld: () => lock === null || lock.stillHeld(),
      release: async () => lock?.release(),
    };
  }

  /** The send lock of the file, then the journal a dead run left (nothing to hold in memory). */
  async holdBetweenSends({ doing, waitMs, settleJournal }: BetweenSendsOptions): Promise<BetweenSends> {
    if (this.store.path === null) return { release: () => undefined, settled: 0 };
    const lock = await holdFileSends(this.store.path, { doing, waitMs });
    return { release: () => lock.release(), settled: await whileLocked(lock, settleJournal) };
  }

  async close(): Promise<void> {
    this.store.close();
  }
}

/**
 * Run `body` with `lock` held; when it fails, give the lock up and report the failure (a release
 * the file system refuses then is not the error to report: the lock lapses with its holder).
 */
async function whileLocked<T>(lock: LockHandle | null, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    try {
      lock?.release();
    } catch {
      // The failure says what went wrong.
    }
    throw error;
  }
}

/** The Ledger over an open store; `archiveOpen` is the test seam for the archive's file handles. */
export function ledgerOverStore(store: Store, archiveOpen?: OpenWritable): Ledger {
  return new SqlJsLedger(store, archiveOpen);
}

/**
 * The store behind a sql.js ledger, for the operations only the file adapter has (and, until
 * they are written against `Sql`, the storage modules that still take a sql.js database).
 */
export function storeOf(ledger: Ledger): Store {
  if (!(ledger instanceof SqlJsLedger)) throw new UserError(`${ledger.location}: this needs a duedesk database file, not a ${ledger.kind} ledger`);
  return ledger.store;
}
