/**
 * The Message model: one e-mail exactly as it will be sent, built from a PlannedMessage by the
 * documents layer. Preview (`--out`, TUI `w`) and delivery both serialise this same object, so what
 * is previewed is byte-for-byte what is sent (except the Date header).
 */

/** A file attached to a message. */
export interface Attachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/** An e-mail ready to be serialised to MIME. */
export interface OutgoingMessage {
  /** PlannedMessage.key: `<customer>-<currency>-<level or kind>`. */
  key: string;
  /** RFC 5322 Message-ID including angle brackets, decided before sending. */
  messageId: string;
  from: string;
  replyTo: string | null;
  /** Bare addresses (also the envelope and the history). */
  to: string[];
  /** The name written before each To address (the customer's), so the mail reads as addressed to a person; null = bare addresses. */
  toName: string | null;
  cc: string[];
  /** Envelope-only recipients: never written into the headers. */
  bcc: string[];
  subject: string;
  text: string;
  html: string;
  attachments: Attachment[];
  /** The statement PDF (also attached); kept apart for letters and previews. */
  pdf: Uint8Array;
}
