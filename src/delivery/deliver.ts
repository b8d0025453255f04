/**
 * deliverPlan: send every message of a plan at most once and record each in the history.
 *
 * Order per message: guard against history → render → durable `sending` journal line → SMTP →
 * durable outcome line; the journal is folded into the database in batches. The whole run holds
 * the ledger for sending (Ledger.beginSend: on a file, the send lock, so two runs never send side
 * by side; on a shared ledger, a run of its own that claims each message), and it starts by
 * settling what a dead run left (its unfinished messages become `uncertain`).
 */
import type { Plan, PlannedMessage } from '../core/plan.js';
import { ExitCode, type ExitCodeValue } from '../core/exit-codes.js';
import type { CommandContext } from '../runtime/context.js';
import type { Transport } from '../mail/transports/types.js';
import { SendFailure } from '../mail/transports/types.js';
import { createTransport, type SmtpTuning } from '../mail/transports/index.js';
import { LedgerLostError, type Ledger, type SendRun } from '../storage/ledger.js';
import { ledgerFile } from '../storage/ledger-location.js';
import { printDir as printFolder } from '../settings/paths.js';
import { writeCombinedLetters } from './files.js';
import type { Settings } from '../core/settings.js';
import type { OpenWritable } from '../files/write-all.js';
import { asFileError, FileWriteError } from '../core/file-errors.js';
import { DeliveryRecorder, replayJournal, type FoldPolicy, type MessageRecorder } from './recorder.js';
import { SharedLedgerRecorder } from './shared-recorder.js';
import type { RetryPolicy } from './send-one.js';
import { realSleep } from '../mail/transports/wait.js';
import { guardKeyOf, operatorName } from './record.js';
import { alreadyInHistory } from '../storage/delivery-history.js';
import { deliverOne, type AlreadySent, type RunState } from './deliver-one.js';
import { fileStopExitCode, runExitCode, type RunStop } from './run-stop.js';
import { dailyAllowance, dailyLimitReason, type DailyAllowance } from './daily-limit.js';
import { defaultRenderer, type MessageRenderer } from './render.js';
import { notSent, type MessageOutcome, type NotSentReason } from './outcome.js';

export type { MessageOutcome, NotSentReason };

/** What happened to a whole plan. */
export interface DeliveryOutcome {
  messages: MessageOutcome[];
  exitCode: ExitCodeValue;
  /** Keys not sent because history already has them for this date (sent, sending or uncertain). */
  alreadySent?: string[];
  /**
   * Why the run stopped early, if it did: authentication refused, server unreachable, another
   * writer held the ledger past the wait (the rest is `not-sent`).
   */
  error?: string | null;
  /** The server's reply when it took no more for now (421, rate or quota): the rest stays due. */
  deferral?: string | null;
  /** smtp.maxPerDay when it held messages back for tomorrow, and how many. */
  dailyLimit?: { limit: number; heldBack: number } | null;
  /** Messages of an earlier, interrupted run recovered as `uncertain` at the start. */
  recovered?: number;
  /**
   * A file the run could not write (journal, outbox, letter, database, send lock): sending
   * stopped there. Exit 2 when nothing was sent, else 1; the CLI prints it after the report.
   */
  fileError?: FileWriteError;
  /**
   * The ledger's server went away mid-run ("lost the connection to the ledger …"): sending
   * stopped there, the rest stay due. Exit 75 when nothing failed or is uncertain, else 1; the
   * CLI prints it after the report.
   */
  ledgerLost?: string | null;
}

/** Progress callback for the TUI and the CLI summary. */
export type ProgressListener = (outcome: MessageOutcome, done: number, total: number) => void;

/** Seams and tuning of a delivery run (tests, benchmarks, the TUI). All optional. */
export interface DeliveryOptions {
  transport?: Transport;
  renderer?: MessageRenderer;
  smtpTuning?: SmtpTuning;
  retry?: Partial<RetryPolicy>;
  fold?: Partial<FoldPolicy>;
  /** Messages in flight at once (default smtp.maxConnections, else 5). */
  concurrency?: number;
  /** How long to wait for another sending run before exit 75 (default 10 s). */
  lockTimeoutMs?: number;
  /** Stop after the messages in flight, cutting short any retry back-off (TUI Esc, Ctrl-C, q). */
  signal?: AbortSignal;
  /** The SMTP password typed in the TUI for this session (a value, never an environment variable). */
  sessionPassword?: string | null;
  /** Opens the send journal (tests cut its writes short or refuse them). */
  journalFile?: OpenWritable;
  /**
   * A scheduled run (`--send-due`): on a shared ledger only one runs at a time across hosts (a
   * second exits 75); operators' sends from the TUI run beside it, kept apart by claims.
   */
  scheduled?: boolean;
}

