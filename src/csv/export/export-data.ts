/**
 * `export customers|items`: exactly the import columns (docs/reference/csv.md §4.1), amounts as
 * plain decimals with `.` in major units, dates ISO, booleans yes/no, text cells escaped against
 * formula injection (unless raw) — so the output imports back to the same data.
 */
import type { TextSink } from '../../core/text-sink.js';
import { COLUMNS } from '../../core/csv/columns.js';
import { fieldRule } from '../../core/csv/field-rules.js';
import { currencyDigits, formatMinor } from '../../core/money.js';
import { statementsOn } from '../../core/rules/profiles.js';
import { listCustomers } from '../../storage/customers.js';
import { eachItem } from '../../storage/items.js';
import type { Ledger } from '../../storage/ledger.js';
import { CsvWriter, type Cell } from './csv-writer.js';

const names = (kind: keyof typeof COLUMNS): string[] => COLUMNS[kind].map((column) => column.name);
const textOf = (value: unknown): Cell => (value === null || value === undefined ? null : String(value));
// The import rules say which columns are text, so export escapes exactly what import unescapes.
const writer = (sink: TextSink, kind: keyof typeof COLUMNS, raw: boolean): CsvWriter =>
  new CsvWriter(sink, names(kind), { isText: (column) => fieldRule(column).text, raw });

/** Write every customer as a customers import file (`raw`: text cells unescaped). */
export async function exportCustomers(ledger: Ledger, sink: TextSink, raw = false): Promise<void> {
  const out = writer(sink, 'customers', raw);
  for (const c of await ledger.read(listCustomers)) {
    out.row([
      c.code, c.name, c.email, c.email2, c.email3, c.language, c.currency, c.reminders ? 'yes' : 'no',
      textOf(c.statementEveryDays), c.agentEmail, c.holdUntil, c.notes, c.profile, statementsOn(c) ? 'yes' : 'no',
      c.contactPerson ?? null, c.phone ?? null, c.addressLine1 ?? null, c.addressLine2 ?? null, c.postalCode ?? null,
      c.city ?? null, c.country ?? null,
    ]);
  }
  out.end();
}

/** Write every item as an items import file (streamed: a million items are never all in memory). */
export async function exportItems(ledger: Ledger, sink: TextSink, raw = false): Promise<void> {
  const out = writer(sink, 'items', raw);
  await ledger.read((sql) => eachItem(sql, (item) => {
    const digits = currencyDigits(item.currency);
    out.row([
      item.customerCode, item.number, item.issueDate, item.dueDate, formatMinor(item.amount, digits),
      formatMinor(item.openAmount, digits), item.currency, item.kind, item.reference, item.case, item.holdUntil,
      item.dispute,
    ]);
  }));
  out.end();
}
