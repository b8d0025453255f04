/**
 * One received mail as the inbox reads it (docs/reference/inbox.md §2): mailparser's MIME parse
 * reduced to what classification and the ledger keep. At most `MAX_MAIL_BYTES` of a message are
 * handed in (the fetch asks the server for no more), so a 50 MB mail is read as its first part.
 */
import { simpleParser, type AddressObject } from 'mailparser';

/** How much of one mail is read: headers, the text and a returned copy fit; a 50 MB attachment does not. */
export const MAX_MAIL_BYTES = 1024 * 1024;
/** How much of a reply's text is kept (docs/reference/inbox.md §2). */
export const MAX_TEXT_CHARS = 64 * 1024;

/** An attachment as listed on the timeline (its content is not kept). */
export interface AttachmentInfo {
  filename: string;
  contentType: string;
  size: number;
}

/** What the inbox needs of one mail. */
export interface InboundMail {
  /** The mail's own Message-ID without angle brackets, or empty. */
  messageId: string;
  /** The sender's address in lower case, or empty. */
  from: string;
  subject: string;
  /** The Date header as an ISO timestamp, or null when absent or unreadable. */
  date: string | null;
  /** Message-IDs named by In-Reply-To, then by References (nearest first), without brackets. */
  inReplyTo: string[];
  references: string[];
  /** The header fields classification reads, names in lower case (first value of each). */
  headers: ReadonlyMap<string, string>;
  /** The plain text (HTML turned to text when there is no plain part), at most MAX_TEXT_CHARS. */
  text: string;
  attachments: AttachmentInfo[];
  /** The body of a `message/delivery-status` part, or null. */
  deliveryStatus: string | null;
  /** The returned message's headers (a `message/rfc822` or `text/rfc822-headers` part), or null. */
  returned: string | null;
  /** Why the MIME could not be read in full, or null. */
  damage: string | null;
}

const HEADERS_READ = ['auto-submitted', 'x-autoreply', 'x-autorespond', 'precedence', 'x-failed-recipients', 'return-path', 'content-type'];

/** Message-IDs of a header value (angle brackets optional), in order. */
function messageIds(value: unknown): string[] {
  const raw = Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
  const bracketed = [...raw.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!);
  if (bracketed.length > 0) return bracketed;
  return raw.split(/\s+/).filter((id) => id.includes('@'));
}

function firstAddress(from: AddressObject | AddressObject[] | undefined): string {
  const one = Array.isArray(from) ? from[0] : from;
  return (one?.value[0]?.address ?? '').toLowerCase();
}

function headerText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && 'value' in value) {
    const v = (value as { value: unknown }).value;
    const params = 'params' in value ? (value as { params: Record<string, string> }).params : {};
    return [String(v), ...Object.entries(params).map(([k, p]) => `${k}=${p}`)].join('; ');
  }
  return value === undefined ? '' : String(value);
}

/** The first `max` characters of `text`. */
function capped(text: string, max = MAX_TEXT_CHARS): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** Parse one mail (at most MAX_MAIL_BYTES of it); a broken MIME structure gives what could be read and `damage`. */
export async function readMail(source: Buffer): Promise<InboundMail> {
  const bytes = source.length > MAX_MAIL_BYTES ? source.subarray(0, MAX_MAIL_BYTES) : source;
  try {
    const parsed = await simpleParser(bytes, { keepDeliveryStatus: true, skipImageLinks: true, skipTextLinks: true, maxHtmlLengthToParse: MAX_TEXT_CHARS * 4 });
    const headers = new Map<string, string>();
    for (const name of HEADERS_READ) {
      const value = parsed.headers.get(name);
      if (value !== undefined) headers.set(name, headerText(value).trim());
    }
    let deliveryStatus: string | null = null;
    let returned: string | null = null;
    const attachments: AttachmentInfo[] = [];
    for (const part of parsed.attachments) {
      const type = part.contentType.toLowerCase();
      if (type === 'message/delivery-status' || type === 'message/global-delivery-status') {
        deliveryStatus ??= capped(part.content.toString('utf8'));
      } else if (type === 'message/rfc822' || type === 'text/rfc822-headers' || type === 'message/global' || type === 'message/global-headers') {
        returned ??= capped(part.content.toString('utf8'));
      } else {
        attachments.push({ filename: part.filename ?? '(unnamed)', contentType: type, size: part.size });
      }
    }
    const text = parsed.text ?? (typeof parsed.html === 'string' ? parsed.html.replace(/<[^>]*>/g, ' ') : '');
    return {
      messageId: messageIds(parsed.messageId)[0] ?? '',
      from: firstAddress(parsed.from),
      subject: parsed.subject ?? '',
      date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : null,
      inReplyTo: messageIds(parsed.inReplyTo),
      references: messageIds(parsed.references).reverse(),
      headers,
      text: capped(text),
      attachments,
      deliveryStatus,
      returned,
      damage: bytes.length < source.length ? `only the first ${MAX_MAIL_BYTES} bytes of ${source.length} were read` : null,
    };
  } catch (error) {
    return unreadable(bytes, error instanceof Error ? error.message : String(error));
  }
}

/** What is left of a mail the parser gave up on: its raw headers' subject and sender, nothing else. */
function unreadable(bytes: Buffer, why: string): InboundMail {
  const head = bytes.subarray(0, 64 * 1024).toString('latin1').split(/\r?\n\r?\n/, 1)[0] ?? '';
  const field = (name: string): string => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  return {
    messageId: messageIds(field('Message-ID'))[0] ?? '',
    from: (/[^\s<>]+@[^\s<>]+/.exec(field('From'))?.[0] ?? '').toLowerCase(),
    subject: field('Subject'),
    date: null,
    inReplyTo: [],
    references: [],
    headers: new Map(),
    text: '',
    attachments: [],
    deliveryStatus: null,
    returned: null,
    damage: `unreadable MIME: ${why}`,
  };
}