/** Send every message of `plan` at most once, recording each in the history. */
export async function deliverPlan(
  plan: Plan,
  ctx: CommandContext,
  onProgress?: ProgressListener,
  options: DeliveryOptions = {},
): Promise<DeliveryOutcome> {
  const settings = ctx.settings.read();
  const ledger = await ctx.openLedger();
  const run = await ledger.beginSend({
    scheduled: options.scheduled ?? false,
    waitMs: options.lockTimeoutMs ?? 10_000,
    now: () => ctx.now(),
    settleJournal: () => replayJournal(ledger, ctx.now().toISOString()),
  });
  let outcome: DeliveryOutcome | undefined;
  try {
    outcome = await deliverHeld(plan, ctx, settings, ledger, run, options, onProgress);
    return outcome;
  } finally {
    await endRun(run, outcome);
  }
}

/**
 * Give the ledger back. After sending, a refusal (read-only or full disk) must not replace the
 * per-message report: it joins the outcome as its file error. When the run is already failing,
 * its own error is the one to report.
 */
async function endRun(run: SendRun, outcome: DeliveryOutcome | undefined): Promise<void> {
  try {
    await run.release();
  } catch (error) {
    const refused = asFileError(error);
    if (outcome === undefined) return;
    if (!refused) throw error;
    withFileError(outcome, refused);
  }
}

/** Mark `outcome` as stopped by a file the run could not write, with the exit code that implies. */
function withFileError(outcome: DeliveryOutcome, refused: FileWriteError): void {
  outcome.fileError ??= refused;
  outcome.error ??= refused.message;
  outcome.exitCode = fileStopExitCode(outcome.messages);
}

/** Where a run records its messages: the ledger itself for a run that claims them, else the send journal first. */
export async function recorderFor(run: SendRun, ledger: Ledger, options: DeliveryOptions, warn: (text: string) => void): Promise<MessageRecorder> {
  if (run.claimsAs !== null) return new SharedLedgerRecorder(ledger, run.claimsAs);
  const fold = { every: options.fold?.every ?? 200, intervalMs: options.fold?.intervalMs ?? 2000 };
  return DeliveryRecorder.open(ledger, fold, warn, options.journalFile);
}

/** The run itself, with the ledger held for sending and dead runs settled: guard, verify, send, record. */
async function deliverHeld(
  plan: Plan,
  ctx: CommandContext,
  settings: Settings,
  ledger: Ledger,
  run: SendRun,
  options: DeliveryOptions,
  onProgress: ProgressListener | undefined,
): Promise<DeliveryOutcome> {
  const recovered = run.settled;
  // The plan may predate our lock (another run sent meanwhile): what history already has is
  // dropped here, so a cron run with nothing new never even connects to the server.
  const already = await ledger.read(async (sql) => {
    const found: PlannedMessage[] = [];
    for (const m of plan.messages) if (await alreadyInHistory(sql, guardKeyOf(m, plan.asOf))) found.push(m);
    return found;
  });
  const skip = new Set(already);
  const todo: Plan = skip.size === 0 ? plan : { ...plan, messages: plan.messages.filter((m) => !skip.has(m)) };
  const alreadySent = already.map((m) => ({ alreadySent: m.key }));
  if (todo.messages.length === 0) return summarise(alreadySent, { recovered });
  const daily = await dailyAllowance(ledger, settings.smtp?.maxPerDay, ctx.now());
  if (daily !== null && daily.left === 0) {
    // Nothing may go today: do not even connect.
    daily.heldBack = todo.messages.length;
    return summarise([...alreadySent, ...todo.messages.map((m) => notSent(m.key, 'daily-limit', dailyLimitReason(daily)))], { recovered, daily });
  }
  const renderer = options.renderer ?? defaultRenderer(settings, ctx.cwd, plan.asOf);
  // Nothing broken goes out: a template fault stops the run here, before anything is sent.
  renderer.checkTexts?.(todo.messages);
  const transport = options.transport ?? (await createTransport(settings, ctx.env, { dbPath: ledgerFile(ledger), cwd: ctx.cwd }, options.smtpTuning, options.sessionPassword));
  try {
    try {
      await transport.verify();
    } catch (error) {
      if (error instanceof SendFailure && error.kind === 'deferred') {
        const reply = error.reply ?? error.message;
        return summarise([...alreadySent, ...todo.messages.map((m) => notSent(m.key, 'deferred', `server deferred (${reply})`))], { recovered, deferral: reply });
      }
      const text = error instanceof SendFailure || error instanceof FileWriteError ? error.message : String(error);
      const messages = todo.messages.map((m) => notSent(m.key, 'cut-short', text));
      const outcome: DeliveryOutcome = { messages, exitCode: ExitCode.TransportUnusable, alreadySent: already.map((m) => m.key), error: text, recovered };
      if (error instanceof FileWriteError) withFileError(outcome, error);
      return outcome;
    }
    const warn = (text: string): void => void ctx.stderr.write(`duedesk: ${text}\n`);
    const recorder = await recorderFor(run, ledger, options, warn);
    const state: RunState = {
      plan: todo,
      settings,
      ctx,
      ledger,
      transport,
      renderer,
      recorder,
      operator: operatorName(ledger, settings.operator),
      retry: { delaysMs: options.retry?.delaysMs ?? [1000, 5000, 15_000], sleep: options.retry?.sleep ?? realSleep },
      signal: options.signal,
      stop: null,
      fileError: null,
      deferral: null,
      daily,
      sentThisRun: new Set<string>(),
      lettersWritten: new Set<string>(),
      holdsSendLock: () => run.stillHeld(),
      ledgerLost: null,
    };
    const outcomes = await runWorkers(state, options, onProgress);
    await combineLetters(state);
    const kept = await recorder.close();
    if (kept !== null) warn('the send journal is kept and will be folded into the history by the next run');
    // History that reached only the journal is safe, but the operator must hear the disk is full.
    const fileError = state.fileError ?? asFileError(kept) ?? null;
    return summarise([...alreadySent, ...outcomes], { stop: state.stop, recovered, deferral: state.deferral, daily, fileError, ledgerLost: state.ledgerLost });
  } finally {
    await transport.close();
  }
}

