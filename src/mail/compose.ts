/**
 * MIME composition of an OutgoingMessage: text plus HTML alternative, the PDF and any invoices
 * attached, UTF-8 headers, the Message-ID decided before sending. BCC goes only into the envelope.
 * Previews and delivery both call this, so they hold the same bytes except the Date header.
 */
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { OutgoingMessage } from '../core/message.js';

/** SMTP envelope of a message: every recipient, BCC included. */
export interface Envelope {
  from: string;
  to: string[];
}

/** The RFC 5322 message as bytes (CRLF line ends); `date` is the only input not in `message`. */
export async function composeMime(message: OutgoingMessage, date: Date): Promise<Buffer> {
  const composer = new MailComposer({
    from: message.from,
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    to: message.to,
    ...(message.cc.length > 0 ? { cc: message.cc } : {}),
    subject: message.subject,
    messageId: message.messageId,
    date,
    text: message.text,
    html: message.html,
    attachments: message.attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: Buffer.from(attachment.content.buffer, attachment.content.byteOffset, attachment.content.byteLength),
    })),
    // Boundaries derived from the Message-ID instead of random bytes: the preview of a message and
    // the message sent have the same parts with the same separators.
    baseBoundary: createHash('sha256').update(message.messageId).digest('hex').slice(0, 16),
    newline: 'windows',
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const node = composer.compile();
  node.keepBcc = false;
  return node.build();
}

/** Envelope sender and recipients (to, cc and bcc, each once). */
export function envelopeOf(message: OutgoingMessage): Envelope {
  const seen = new Set<string>();
  const to: string[] = [];
  for (const address of [...message.to, ...message.cc, ...message.bcc]) {
    const bare = bareAddress(address);
    if (bare && !seen.has(bare.toLowerCase())) {
      seen.add(bare.toLowerCase());
      to.push(bare);
    }
  }
  return { from: bareAddress(message.from), to };
}

/** `"Acme" <ar@acme.gr>` → `ar@acme.gr`. */
function bareAddress(address: string): string {
  const match = /<([^<>]+)>\s*$/.exec(address);
  return (match?.[1] ?? address).trim();
}
