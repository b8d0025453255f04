/** `export history`: one row per message in the as-of date range, amounts in major units. */
import type { TextSink } from '../../core/text-sink.js';
import type { IsoDate } from '../../core/domain.js';
import { currencyDigits, formatMinor } from '../../core/money.js';
import { localTime } from '../../core/local-time.js';
import { customerNames } from '../../storage/customer-names.js';
import { listMessages } from '../../storage/messages.js';
import type { Ledger } from '../../storage/ledger.js';
import { CsvWriter } from './csv-writer.js';
import { promiseHistoryRows, type PromiseJudgement } from './promise-history.js';

/**
 * Columns of the history export. `date` is the as-of date the message counts as sent on. The
 * clerk's acknowledgement of a failed or uncertain message (who, when) comes after the columns
 * scripts already read, so they keep reading the same ones; empty when nobody acknowledged it.
 */
export const HISTORY_COLUMNS = [
  'id', 'date', 'sent_at', 'customer', 'kind', 'level', 'currency', 'to', 'cc', 'status', 'error',
  'message_id', 'total', 'fee', 'interest', 'outstanding', 'operator', 'items', 'acknowledged_by', 'acknowledged_at',
  // Added after the others (docs/reference/csv.md §4.2): the customer's name and the instants in local time.
  'customer_name', 'sent_at_local', 'acknowledged_at_local',
] as const;

/** Columns of numbers, dates and amounts: never escaped against formula injection (a credit is `-12.50`). */
const VALUE_COLUMNS = new Set<string>(['id', 'date', 'sent_at', 'total', 'fee', 'interest', 'outstanding', 'acknowledged_at', 'sent_at_local', 'acknowledged_at_local']);

/**
 * Write the messages with as-of date in [from, to] (both optional, inclusive), oldest first; `raw`:
 * unescaped. With `promises`, the promises to pay dated in the range follow as rows of kind `promise`.
 */
export async function exportHistory(ledger: Ledger, sink: TextSink, from?: IsoDate, to?: IsoDate, raw = false, promises?: PromiseJudgement): Promise<void> {
  const out = new CsvWriter(sink, HISTORY_COLUMNS, { isText: (column) => !VALUE_COLUMNS.has(column), raw });
  const messages = await ledger.read((sql) => listMessages(sql, { from, to }));
  const promiseRows = promises === undefined ? [] : await promiseHistoryRows(ledger, from, to, promises);
  const names = await ledger.read((sql) => customerNames(sql, [...messages.map((m) => m.customerCode), ...promiseRows.map((row) => row.customer ?? '')]));
  for (const m of messages) {
    const digits = currencyDigits(m.currency);
    const money = (value: number): string => formatMinor(value, digits);
    // What the message was about: its items, or for an installment notice its cases.
    const about = m.kind === 'installment' && m.items.length === 0 ? m.cases : m.items.map((item) => item.itemNumber);
    out.row([
      String(m.id), m.asOf, m.createdAt, m.customerCode, m.kind, m.level, m.currency, m.to.join(', '), m.cc.join(', '),
      // A bounce reported back shows as the status, its report as the error (docs/reference/inbox.md §3).
      m.delivery?.bouncedAt ? 'bounced' : m.status, m.delivery?.report ?? m.error, m.messageId, money(m.total), money(m.fee), money(m.interest), money(m.outstanding), m.operator,
      about.join(', '), m.acknowledged?.operator ?? null, m.acknowledged?.at ?? null,
      names.get(m.customerCode) ?? null, localTime(m.createdAt, true), m.acknowledged ? localTime(m.acknowledged.at, true) : null,
    ]);
  }
  for (const row of promiseRows) {
    const cells: Record<string, string> = { ...row, customer_name: names.get(row.customer ?? '') ?? '', sent_at_local: row.sent_at === undefined ? '' : localTime(row.sent_at, true) };
    out.row(HISTORY_COLUMNS.map((column) => cells[column] ?? null));
  }
  out.end();
}
