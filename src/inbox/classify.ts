/**
 * What a received mail is (docs/reference/inbox.md §2): a bounce of one of our messages, an
 * automatic answer, a customer's reply, or unmatched. Pure: the mail and what the ledger knows of
 * the Message-IDs and the sender it names are passed in.
 */
import { isPermanent, recipientStatuses, returnedMessageIds, type RecipientStatus } from './delivery-status.js';
import type { InboundMail } from './read-mail.js';
import { replyText } from './reply-text.js';

/** One of our messages a mail names. */
export interface KnownMessage {
  id: number;
  /** Its Message-ID without brackets. */
  messageId: string;
  customerCode: string;
}

/** What the ledger knows of the Message-IDs and the sender a mail names. */
export interface MailLookup {
  /** Our messages by Message-ID (only those the mail names need be there). */
  messages: ReadonlyMap<string, KnownMessage>;
  /** The customer whose address the sender is, or null (also null when two customers share it). */
  senderCustomer: string | null;
}

/** The four kinds a mail is filed as. */
export type InboxKind = 'bounce' | 'auto-reply' | 'reply' | 'unmatched';

/** How a mail is filed: its kind, whom and which of our messages it concerns, and what it says. */
export interface Filing {
  kind: InboxKind;
  customerCode: string | null;
  /** Our message it answers or reports on. */
  message: KnownMessage | null;
  /** Bounce: the failed address; otherwise empty. */
  address: string;
  /** Bounce: the enhanced status code (5.1.1); empty when the report gave none. */
  status: string;
  /** Bounce: true for a permanent failure (5.x.x), false for a delay (4.x.x). */
  permanent: boolean;
  /** One line: the server's reason for a bounce, the first line of a reply, why a mail is unmatched. */
  detail: string;
  /** The text kept on the timeline (a reply without our quoted letter). */
  text: string;
}

/** `From:` local parts of mail servers' own reports. */
const MAILER = /^(mailer-daemon|postmaster|mail-daemon|mailer_daemon)@/i;
/** Subjects of the plain-text failure notices (qmail, old Exim, Lotus, many appliances). */
const FAILURE_SUBJECT = /undeliver|delivery (status notification|failure|failed|has failed)|returned mail|failure notice|mail delivery failed|non-?delivery|could not be delivered|delivery problem/i;
/** Subjects of out-of-office answers in the languages the desk writes in, and the common English ones. */
const VACATION_SUBJECT =
  /^(out of (the )?office|automatic reply|auto(matic)?[- ]?(reply|response|antwort)|autoreply|auto:|abwesenheit|réponse automatique|risposta automatica|fuori sede|respuesta automática|resposta automática|ausente|αυτόματη απάντηση|εκτός γραφείου|автоматичен отговор|извън офиса|vacation|on vacation|away from)/i;

/** The first line of a text that says something, at most 200 characters. */
function gist(text: string): string {
  const line = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '') ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function filing(kind: InboxKind, fields: Partial<Filing>): Filing {
  return { kind, customerCode: null, message: null, address: '', status: '', permanent: false, detail: '', text: '', ...fields };
}

/** The first of `ids` that is one of our messages. */
function ours(ids: readonly string[], lookup: MailLookup): KnownMessage | null {
  for (const id of ids) {
    const known = lookup.messages.get(id);
    if (known) return known;
  }
  return null;
}

/** Every Message-ID a mail names that may be ours: its references and any returned copy's. */
export function namedMessageIds(mail: InboundMail): string[] {
  const ids = [...mail.inReplyTo, ...mail.references];
  if (mail.returned !== null) ids.push(...returnedMessageIds(mail.returned));
  if (mail.deliveryStatus === null && looksLikeFailureNotice(mail)) ids.push(...returnedMessageIds(mail.text));
  return [...new Set(ids)];
}

/** A plain-text failure notice: from a mail server's own address (or a null sender) with a failure subject. */
function looksLikeFailureNotice(mail: InboundMail): boolean {
  const nullSender = /^<?\s*>?$/.test(mail.headers.get('return-path') ?? 'x');
  return (MAILER.test(mail.from) || nullSender || mail.headers.has('x-failed-recipients')) && FAILURE_SUBJECT.test(mail.subject);
}

