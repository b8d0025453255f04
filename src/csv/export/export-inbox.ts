/** `export inbox` (docs/reference/csv.md §4.4): one row per mail the inbox filed, received in the date range. */
import type { IsoDate } from '../../core/domain.js';
import type { TextSink } from '../../core/text-sink.js';
import { inboxMailBetween, type FiledMail } from '../../storage/inbox.js';
import type { Ledger } from '../../storage/ledger.js';
import { CsvWriter } from './csv-writer.js';

/** Columns of the inbox export. */
export const INBOX_COLUMNS = ['received_at', 'kind', 'customer', 'message_id', 'in_reply_to', 'from', 'subject', 'status', 'detail'] as const;

/** Columns never escaped against formula injection (a time, a number). */
const VALUE_COLUMNS = new Set<string>(['received_at', 'message_id']);

/** `open` or `handled` for bounces and replies (a clerk's work), `noted` for the rest. */
function statusOf(mail: FiledMail): string {
  if (mail.kind !== 'bounce' && mail.kind !== 'reply') return 'noted';
  return mail.handledAt === null ? 'open' : `handled (${mail.handledAs ?? 'handled'})`;
}

/** A bounce's status code and address before its reason; the rest as filed. */
function detailOf(mail: FiledMail): string {
  if (mail.kind !== 'bounce') return mail.detail;
  return `${mail.permanent ? 'failed' : 'delayed'} ${mail.status} ${mail.address}: ${mail.detail}`.replace(/\s+/g, ' ').trim();
}

/** Write the mail received from `from` to `to` (inclusive, both optional), oldest first; `raw`: unescaped. */
export async function exportInbox(ledger: Ledger, sink: TextSink, from?: IsoDate, to?: IsoDate, raw = false): Promise<void> {
  const out = new CsvWriter(sink, INBOX_COLUMNS, { isText: (column) => !VALUE_COLUMNS.has(column), raw });
  for (const mail of await ledger.read((sql) => inboxMailBetween(sql, from ?? null, to ?? null))) {
    out.row([
      mail.receivedAt, mail.kind, mail.customerCode, mail.messageId === null ? null : String(mail.messageId), mail.inReplyTo || null,
      mail.from, mail.subject, statusOf(mail), detailOf(mail),
    ]);
  }
  out.end();
}
