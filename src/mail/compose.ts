/**
 * MIME composition of an OutgoingMessage: text plus HTML alternative, the PDF and any invoices
 * attached, UTF-8 headers, the Message-ID decided before sending. BCC goes only into the envelope.
 * Previews and delivery both call this, so they hold the same bytes except the Date header. Every
 * message duedesk sends passes here, so here it is marked as automated business mail.
 */
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { Encoder as Base64Encoder } from 'nodemailer/lib/base64/index.js';
import { Encoder as QpEncoder } from 'nodemailer/lib/qp/index.js';
import type { OutgoingMessage } from '../core/message.js';

/** The RFC 5322 message as bytes (CRLF line ends); `date` is the only input not in `message`. */
export async function composeMime(message: OutgoingMessage, date: Date): Promise<Buffer> {
  const node = compile(message, date);
  return serialiseNow(node as unknown as MimeTree) ?? node.build();
}

function compile(message: OutgoingMessage, date: Date): ReturnType<MailComposer['compile']> {
  const composer = new MailComposer({
    from: message.from,
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    to: message.to.map((address) => addressed(address, message.toName)),
    ...(message.cc.length > 0 ? { cc: message.cc } : {}),
    subject: message.subject,
    messageId: message.messageId,
    date,
    // RFC 3834: vacation and out-of-office responders do not answer it. Deliberately no
    // `Precedence: bulk` and no `List-Unsubscribe`: a reminder is transactional mail to one
    // customer, not a mailing list, and filters treat those headers as bulk marketing.
    headers: { 'Auto-Submitted': 'auto-generated' },
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
  return node;
}

/**
 * `address` with `name` as its display name, as nodemailer's address object: nodemailer quotes a
 * name with commas or quotes and encodes Greek or Cyrillic as an RFC 2047 word. Line breaks and
 * other control characters in a name from the ledger become spaces; no name, the bare address.
 */
export function addressed(address: string, name: string | null): string | { name: string; address: string } {
  const clean = (name ?? '').replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
  return clean === '' ? address : { name: clean, address };
}

/** The parts of nodemailer's MimeNode the direct serialisation below reads (internal API). */
interface MimeTree {
  multipart: boolean | string;
  boundary: string;
  childNodes: MimeTree[];
  content?: unknown;
  contentType?: string;
  _raw?: unknown;
  getTransferEncoding(): string | false;
  buildHeaders(): string;
}

/** A stream encoder run by hand: one whole chunk in, everything it pushes collected. */
interface HandEncoder {
  push(chunk: Buffer | string, encoding?: BufferEncoding): boolean;
  _transform(chunk: Buffer, encoding: string, done: () => void): void;
  _flush(done: () => void): void;
}

/**
 * MimeNode.build() streams the tree: a pipeline of transforms per part with a timer tick between
 * parts, which costs several times the encoding itself. Our parts are all strings or Buffers held
 * in memory, so we write the same tree in one pass with nodemailer's own header builder and its
 * own encoders, in the order build() uses them, and then its last-newline and CRLF rules: the
 * same bytes. Anything else (streams, files, raw parts) returns null and goes through build().
 */
function serialiseNow(root: MimeTree): Buffer | null {
  const out: Buffer[] = [];
  if (!writeNode(root, out)) return null;
  const joined = Buffer.concat(out);
  const last = joined.length > 0 ? joined[joined.length - 1] : undefined;
  const ended = last === 0x0a ? joined : Buffer.concat([joined, Buffer.from(last === 0x0d ? '\n' : '\r\n')]);
  return windowsLineEnds(ended);
}

function writeNode(node: MimeTree, out: Buffer[]): boolean {
  if (node._raw) return false;
  const content = node.content;
  if (content !== undefined && content !== null && content !== '' && typeof content !== 'string' && !Buffer.isBuffer(content)) return false;
  const encoding = node.getTransferEncoding();
  out.push(Buffer.from(`${node.buildHeaders()}\r\n\r\n`));
  if (content) {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    if (encoding === 'base64') out.push(...encodeAll(new Base64Encoder({}) as unknown as HandEncoder, bytes));
    else if (encoding === 'quoted-printable') {
      out.push(...encodeAll(new QpEncoder({ lineLength: 76, binary: !/^text\//i.test(node.contentType ?? '') } as object) as unknown as HandEncoder, bytes));
    } else out.push(bytes);
  }
  if (node.multipart) {
    for (const [index, child] of node.childNodes.entries()) {
      out.push(Buffer.from(`${index > 0 ? '\r\n' : ''}--${node.boundary}\r\n`));
      if (!writeNode(child, out)) return false;
    }
    out.push(Buffer.from(`\r\n--${node.boundary}--\r\n`));
  }
  return true;
}

function encodeAll(encoder: HandEncoder, bytes: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  encoder.push = (chunk, encoding) => {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding ?? 'utf8') : chunk);
    return true;
  };
  encoder._transform(bytes, 'buffer', () => undefined);
  encoder._flush(() => undefined);
  return chunks;
}

/** A lone LF becomes CRLF (nodemailer's `newline: 'windows'`). */
function windowsLineEnds(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) {
    if (at > 0 && bytes[at - 1] === 0x0d) continue;
    parts.push(bytes.subarray(from, at), CRLF);
    from = at + 1;
  }
  if (from === 0) return bytes;
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}

const CRLF = Buffer.from('\r\n');
