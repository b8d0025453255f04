/**
 * deliverPlan: send every message of a plan at most once and record each in the history.
 *
 * Order per message: guard against history → render → durable `sending` journal line → SMTP →
 * durable outcome line; the journal is folded into the database in batches. The whole run holds
 * the send lock `<db>.send.lock.*`, so two runs never send side by side, and it starts by
 * replaying any journal a dead run left (its unfinished messages become `uncertain`).
 */
import type { MessageStatus } from '../core/domain.js';
import type { Plan, PlannedMessage } from '../core/plan.js';
import { ExitCode, type ExitCodeValue } from '../core/exit-codes.js';
import type { CommandContext } from '../cli/context.js';
import type { RecipientResult, Transport } from '../mail/transports/types.js';
import { SendFailure } from '../mail/transports/types.js';
import { createTransport, type SmtpTuning } from '../mail/transports/index.js';
import { acquireLock } from '../storage/lock.js';
import { DeliveryRecorder, replayJournal, type FoldPolicy } from './recorder.js';
import { realSleep, type RetryPolicy } from './send-one.js';
import { guardKeyOf, operatorName } from './record.js';
import { alreadyInHistory } from './history.js';
import { deliverOne, type AlreadySent, type RunState } from './deliver-one.js';
import { defaultRenderer, type MessageRenderer } from './render.js';

/** What happened to one planned message. */
export interface MessageOutcome {
  key: string;
  status: Exclude<MessageStatus, 'sending'>;
  messageId: string | null;
  error: string | null;
  /** Per-recipient results (empty when nothing reached the server). */
  recipients?: RecipientResult[];
}

/** What happened to a whole plan. */
export interface DeliveryOutcome {
  messages: MessageOutcome[];
  exitCode: ExitCodeValue;
  /** Keys not sent because history already has them for this date (sent, sending or uncertain). */
  alreadySent?: string[];
  /** Why the run stopped early (authentication refused, server unreachable), if it did. */
  error?: string | null;
  /** Messages of an earlier, interrupted run recovered as `uncertain` at the start. */
  recovered?: number;
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
  /** Stop after the messages in flight (TUI Esc). */
  signal?: AbortSignal;
}

/** Send every message of `plan` at most once, recording each in the history. */
export async function deliverPlan(
  plan: Plan,
  ctx: CommandContext,
  onProgress?: ProgressListener,
  options: DeliveryOptions = {},
): Promise<DeliveryOutcome> {
  const settings = ctx.settings.read();
  const store = await ctx.openStore();
  const lock = store.path === null ? null : await acquireLock(`${store.path}.send`, { timeoutMs: options.lockTimeoutMs ?? 10_000 });
  let transport: Transport | null = null;
  try {
    const recovered = await replayJournal(store, ctx.now().toISOString());
    // The plan may predate our lock (another run sent meanwhile): what history already has is
    // dropped here, so a cron run with nothing new never even connects to the server.
    const already = plan.messages.filter((m) => alreadyInHistory(store.db, guardKeyOf(m, plan.asOf)));
    const skip = new Set(already);
    const todo: Plan = skip.size === 0 ? plan : { ...plan, messages: plan.messages.filter((m) => !skip.has(m)) };
    const alreadySent = already.map((m) => ({ alreadySent: m.key }));
    if (todo.messages.length === 0) return summarise(alreadySent, null, recovered);
    const renderer = options.renderer ?? defaultRenderer(settings, ctx.cwd, plan.asOf);
    transport = options.transport ?? (await createTransport(settings, ctx.env, { dbPath: store.path, cwd: ctx.cwd }, options.smtpTuning));
    try {
      await transport.verify();
    } catch (error) {
      const text = error instanceof SendFailure ? error.message : String(error);
      const messages = todo.messages.map((m) => notAttempted(m, text));
      return { messages, exitCode: ExitCode.TransportUnusable, alreadySent: already.map((m) => m.key), error: text, recovered };
    }
    const warn = (text: string): void => void ctx.stderr.write(`duedesk: ${text}\n`);
    const recorder = await DeliveryRecorder.open(store, { every: options.fold?.every ?? 200, intervalMs: options.fold?.intervalMs ?? 2000 }, warn);
    const state: RunState = {
      plan: todo,
      settings,
      ctx,
      store,
      transport,
      renderer,
      recorder,
      operator: operatorName(settings.operator),
      retry: { delaysMs: options.retry?.delaysMs ?? [1000, 5000, 15_000], sleep: options.retry?.sleep ?? realSleep },
      stop: null,
      sentThisRun: new Set<string>(),
      holdsSendLock: () => lock === null || lock.stillHeld(),
    };
    const outcomes = await runWorkers(state, options, onProgress);
    if (!(await recorder.close())) warn('the send journal is kept and will be folded into the history by the next run');
    return summarise([...alreadySent, ...outcomes], state.stop, recovered);
  } finally {
    await transport?.close();
    lock?.release();
  }
}

async function runWorkers(state: RunState, options: DeliveryOptions, onProgress?: ProgressListener): Promise<Array<MessageOutcome | AlreadySent>> {
  const total = state.plan.messages.length;
  const outcomes: Array<MessageOutcome | AlreadySent> = new Array(total);
  let next = 0;
  let done = 0;
  const width = Math.max(1, options.concurrency ?? state.settings.smtp?.maxConnections ?? 5);
  const worker = async (): Promise<void> => {
    for (;;) {
      const index = next++;
      const planned = state.plan.messages[index];
      if (planned === undefined) return;
      let result: MessageOutcome | AlreadySent;
      if (state.stop !== null) result = notAttempted(planned, state.stop);
      else if (options.signal?.aborted) result = notAttempted(planned, 'stopped by the operator');
      else result = await deliverOne(state, planned);
      outcomes[index] = result;
      done += 1;
      if (!('alreadySent' in result)) onProgress?.(result, done, total);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, total) }, worker));
  return outcomes;
}

function notAttempted(planned: PlannedMessage, why: string): MessageOutcome {
  return { key: planned.key, status: 'failed', messageId: null, error: `not attempted: ${why}`, recipients: [] };
}

function summarise(all: Array<MessageOutcome | AlreadySent>, stop: string | null, recovered: number): DeliveryOutcome {
  const messages = all.filter((o): o is MessageOutcome => !('alreadySent' in o));
  const alreadySent = all.flatMap((o) => ('alreadySent' in o ? [o.alreadySent] : []));
  const reached = messages.some((m) => m.status === 'sent' || m.status === 'uncertain');
  let exitCode: ExitCodeValue = ExitCode.Ok;
  if (stop !== null && !reached) exitCode = ExitCode.TransportUnusable;
  // Uncertain messages of a run that died are reported by the next run: cron sees exit 1.
  else if (messages.some((m) => m.status !== 'sent') || recovered > 0) exitCode = ExitCode.SomeFailed;
  return { messages, exitCode, alreadySent, error: stop, recovered };
}
