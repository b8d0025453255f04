/**
 * Why a sending run stops before its end, and what each reason makes of its exit code. Each
 * leaves the messages not yet begun `not-sent` and due for a later run:
 *
 * - transport: the mail server cannot be used (login refused, unreachable): exit 3 when nothing
 *   reached it.
 * - ledger busy: another writer held the ledger past the wait, or another run took the hold on
 *   the ledger over (this one was stopped past its lease): exit 75, the next run sends the rest.
 * - ledger lost: the ledger's server went away (a LedgerLostError, kept as the run's
 *   `ledgerLost`): exit 75; no wait brings the server back within the run.
 * - file: a file the run must write was refused (a full or read-only disk): exit 2, or 1 once
 *   something may have gone.
 *
 * A failed or uncertain message, or one a dead run left and this one recovered, makes the run
 * exit 1 whatever stopped it (a transport stop before anything reached the server excepted). A
 * server's deferral, like a busy or lost ledger, exits 75: nothing was wrong with what was tried.
 */
import { ExitCode, UserError, type ExitCodeValue } from '../core/exit-codes.js';
import { asFileError, type FileWriteError } from '../core/file-errors.js';
import { LedgerLostError } from '../storage/ledger.js';
import type { MessageOutcome } from './outcome.js';

/** A stop the run keeps (a lost ledger is kept as its error instead: RunState.ledgerLost). */
export interface RunStop {
  why: string;
  /** `ledger`: the ledger busy (see the top of this file). */
  kind: 'transport' | 'ledger' | 'file';
}

/** The mail server cannot be used: the server's words. */
export function transportStop(why: string): RunStop {
  return { why, kind: 'transport' };
}

/** Another run took the hold on the ledger over: it sends now, and this run must not. */
export const TAKEN_OVER: RunStop = { why: 'another run took the send lock over (this run was stopped past its lease)', kind: 'ledger' };

/**
 * True for "the ledger's write lock was not had in time" (exit 75): waiting longer may succeed. A
 * lost connection is exit 75 too, but no wait brings the server back within the run: it ends it.
 */
export function ledgerBusy(error: unknown): boolean {
  return error instanceof UserError && error.exitCode === ExitCode.Busy && !(error instanceof LedgerLostError);
}

/**
 * The stop for a history that could not be written: a file-system refusal (also returned, as the
 * run's file error: the CLI names the file), a ledger another writer held past the wait (named as
 * the ledger says it), or anything else the ledger refused.
 */
export function historyStop(error: unknown): { stop: RunStop; refused: FileWriteError | null } {
  const refused = asFileError(error);
  if (refused) return { stop: { why: refused.message, kind: 'file' }, refused };
  const why = ledgerBusy(error) ? (error as Error).message : `the history cannot be written: ${(error as Error).message}`;
  return { stop: { why, kind: 'ledger' }, refused: null };
}

/** True when some message may have reached its recipients (sent or uncertain). */
export function reachedAny(messages: readonly MessageOutcome[]): boolean {
  return messages.some((m) => m.status === 'sent' || m.status === 'uncertain');
}

/** How a run ended besides its messages, as far as its exit code goes. */
export interface RunEnding {
  stop: RunStop | null;
  /** Messages of dead runs recovered as `uncertain` at the start. */
  recovered: number;
  deferral: string | null;
  ledgerLost: LedgerLostError | null;
}

/** The exit code of a run that wrote every file it had to (see the top of this file). */
export function runExitCode(messages: readonly MessageOutcome[], { stop, recovered, deferral, ledgerLost }: RunEnding): ExitCodeValue {
  if (stop?.kind === 'transport' && !reachedAny(messages)) return ExitCode.TransportUnusable;
  // Uncertain messages of a run that died are reported by the next run: cron sees exit 1.
  if (messages.some((m) => m.status === 'failed' || m.status === 'uncertain') || recovered > 0) return ExitCode.SomeFailed;
  // Nothing wrong with what was tried, but the server or the ledger wants the rest later (a
  // deferral, a busy ledger, a PostgreSQL server gone away): cron tries again. Not-sent messages
  // alone are no failure: the operator's stop, a daily limit (the rest waits for tomorrow) and a
  // customer changed since the plan (the next plan decides) end 0.
  if (deferral !== null || stop?.kind === 'ledger' || ledgerLost !== null) return ExitCode.Deferred;
  return ExitCode.Ok;
}

/** The exit code of a run a file stopped: 1 once something may have gone, else 2. */
export function fileStopExitCode(messages: readonly MessageOutcome[]): ExitCodeValue {
  return reachedAny(messages) ? ExitCode.SomeFailed : ExitCode.Usage;
}
