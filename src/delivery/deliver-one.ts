/** One planned message through guard, render, journal, transport and journal again. */
import type { Plan, PlannedMessage } from '../core/plan.js';
import type { Settings } from '../settings/types.js';
import type { CommandContext } from '../cli/context.js';
import type { Store } from '../storage/store.js';
import type { RecipientResult, Transport } from '../mail/transports/types.js';
import { dataDir } from '../mail/transports/index.js';
import { join, resolve } from 'node:path';
import { alreadyInHistory, outstandingOf } from './history.js';
import { buildEnvelope } from './envelope.js';
import { writeLetter } from './files.js';
import { guardKeyOf, historyRecord } from './record.js';
import type { DeliveryRecorder } from './recorder.js';
import { sendWithRetry, type RetryPolicy, type SendEnding } from './send-one.js';
import type { MessageRenderer } from './render.js';
import type { MessageOutcome } from './deliver.js';

/** Everything the workers of one run share. */
export interface RunState {
  plan: Plan;
  settings: Settings;
  ctx: CommandContext;
  store: Store;
  transport: Transport;
  renderer: MessageRenderer;
  recorder: DeliveryRecorder;
  operator: string;
  retry: RetryPolicy;
  /** Set once the run must stop (why); later messages are not attempted. */
  stop: string | null;
  /** Keys begun in this run (the plan should not repeat one, but never send one twice). */
  sentThisRun: Set<string>;
  /**
   * False once another run took the send lock over (ours lapsed: this process was stopped past
   * its lease); from then on the other run sends, and this one must not.
   */
  holdsSendLock(): boolean;
}

/** Marker for a message history already has for this date. */
export interface AlreadySent {
  alreadySent: string;
}

/** Deliver one message; never throws for a send problem. */
export async function deliverOne(state: RunState, planned: PlannedMessage): Promise<MessageOutcome | AlreadySent> {
  const { store, ctx, settings, plan } = state;
  if (state.sentThisRun.has(planned.key) || alreadyInHistory(store.db, guardKeyOf(planned, plan.asOf))) {
    return { alreadySent: planned.key };
  }
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
  const record = historyRecord(planned, message, plan.asOf, state.operator, outstandingOf(store.db, planned.customer.code, planned.currency));
  if (!state.holdsSendLock()) {
    state.stop ??= 'another run took the send lock over (this run was stopped past its lease)';
    return { key: planned.key, status: 'failed', messageId: null, error: `not sent: ${state.stop}`, recipients: [] };
  }
  try {
    await state.recorder.begin(record, ctx.now().toISOString());
  } catch (error) {
    state.stop ??= `the send journal cannot be written: ${(error as Error).message}`;
    return { key: planned.key, status: 'failed', messageId: null, error: `not sent: ${state.stop}`, recipients: [] };
  }
  state.sentThisRun.add(planned.key);
  if (planned.letter) {
    const printDir = settings.mail?.printDir ? resolve(ctx.cwd, settings.mail.printDir) : join(dataDir({ dbPath: store.path, cwd: ctx.cwd }), 'print');
    try {
      await writeLetter(printDir, plan.asOf, planned.key, message.pdf);
    } catch (error) {
      notes.push(`letter not written: ${(error as Error).message}`);
    }
  }
  let ending: SendEnding;
  if (built.envelope === null) {
    ending = planned.letter
      ? { status: 'sent', error: `letter only, no e-mail: ${built.problem ?? ''}`, recipients: [], stopRun: null }
      : { status: 'failed', error: `not sent: ${built.problem ?? 'no envelope'}`, recipients: [], stopRun: null };
  } else {
    ending = await sendWithRetry(state.transport, raw, built.envelope, message.messageId, state.retry);
  }
  if (ending.stopRun !== null) state.stop ??= ending.stopRun;
  const recipients: RecipientResult[] = [...built.refused, ...ending.recipients];
  if (built.refused.length > 0 && built.envelope !== null) notes.push(`refused before sending: ${built.refused.map((r) => r.address).join(', ')}`);
  const error = [ending.error, ...notes].filter((n): n is string => n !== null && n !== '').join('; ') || null;
  try {
    await state.recorder.finish(message.messageId, ending.status, error, recipients, ctx.now().toISOString());
  } catch (failure) {
    // The `sending` line is durable: the next run records this message as uncertain.
    state.stop ??= `the send journal cannot be written: ${(failure as Error).message}`;
  }
  return { key: planned.key, status: ending.status, messageId: message.messageId, error, recipients };
}
