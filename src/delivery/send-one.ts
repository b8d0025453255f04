/**
 * One message through the transport, with transient failures retried within the run and every
 * ending mapped to a history status. Knows nothing of the journal.
 */
import type { RecipientResult, SendEnvelope, Transport } from '../mail/transports/types.js';
import { SendFailure } from '../mail/transports/types.js';
import { FileWriteError } from '../core/file-errors.js';

/** How a send ended, as history and the run see it. */
export interface SendEnding {
  status: 'sent' | 'failed' | 'uncertain';
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
  sleep: (ms: number) => Promise<void>;
}

/** Sleep with a real timer. */
export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Send `raw`, retrying transient failures per `retry`; never throws for a send problem. */
export async function sendWithRetry(
  transport: Transport,
  raw: Buffer,
  envelope: SendEnvelope,
  messageId: string,
  retry: RetryPolicy,
): Promise<SendEnding> {
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await transport.send(raw, envelope, messageId);
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
        await retry.sleep(delay);
        continue;
      }
      return ending(failure, attempt + 1, envelope);
    }
  }
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
    case 'deferred': {
      // History keeps the attempt as failed, which is what leaves the message due for a later run.
      const reply = failure.reply ?? failure.message;
      return { status: 'failed', error: `server deferred (${reply})`, recipients: [], stopRun: null, deferral: reply };
    }
    default: {
      const never: never = failure.kind;
      throw new Error(`unknown failure kind ${String(never)}`);
    }
  }
}
