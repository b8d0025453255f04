/**
 * A copy of a message as it was sent, to send again (docs/reference/cli.md §11.5): the archived
 * bytes with a new envelope in the header — Subject marked as a copy, To, Date and Message-ID —
 * and everything else, the body and its attachments, byte for byte. Cc is left out: the copy goes
 * to the one address asked for.
 */
import { encodeWords, foldLines } from 'nodemailer/lib/mime-funcs/index.js';

/** The header fields a copy gets anew. */
export interface CopyHeaders {
  subject: string;
  to: string;
  messageId: string;
  date: Date;
}

const REPLACED = new Set(['subject', 'to', 'cc', 'date', 'message-id']);

/** `raw` (an RFC 5322 message, CRLF line ends) with the header fields of `headers`; the body unchanged. */
export function copyMessage(raw: Buffer, headers: CopyHeaders): Buffer {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) throw new Error('the archived message has no header/body boundary');
  const fields: string[] = [];
  for (const line of raw.subarray(0, end).toString('latin1').split('\r\n')) {
    // A folded line continues the field before it.
    if (/^[ \t]/.test(line) && fields.length > 0) fields[fields.length - 1] += `\r\n${line}`;
    else fields.push(line);
  }
  const kept = fields.filter((field) => !REPLACED.has(field.slice(0, field.indexOf(':')).trim().toLowerCase()));
  const added = [
    foldLines(`Subject: ${encodeWords(headers.subject, 'Q', 52)}`, 76).replace(/\r?\n/g, '\r\n').trimEnd(),
    `To: ${headers.to}`,
    `Message-ID: ${headers.messageId}`,
    `Date: ${headers.date.toUTCString().replace(/GMT/, '+0000')}`,
  ];
  return Buffer.concat([Buffer.from([...added, ...kept].join('\r\n'), 'latin1'), raw.subarray(end)]);
}