/**
 * The run's letters in one print file, in send order (docs/reference/messages.md §4.3). A file the
 * disk refuses is the run's file error, as for each letter; the letters themselves are written.
 */
async function combineLetters(state: RunState): Promise<void> {
  if (state.lettersWritten.size === 0 || state.renderer.lettersPdf === undefined) return;
  const letters = state.plan.messages.filter((planned) => state.lettersWritten.has(planned.key));
  const printDir = printFolder(state.settings, { dbPath: ledgerFile(state.ledger), cwd: state.ctx.cwd });
  try {
    await writeCombinedLetters(printDir, state.plan.asOf, state.renderer.lettersPdf(letters));
  } catch (error) {
    const refused = asFileError(error);
    if (refused === undefined) throw error;
    state.fileError ??= refused;
  }
}

/** How many messages a run sends side by side: one per SMTP connection allowed (default 5). */
export function sendWidth(settings: Settings): number {
  return Math.max(1, settings.smtp?.maxConnections ?? 5);
}

async function runWorkers(state: RunState, options: DeliveryOptions, onProgress?: ProgressListener): Promise<Array<MessageOutcome | AlreadySent>> {
  const total = state.plan.messages.length;
  const outcomes: Array<MessageOutcome | AlreadySent> = new Array(total);
  let next = 0;
  let done = 0;
  const width = options.concurrency !== undefined ? Math.max(1, options.concurrency) : sendWidth(state.settings);
  const worker = async (): Promise<void> => {
    for (;;) {
      const index = next++;
      const planned = state.plan.messages[index];
      if (planned === undefined) return;
      let result: MessageOutcome | AlreadySent;
      if (state.ledgerLost !== null) result = notSent(planned.key, 'cut-short', state.ledgerLost.message);
      else if (state.stop !== null) result = notSent(planned.key, 'cut-short', state.stop.why);
      else if (state.deferral !== null) result = notSent(planned.key, 'deferred', `server deferred (${state.deferral})`);
      else if (options.signal?.aborted) result = notSent(planned.key, 'stopped', 'stopped by the operator');
      else result = await deliverOrStay(state, planned);
      outcomes[index] = result;
      done += 1;
      if (!('alreadySent' in result)) onProgress?.(result, done, total);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, total) }, worker));
  return outcomes;
}

/**
 * deliverOne, except that a ledger whose server went away stops the run: this message and the
 * rest stay due (whatever reached the ledger before is recovered by the next run).
 */
async function deliverOrStay(state: RunState, planned: PlannedMessage): Promise<MessageOutcome | AlreadySent> {
  try {
    return await deliverOne(state, planned);
  } catch (error) {
    if (!(error instanceof LedgerLostError)) throw error;
    state.ledgerLost ??= error;
    return notSent(planned.key, 'cut-short', error.message);
  }
}

/** How a run ended besides its messages. */
interface RunEnd {
  stop?: RunStop | null;
  recovered: number;
  deferral?: string | null;
  daily?: DailyAllowance | null;
  fileError?: FileWriteError | null;
  ledgerLost?: LedgerLostError | null;
}

function summarise(
  all: Array<MessageOutcome | AlreadySent>,
  { stop = null, recovered, deferral = null, daily = null, fileError = null, ledgerLost = null }: RunEnd,
): DeliveryOutcome {
  const messages = all.filter((o): o is MessageOutcome => !('alreadySent' in o));
  const alreadySent = all.flatMap((o) => ('alreadySent' in o ? [o.alreadySent] : []));
  const exitCode = runExitCode(messages, { stop, recovered, deferral, ledgerLost });
  const dailyLimit = daily !== null && daily.heldBack > 0 ? { limit: daily.limit, heldBack: daily.heldBack } : null;
  const outcome: DeliveryOutcome = { messages, exitCode, alreadySent, error: stop?.why ?? null, recovered, deferral, dailyLimit, ledgerLost: ledgerLost?.message ?? null };
  if (fileError !== null) withFileError(outcome, fileError);
  return outcome;
}