/** The outcome a plain-text notice reports: the first enhanced code, else the first SMTP reply code, else permanent. */
function plainStatus(mail: InboundMail): RecipientStatus {
  const code = /\b([45]\.\d{1,3}\.\d{1,3})\b/.exec(mail.text)?.[1];
  const smtp = /\b([45])\d\d[ -]/.exec(mail.text)?.[1];
  const failed = mail.headers.get('x-failed-recipients')?.split(',')[0]?.trim();
  const recipient = failed ?? /[\w.+-]+@[\w.-]+\.[a-z]{2,}/i.exec(mail.text.replace(/(^|\n)[ \t>]*(from|to|message-id):.*$/gim, ''))?.[0] ?? '';
  const status = code ?? (smtp ? `${smtp}.0.0` : '');
  const line = /^.*\b[45]\d\d\b.*$/m.exec(mail.text)?.[0]?.trim() ?? gist(mail.text);
  return { recipient: recipient.toLowerCase(), action: 'failed', status, diagnostic: line };
}

function isAutomatic(mail: InboundMail): boolean {
  const submitted = (mail.headers.get('auto-submitted') ?? 'no').toLowerCase().split(';')[0]!.trim();
  if (submitted !== 'no') return true;
  if (mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond')) return true;
  if ((mail.headers.get('precedence') ?? '').toLowerCase() === 'auto_reply') return true;
  return VACATION_SUBJECT.test(mail.subject.trim());
}

/** File one mail (docs/reference/inbox.md §2). */
export function classify(mail: InboundMail, lookup: MailLookup): Filing {
  const reportType = /report-type\s*=\s*"?delivery-status/i.test(mail.headers.get('content-type') ?? '');
  if (mail.deliveryStatus !== null || reportType || looksLikeFailureNotice(mail)) {
    const statuses = mail.deliveryStatus !== null ? recipientStatuses(mail.deliveryStatus) : [plainStatus(mail)];
    const failed = statuses.filter((s) => s.action === 'failed' || s.action === 'delayed' || s.status.startsWith('5.') || s.status.startsWith('4.'));
    const worst = failed.find(isPermanent) ?? failed[0] ?? statuses[0];
    const returned = [...(mail.returned !== null ? returnedMessageIds(mail.returned) : []), ...(mail.deliveryStatus === null ? returnedMessageIds(mail.text) : [])];
    const message = ours([...returned, ...mail.inReplyTo, ...mail.references], lookup);
    if (message === null) {
      return filing('unmatched', { detail: `a delivery report for a message not sent from this ledger${worst ? ` (${worst.recipient} ${worst.status})` : ''}`.trim() });
    }
    if (worst === undefined) return filing('unmatched', { message, customerCode: message.customerCode, detail: 'a delivery report that names no recipient' });
    const permanent = isPermanent(worst);
    return filing('bounce', {
      customerCode: message.customerCode,
      message,
      address: worst.recipient,
      status: worst.status,
      permanent,
      detail: worst.diagnostic !== '' ? worst.diagnostic : `${permanent ? 'failed' : 'delayed'} ${worst.status}`.trim(),
      text: mail.text,
    });
  }
  const message = ours([...mail.inReplyTo, ...mail.references], lookup);
  const customerCode = message?.customerCode ?? lookup.senderCustomer;
  if (isAutomatic(mail)) {
    if (customerCode === null) return filing('unmatched', { detail: `an automatic answer from ${mail.from || 'an unknown sender'}` });
    return filing('auto-reply', { customerCode, message, detail: gist(mail.subject), text: replyText(mail.text) });
  }
  if (customerCode === null) return filing('unmatched', { detail: `from ${mail.from || 'an unknown sender'}: names none of our messages` });
  const text = replyText(mail.text);
  return filing('reply', { customerCode, message, detail: gist(text) || gist(mail.subject), text });
}
