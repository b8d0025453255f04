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
import { replayJournal } from '../../delivery/recorder.js';
import { journalPath } from '../../settings/paths.js';
import type { BetweenSends, Ledger } from '../../storage/ledger.js';
import { openLedger } from '../../storage/open-ledger.js';

/** How long a copy or backup waits for a send under way by default: a long run's worth. */
export const DEFAULT_WAIT_SECONDS = 600;

/** What holding needs: what is waiting (for messages), how long, and the clock for history. */
export interface HoldOptions {
  /** "db copy", "db backup": named in the busy message. */
  doing: string;
  waitMs: number;
  now: () => Date;
}

/** True when a run that died left its send journal beside the database file. */
export function journalLeft(dbPath: string): boolean {
  return existsSync(journalPath(dbPath));
}

/** Hold an open ledger between sends and settle what dead runs left (see the top of this file). */
export function holdBetweenSends(ledger: Ledger, options: HoldOptions): Promise<BetweenSends> {
  return ledger.holdBetweenSends({ ...options, settleJournal: () => replayJournal(ledger, options.now().toISOString()) });
}

/** What the operator must hear when a copy settled a dead run's messages (the next send will not say it). */
export function settledNote(doing: string, settled: number): string {
  return `${doing}: ${settled} message(s) of an interrupted send are now uncertain: check them in the history (they are never re-sent automatically)`;
}

/** Let sends go after a failure, whose error is the one to report (see whileHeld). */
function releaseAfterFailure(held: Held): void {
  try {
    held.release();
  } catch {
    // The failure says what went wrong; a lock left unreleased lapses with its holder.
  }
}

/** A hold between sends: a ledger's, or a file's send lock (`db backup`). */
type Held = Pick<BetweenSends, 'release'>;

/**
 * Run `body` while sends are held, then let them go. When `body` failed, its error is the one to
 * report: a release the file system refuses then (the disk that failed the copy) is not.
 */
export async function whileHeld<T>(held: Held, body: () => Promise<T>): Promise<T> {
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
