/**
 * One message through the transport, with transient failures retried within the run and every
 * ending mapped to a history status. Knows nothing of the journal.
 */
import type { RecipientResult, SendEnvelope, Transport } from '../mail/transports/types.js';
import { SendFailure } from '../mail/transports/types.js';
import { FileWriteError } from '../core/file-errors.js';

/** How a send ended, as history and the run see it. */
export interface SendEnding {
  /**
   * As history records it: `stopped` when the server refused the message for now and the run
   * left it due (a deferral, the operator's stop during a back-off or a rate-limit wait).
   */
  status: 'sent' | 'failed' | 'uncertain' | 'stopped';
  error: string | null;
  recipients: RecipientResult[];
  /** Set when no further message should be tried (authentication refused, server unreachable). */
  stopRun: string | null;
  /**
   * The server's reply when it takes no more now (421, rate or quota): this message was not
   * taken and stays due, like the rest of the run.
   */
  deferral: string | null;
  /** Set when a local file could not be written (outbox disk full): the run stops, exit 2 or 1. */
  fileError?: FileWriteError;
}

/** Backoff between attempts after a transient failure, and how to wait. */
export interface RetryPolicy {
  /** One entry per retry (default 1 s, 5 s, 15 s): bounded, so a run always ends. */
  delaysMs: number[];
  /** Wait `ms`; it may end early once `signal` aborts (the wait is abandoned then either way). */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Wait out one back-off unless `signal` aborts first; true when it did. The wait races the
 * signal itself, so any sleep (an injected one too) ends when the operator stops the run.
 */
async function backOff(retry: RetryPolicy, ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal === undefined) {
    await retry.sleep(ms);
    return false;
  }
  if (signal.aborted) return true;
  let onAbort = (): void => undefined;
  const aborted = new Promise<void>((resolve) => {
    onAbort = resolve;
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([retry.sleep(ms, signal), aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  return signal.aborted;
}

/**
 * Send `raw`, retrying transient failures per `retry`; never throws for a send problem. When
 * `signal` aborts (the operator stops the run) during a back-off, the message is not tried again.
 */
export async function sendWithRetry(
  transport: Transport,
  raw: Buffer,
  envelope: SendEnvelope,
  messageId: string,
  retry: RetryPolicy,
  signal?: AbortSignal,
): Promise<SendEnding> {
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await transport.send(raw, envelope, messageId, signal);
      const refused = result.recipients.filter((r) => !r.accepted);
      const note = refused.length === 0 ? null : `not accepted for ${refused.map((r) => `${r.address} (${r.reply ?? 'rejected'})`).join('; ')}`;
      return { status: 'sent', error: note, recipients: result.recipients, stopRun: null, deferral: null };
    } catch (error) {
      // Nothing was sent, and every later message would meet the same full or read-only disk.
      if (error instanceof FileWriteError) return { status: 'failed', error: `not sent: ${error.message}`, recipients: [], stopRun: error.message, deferral: null, fileError: error };
      const failure = error instanceof SendFailure ? error : new SendFailure('uncertain', String(error));
      const retriable = failure.kind === 'transient' || failure.kind === 'unreachable';
      const delay = retry.delaysMs[attempt];
      if (retriable && delay !== undefined) {
        if (await backOff(retry, delay, signal)) return stoppedInBackOff(failure, attempt + 1, envelope);
        continue;
      }
      return ending(failure, attempt + 1, envelope);
    }
  }
}

/** A message the server refused for now and the operator's stop kept from being tried again: it stays due. */
function stoppedInBackOff(failure: SendFailure, attempts: number, envelope: SendEnvelope): SendEnding {
  const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
  return {
    status: 'stopped',
    error: `temporary failure, not tried again: stopped by the operator after ${tries}: ${failure.message}`,
    recipients: failure.kind === 'transient' ? envelope.to.map((address) => ({ address, accepted: false, reply: failure.reply ?? failure.message })) : [],
    stopRun: null,
    deferral: null,
  };
}

function ending(failure: SendFailure, attempts: number, envelope: SendEnvelope): SendEnding {
  const refusedAll = (reply: string): RecipientResult[] => envelope.to.map((address) => ({ address, accepted: false, reply }));
  const done = { stopRun: null, deferral: null };
  switch (failure.kind) {
    case 'permanent':
      return { status: 'failed', error: failure.message, recipients: refusedAll(failure.reply ?? failure.message), ...done };
    case 'transient':
      return {
        status: 'failed',
        error: `temporary failure, gave up after ${attempts} attempts: ${failure.message}`,
        recipients: refusedAll(failure.reply ?? failure.message),
        ...done,
      };
    case 'uncertain':
      return { status: 'uncertain', error: failure.message, recipients: [], ...done };
    case 'auth':
    case 'unreachable':
      return { status: 'failed', error: `not sent: ${failure.message}`, recipients: [], stopRun: failure.message, deferral: null };
    case 'stopped':
      return { status: 'stopped', error: failure.message, recipients: [], stopRun: null, deferral: null };
    case 'deferred': {
      // History keeps the attempt as stopped: not a failure, and the message stays due for a later run.
      const reply = failure.reply ?? failure.message;
      return { status: 'stopped', error: `server deferred (${reply})`, recipients: [], stopRun: null, deferral: reply };
    }
    default: {
      const never: never = failure.kind;
      throw new Error(`unknown failure kind ${String(never)}`);
    }
  }
}
