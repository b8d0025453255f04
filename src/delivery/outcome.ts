/** What happened to one planned message: shared by the run (deliver.ts) and each worker (deliver-one.ts). */
import type { RecipientResult } from '../mail/transports/types.js';

/**
 * Why a message was not sent and stays due (status `not-sent`):
 * - `stopped`: the operator stopped the run (TUI Esc, Ctrl-C, q);
 * - `deferred`: the mail server took no more for now (421, rate or quota reply);
 * - `daily-limit`: smtp.maxPerDay was reached;
 * - `changed`: its customer was paid or changed after the plan was made;
 * - `cut-short`: the run stopped before it: another writer held the ledger past the wait, another
 *   run took the send lock over, a file could not be written, or the transport became unusable.
 */
export type NotSentReason = 'stopped' | 'deferred' | 'daily-limit' | 'changed' | 'cut-short';

/**
 * What happened to one planned message. `sent`, `failed` and `uncertain` are attempts with a
 * verdict (as history records them); `not-sent`: the server never took it, it stays due for a
 * later run, and `reason` says why (an attempt left so is `stopped` in history).
 */
export type MessageOutcome =
  | {
      key: string;
      status: 'sent' | 'failed' | 'uncertain';
      messageId: string | null;
      error: string | null;
      /** Per-recipient results (empty when nothing reached the server). */
      recipients?: RecipientResult[];
    }
  | {
      key: string;
      status: 'not-sent';
      reason: NotSentReason;
      /** The attempt history keeps as `stopped`, if one was begun; else null. */
      messageId: string | null;
      /** Starts with `not sent: ` and says why. */
      error: string;
      recipients?: RecipientResult[];
    };

/** The outcome of a message this run leaves due (`why`: a sentence for the report). */
export function notSent(key: string, reason: NotSentReason, why: string, messageId: string | null = null, recipients: RecipientResult[] = []): MessageOutcome {
  return { key, status: 'not-sent', reason, messageId, error: why.startsWith('not sent') ? why : `not sent: ${why}`, recipients };
}
