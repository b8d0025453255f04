/** One planned message through guard, render, journal, transport and journal again. */
import type { Plan, PlannedMessage } from '../core/plan.js';
import type { Settings } from '../core/settings.js';
import type { CommandContext } from '../runtime/context.js';
import { LedgerLostError, type Ledger } from '../storage/ledger.js';
import { ledgerFile } from '../storage/ledger-location.js';
import type { RecipientResult, Transport } from '../mail/transports/types.js';
import { printDir as printFolder } from '../settings/paths.js';
import { alreadyInHistory, outstandingOf } from '../storage/delivery-history.js';
import { buildEnvelope } from '../mail/envelope.js';
import { writeLetter } from './files.js';
import { guardKeyOf, historyRecord } from './record.js';
import type { MessageRecorder } from './recorder.js';
import { dailyLimitReason, givePlaceBack, takePlace, type DailyAllowance } from './daily-limit.js';
import { sendWithRetry, type RetryPolicy, type SendEnding } from './send-one.js';
import type { MessageRenderer } from './render.js';
import { notSent, type MessageOutcome } from './outcome.js';
import { asFileError, type FileWriteError } from '../core/file-errors.js';
import { historyStop, TAKEN_OVER, transportStop, type RunStop } from './run-stop.js';

/** Everything the workers of one run share. */
export interface RunState {
  plan: Plan;
  settings: Settings;
  ctx: CommandContext;
  ledger: Ledger;
  transport: Transport;
  renderer: MessageRenderer;
  recorder: MessageRecorder;
  operator: string;
  retry: RetryPolicy;
  /** The operator's stop (TUI Esc, Ctrl-C, q): no new message starts, and no back-off is waited out. */
  signal: AbortSignal | undefined;
  /** Set once the run must stop (./run-stop.ts); later messages are not attempted. */
  stop: RunStop | null;
  /** The first file the run could not write (disk full, read-only): it stops the run, exit 2 or 1. */
  fileError: FileWriteError | null;
  /** The server's reply once it took no more for now; later messages are left due. */
  deferral: string | null;
  /** What is left of today's smtp.maxPerDay, or null without a cap. */
  daily: DailyAllowance | null;
  /** Keys begun in this run (the plan should not repeat one, but never send one twice). */
  sentThisRun: Set<string>;
  /** Keys whose letter this run wrote: they make its combined print file. */
  lettersWritten: Set<string>;
  /**
   * False once another run took the send lock over (ours lapsed: this process was stopped past
   * its lease); from then on the other run sends, and this one must not. Throws LedgerLostError
   * once the ledger's server went away.
   */
  holdsSendLock(): boolean;
  /** Set once the ledger's server went away: no message starts after it, the rest stay due. */
  ledgerLost: LedgerLostError | null;
  /**
   * The archive copy last queued: copies are written one after another in the order their
   * messages were built, so messages are begun (and numbered in the history) in that order still.
   */
  keeping?: Promise<unknown>;
}

/** Marker for a message history already has for this date. */
export interface AlreadySent {
  alreadySent: string;
}

/** Deliver one message; never throws for a send problem. */
export async function deliverOne(state: RunState, planned: PlannedMessage): Promise<MessageOutcome | AlreadySent> {
  if (state.sentThisRun.has(planned.key) || (await state.ledger.read((sql) => alreadyInHistory(sql, guardKeyOf(planned, state.plan.asOf))))) {
    return { alreadySent: planned.key };
  }
  if (state.daily !== null && !takePlace(state.daily)) return notSent(planned.key, 'daily-limit', dailyLimitReason(state.daily));
  const outcome = await attempt(state, planned);
  // History does not count a message that was not taken against the limit; neither does the run.
  if ('alreadySent' in outcome || outcome.status === 'failed' || outcome.status === 'not-sent') givePlaceBack(state.daily);
  return outcome;
}

