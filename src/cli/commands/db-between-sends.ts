/**
 * `db copy` and `db backup` take their snapshot between sends, never during one: a copy taken
 * while a run sends would lack the messages the run sends after it, and sending from the copy
 * (or restoring the backup) would send them again. So the copy first holds what a sending run
 * holds, waiting up to `--wait` for a run under way to end (then exit 75 naming it), and
 * settles what a dead run left — its journal (file) or its `sending` rows (PostgreSQL) become
 * history, `uncertain` where the outcome is unknown — so the copy includes every message begun
 * before it and none is `sending`. No run starts while the hold lasts.
 */
import { existsSync } from 'node:fs';
import { ExitCode, UserError } from '../../core/exit-codes.js';
import { replayJournal } from '../../delivery/recorder.js';
import { journalPath, sendLockBase } from '../../settings/paths.js';
import type { Ledger } from '../../storage/ledger.js';
import { ledgerFile } from '../../storage/ledger-location.js';
import { acquireLock } from '../../files/lock.js';
import { openLedger } from '../../storage/open-ledger.js';
import { describeHolder, tryAgainLater } from '../../files/lock-busy.js';

/** How long a copy or backup waits for a send under way by default: a long run's worth. */
export const DEFAULT_WAIT_SECONDS = 600;

/** A hold between sends; release lets runs start again. */
export interface SendsHeld {
  release(): void;
  /** Messages a dead run left unfinished, recorded `uncertain` before the copy. */
  settled: number;
}

/** What holding needs: what is waiting (for messages), how long, and the clock for history. */
export interface HoldOptions {
  /** "db copy", "db backup": named in the busy message. */
  doing: string;
  waitMs: number;
  now: () => Date;
}

/**
 * The send lock of the database file at `dbPath` (what a sending run holds for its whole run),
 * waited for up to `waitMs`; then exit 75 naming the run.
 */
export async function holdFileSends(dbPath: string, { doing, waitMs }: HoldOptions): Promise<SendsHeld> {
  const waited = Math.round(waitMs / 1000);
  const lock = await acquireLock(sendLockBase(dbPath), {
    timeoutMs: waitMs,
    busy: (holder, file) =>
      new UserError(`${doing}: a send is under way on ${dbPath}: ${describeHolder(holder, file)}; waited ${waited} s; ${tryAgainLater(holder)}`, ExitCode.Busy),
  });
  return { release: () => lock.release(), settled: 0 };
}

/** True when a run that died left its send journal beside the database file. */
export function journalLeft(dbPath: string): boolean {
  return existsSync(journalPath(dbPath));
}

/** Hold an open ledger between sends and settle what dead runs left (see the top of this file). */
export async function holdBetweenSends(ledger: Ledger, options: HoldOptions): Promise<SendsHeld> {
  if (ledger.kind === 'postgres') {
    // Loaded only here: a file ledger never loads the PostgreSQL driver.
    const { PostgresLedger } = await import('../../storage/postgres/postgres-ledger.js');
    const { holdBetweenSends: holdShared } = await import('../../storage/postgres/send-runs.js');
    if (!(ledger instanceof PostgresLedger)) throw new TypeError(`${ledger.location}: not a PostgreSQL ledger of this process`);
    return holdShared(ledger, options.waitMs, options.doing, options.now);
  }
  const file = ledgerFile(ledger);
  if (file === null) return { release: () => undefined, settled: 0 };
  const held = await holdFileSends(file, options);
  try {
    held.settled = await replayJournal(ledger, options.now().toISOString());
  } catch (error) {
    releaseAfterFailure(held);
    throw error;
  }
  return held;
}

/** What the operator must hear when a copy settled a dead run's messages (the next send will not say it). */
export function settledNote(doing: string, settled: number): string {
  return `${doing}: ${settled} message(s) of an interrupted send are now uncertain: check them in the history (they are never re-sent automatically)`;
}

/** Let sends go after a failure, whose error is the one to report (see whileHeld). */
function releaseAfterFailure(held: SendsHeld): void {
  try {
    held.release();
  } catch {
    // The failure says what went wrong; a lock left unreleased lapses with its holder.
  }
}

/**
 * Run `body` while sends are held, then let them go. When `body` failed, its error is the one to
 * report: a release the file system refuses then (the disk that failed the copy) is not.
 */
export async function whileHeld<T>(held: SendsHeld, body: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await body();
  } catch (error) {
    releaseAfterFailure(held);
    throw error;
  }
  held.release();
  return result;
}

/** Fold the journal a dead run left into the database at `dbPath` (the send lock is held); how many became uncertain. */
export async function settleDeadRun(dbPath: string, hold: HoldOptions): Promise<number> {
  const ledger = await openLedger(dbPath);
  try {
    return await replayJournal(ledger, hold.now().toISOString());
  } finally {
    await ledger.close();
  }
}
