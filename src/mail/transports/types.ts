/**
 * The transport seam: something that takes one prebuilt MIME message and an explicit envelope and
 * reports what happened. Delivery decides the at-most-once bookkeeping; transports only say, as
 * precisely as they can, whether the message may have reached the server.
 */

/** SMTP envelope: bare addresses only (already validated), never taken from the headers. */
export interface SendEnvelope {
  from: string;
  to: string[];
}

/** What the server said about one recipient. */
export interface RecipientResult {
  address: string;
  accepted: boolean;
  /** Server reply for a refused recipient (e.g. `550 5.1.1 no such user`). */
  reply: string | null;
}

/** A message the server accepted (possibly for only some recipients). */
export interface SendResult {
  recipients: RecipientResult[];
  /** The server's final reply (e.g. `250 OK queued as ...`), or a note from the outbox. */
  response: string;
}

/**
 * Why a send did not succeed:
 * - `transient`: 4xx or a connection problem before the message body was sent; safe to retry.
 * - `permanent`: 5xx; the server refused it for good.
 * - `auth`: the server refused the credentials; every further send would fail too.
 * - `unreachable`: no connection could be made; nothing was sent.
 * - `uncertain`: the body was (at least partly) sent but no final reply arrived; the server may
 *   have it, so it must never be re-sent automatically.
 * - `deferred`: the server will take no more now (421 closing, a rate or quota reply); this
 *   message was not taken, and neither retrying it nor sending the next one helps until later.
 * - `stopped`: the operator stopped the run while the message waited for its turn (smtp.rateLimit);
 *   nothing reached the server.
 */
export type FailureKind = 'transient' | 'permanent' | 'auth' | 'unreachable' | 'uncertain' | 'deferred' | 'stopped';

/** A classified send failure; `message` never contains the password. */
export class SendFailure extends Error {
  override readonly name = 'SendFailure';
  /** @param reply the server reply (code and text) when there was one */
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly reply: string | null = null,
    readonly responseCode: number | null = null,
  ) {
    super(message);
  }
}

/** A way of sending mail (outbox folder or SMTP). */
export interface Transport {
  /** Short description for confirmations and logs, e.g. `smtp mail.example.com:587`. */
  readonly description: string;
  /**
   * Deliver one message. Throws SendFailure for a send problem, or FileWriteError when a local
   * file could not be written and nothing was sent (the outbox on a full or read-only disk). When
   * `signal` aborts while the message still waits for its turn, it is not sent (SendFailure `stopped`).
   */
  send(raw: Buffer, envelope: SendEnvelope, messageId: string, signal?: AbortSignal): Promise<SendResult>;
  /** Check the transport is usable (connect and authenticate); throws SendFailure or FileWriteError. */
  verify(): Promise<void>;
  /** Release connections. */
  close(): Promise<void>;
}