async function attempt(state: RunState, planned: PlannedMessage): Promise<MessageOutcome | AlreadySent> {
  const { ledger, ctx, settings, plan } = state;
  let message;
  let raw: Buffer;
  const notes: string[] = [];
  try {
    // Invoice PDFs (safe names only) are attached by the documents layer when the level asks.
    message = await state.renderer.render(planned);
    raw = await state.renderer.compose(message, ctx.now());
  } catch (error) {
    return { key: planned.key, status: 'failed', messageId: null, error: `could not build the message: ${(error as Error).message}`, recipients: [] };
  }
  const built = buildEnvelope(message);
  const outstanding = await ledger.read((sql) => outstandingOf(sql, planned.customer.code, planned.currency, plan.asOf));
  if (!state.holdsSendLock()) {
    state.stop ??= TAKEN_OVER;
    return notSent(planned.key, 'cut-short', state.stop.why);
  }
  let archived;
  try {
    // A message with no proof of what it said is not sent (docs/reference/cli.md §11.1): kept
    // byte for byte before its history line, and before anything reaches the transport.
    const turn = (state.keeping ?? Promise.resolve()).then(() => ledger.archive.keep(raw));
    state.keeping = turn.catch(() => undefined);
    archived = await turn;
  } catch (error) {
    if (error instanceof LedgerLostError) throw error;
    return notSent(planned.key, 'cut-short', stopRun(state, error));
  }
  const record = { ...historyRecord(planned, message, plan.asOf, state.operator, outstanding), archive: { ...archived, prunedAt: null } };
  try {
    // On a shared ledger another sender may have recorded it since the check above: it sends it.
    const begun = await state.recorder.begin(record, ctx.now().toISOString(), guardKeyOf(planned, plan.asOf), plan.changeCounts?.get(planned.customer.code) ?? null);
    if (begun !== 'begun') await forgetCopy(ledger, archived.sha256);
    if (begun === 'taken') return { alreadySent: planned.key };
    if (begun === 'changed') return notSent(planned.key, 'changed', CHANGED_SINCE_PLANNED);
  } catch (error) {
    // Never sent: the run stops, and the message stays due (runWorkers).
    if (error instanceof LedgerLostError) throw error;
    // Its mark is not (wholly) recorded, so it must not reach the transport: a cut line is dropped on replay.
    await forgetCopy(ledger, archived.sha256);
    return notSent(planned.key, 'cut-short', stopRun(state, error));
  }
  state.sentThisRun.add(planned.key);
  if (planned.letter) {
    const printDir = printFolder(settings, { dbPath: ledgerFile(ledger), cwd: ctx.cwd });
    try {
      await writeLetter(printDir, plan.asOf, planned.key, message.pdf);
      state.lettersWritten.add(planned.key);
    } catch (error) {
      const refused = asFileError(error);
      notes.push(`letter not written: ${refused?.message ?? (error as Error).message}`);
      if (refused) stopRun(state, refused);
    }
  }
  let ending: SendEnding;
  if (built.envelope === null) {
    ending = planned.letter
      ? { status: 'sent', error: `letter only, no e-mail: ${built.problem ?? ''}`, recipients: [], stopRun: null, deferral: null }
      : { status: 'failed', error: `not sent: ${built.problem ?? 'no envelope'}`, recipients: [], stopRun: null, deferral: null };
  } else {
    ending = await sendWithRetry(state.transport, raw, built.envelope, message.messageId, state.retry, state.signal);
  }
  if (ending.fileError) stopRun(state, ending.fileError);
  else if (ending.stopRun !== null) state.stop ??= transportStop(ending.stopRun);
  if (ending.deferral !== null) state.deferral ??= ending.deferral;
  const recipients: RecipientResult[] = [...built.refused, ...ending.recipients];
  if (built.refused.length > 0 && built.envelope !== null) notes.push(`refused before sending: ${built.refused.map((r) => r.address).join(', ')}`);
  const error = [ending.error, ...notes].filter((n): n is string => n !== null && n !== '').join('; ') || null;
  let reported = error;
  try {
    await state.recorder.finish(message.messageId, ending.status, error, recipients, ctx.now().toISOString());
  } catch (failure) {
    // The `sending` line is durable: unless the outcome reached the database, the next run records it as uncertain.
    if (failure instanceof LedgerLostError) {
      state.ledgerLost ??= failure;
      reported = [error, 'its outcome could not be recorded (the ledger went away): the history shows it uncertain after the next run'].filter(Boolean).join('; ');
    } else stopRun(state, failure);
  }
  // A deferred attempt, or one the operator's stop kept from being tried again, is `stopped` in
  // history: it stays due, and it is not a failure of the run.
  if (ending.status === 'stopped') return notSent(planned.key, ending.deferral !== null ? 'deferred' : 'stopped', error ?? 'stopped', message.messageId, recipients);
  return { key: planned.key, status: ending.status, messageId: message.messageId, error, recipients };
}

/**
 * Remove the copy of a message no history row will name (never begun): every copy in the archive
 * is one a row vouches for. A removal the file system refuses leaves an unnamed copy, no harm.
 */
async function forgetCopy(ledger: Ledger, sha256: string): Promise<void> {
  try {
    await ledger.archive.drop(sha256);
  } catch {
    // The run reports what stopped it; a copy left over is not that.
  }
}

/** The report's words for a message whose customer changed after the plan was made. */
export const CHANGED_SINCE_PLANNED = 'not sent: changed since planned';

/** Stop the run after the history could not be written (historyStop), and say why. */
function stopRun(state: RunState, error: unknown): string {
  const { stop, refused } = historyStop(error);
  if (refused) state.fileError ??= refused;
  state.stop ??= stop;
  return stop.why;
}
