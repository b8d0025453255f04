/** What happened to one planned message: shared by the run (deliver.ts) and each worker (deliver-one.ts). */
import type { MessageStatus } from '../core/domain.js';
import type { RecipientResult } from '../mail/transports/types.js';

/**
 * What happened to one planned message. `deferred`: not sent in this run because the server took
 * no more for now; the message stays due (an attempt the server deferred is `failed` in history).
 * `stopped`: not attempted, or not tried again after the server refused it for now, because the
 * operator stopped the run (TUI Esc, Ctrl-C, q); it stays due.
 */
export interface MessageOutcome {
  key: string;
  status: Exclude<MessageStatus, 'sending'> | 'deferred' | 'stopped';
  messageId: string | null;
  error: string | null;
  /** Per-recipient results (empty when nothing reached the server). */
  recipients?: RecipientResult[];
}
