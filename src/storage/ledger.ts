/**
 * The ledger: duedesk's storage port. A feature opens one ledger and runs named queries and
 * writes (the functions exported by the storage modules) through `read` and `write`; it never
 * sees an engine. Adapters: the sql.js file (the default, one machine; ./sqljs/) and PostgreSQL
 * (a shared ledger for several hosts; ./postgres/).
 *
 * The port also keeps sends apart: a sending run holds the ledger with `beginSend`, and a copy
 * is taken between sends with `holdBetweenSends`. How is the engine's business: a file is sent
 * from by one run at a time (its send lock); a shared ledger by runs on many hosts at once, each
 * message claimed in the ledger before it goes.
 */
import { ExitCode, UserError } from '../core/exit-codes.js';
import type { Sql } from './sql.js';
import type { MessageArchive } from './archive.js';

/** Which engine holds the ledger. */
export type LedgerKind = 'file' | 'memory' | 'postgres';

/** An open ledger. */
export interface Ledger {
  /** Which engine holds it. */
  readonly kind: LedgerKind;
  /**
   * Where it lives, for messages: the file path, `in-memory database`, or the PostgreSQL URL
   * with any password masked. Never contains a secret.
   */
  readonly location: string;
  /** Where the messages sent from this ledger are kept byte for byte (./archive.ts). */
  readonly archive: MessageArchive;
  /**
   * Who is connected, as the engine vouches for it: PostgreSQL's `session_user` (the role that
   * logged in), the operating-system user for a file or in-memory ledger. Never taken from
   * duedesk's own settings (docs/reference/roles.md §1).
   */
  readonly user: string;
  /**
   * Run queries on the latest committed state (another process's saved changes included).
   * Do not write through `sql` here: writes go through `write`.
   */
  read<T>(query: (sql: Sql) => Promise<T>): Promise<T>;
  /**
   * Run `change` in one transaction on the latest committed state, shared safely with other
   * processes (and hosts, for PostgreSQL): all of it is kept, or none of it when it throws.
   * Writes of one process run one at a time, in call order. Fails with exit 75 when another
   * process holds the ledger past the lock timeout.
   */
  write<T>(change: (sql: Sql) => Promise<T>): Promise<T>;
  /**
   * Hold the ledger for a sending run, then settle what dead runs left unfinished (their
   * messages become `uncertain`, never sent again). Fails with exit 75 naming who holds it when
   * another run keeps the ledger past `waitMs` (or, for a scheduled run on a shared ledger, is
   * running at all), or a copy is being taken.
   */
  beginSend(options: SendOptions): Promise<SendRun>;
  /**
   * Hold the ledger between sends, for a copy: wait up to `waitMs` for a run under way to end
   * (then exit 75 naming it and what waited), keep new runs from starting, and settle what dead
   * runs left, so the copy holds every message begun before it and none is `sending`.
   */
  holdBetweenSends(options: BetweenSendsOptions): Promise<BetweenSends>;
  /** Release connections and memory (every write already committed). */
  close(): Promise<void>;
}

/** How a sending run holds the ledger. */
export interface SendOptions {
  /** A scheduled run (`--send-due`): on a shared ledger only one runs at a time across hosts. */
  scheduled: boolean;
  /**
   * How long to wait for another run holding the file before exit 75 (a shared ledger waits for
   * a copy under way as long as a write waits for the write lock).
   */
  waitMs: number;
  /** Stamps the history of messages settled. */
  now: () => Date;
  /**
   * Folds the send journal a dead run left beside the ledger (a run that sends alone keeps its
   * history there first); how many messages became `uncertain`. Called with the hold taken.
   */
  settleJournal: () => Promise<number>;
}

/** A sending run's hold on the ledger. */
export interface SendRun {
  /**
   * The id this run's claims carry, when runs on several hosts send from the ledger at once and
   * each message is claimed in the ledger before it goes; null when this run sends alone (no
   * other run sends until it ends) and keeps its history in the send journal.
   */
  readonly claimsAs: number | null;
  /** Messages of dead runs made `uncertain` when the run began. */
  readonly settled: number;
  /**
   * False once another run may be sending in this one's place (its hold lapsed while this
   * process was stopped): it must send nothing more. Throws LedgerLostError once the ledger's
   * server went away.
   */
  stillHeld(): boolean;
  /** Let other runs and copies go. A file the system refuses to write then is thrown as a FileWriteError. */
  release(): Promise<void>;
}

/** How a copy holds the ledger between sends. */
export interface BetweenSendsOptions {
  /** What waits, named in the busy message ("db copy", "db backup"). */
  doing: string;
  waitMs: number;
  /** Stamps the history of messages settled. */
  now: () => Date;
  /** As for SendOptions: folds a journal a dead run left beside the ledger. */
  settleJournal: () => Promise<number>;
}

/** A hold between sends. */
export interface BetweenSends {
  /** Let sending runs start again. */
  release(): void;
  /** Messages of dead runs made `uncertain` before the hold was given. */
  settled: number;
}

/**
 * The ledger's server went away after the ledger was opened (stopped, restarted, network cut):
 * nothing more can be read or written, and what was not committed was not kept. Exit 75: the
 * next run picks the work up once the server is back.
 */
export class LedgerLostError extends UserError {
  constructor(location: string, reason: string) {
    super(`lost the connection to the ledger ${location}: ${reason}; try again once it is back`, ExitCode.Busy);
  }
}
