/** `export audit`: the audit trail, one row per change, oldest first (docs/reference/csv.md §4.9). */
import type { IsoDate } from '../../core/domain.js';
import type { TextSink } from '../../core/text-sink.js';
import { listAudit } from '../../storage/audit-log.js';
import type { Ledger } from '../../storage/ledger.js';
import { CsvWriter } from './csv-writer.js';

/** Columns of the audit export: when in UTC and in the exporting machine's local time, who, what, old → new. */
export const AUDIT_COLUMNS = ['id', 'at_utc', 'at_local', 'operator', 'action', 'customer', 'subject', 'old_value', 'new_value', 'detail'] as const;

/** Columns that are never text a spreadsheet could run (ids and times). */
const VALUE_COLUMNS = new Set<string>(['id', 'at_utc', 'at_local']);

/** `iso` (UTC) as local wall-clock time with its offset: `2026-12-07 10:15:00 +01:00`. */
export function localTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const offset = -at.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())} ${zone}`;
}

/** Write the entries made on UTC days `from`..`to` (both optional, inclusive); `raw`: unescaped. */
export async function exportAudit(ledger: Ledger, sink: TextSink, from?: IsoDate, to?: IsoDate, raw = false): Promise<void> {
  const out = new CsvWriter(sink, AUDIT_COLUMNS, { isText: (column) => !VALUE_COLUMNS.has(column), raw });
  for (const e of await ledger.read((sql) => listAudit(sql, { from, to }))) {
    out.row([String(e.id), e.at, localTime(e.at), e.operator, e.action, e.customerCode, e.subject, e.oldValue, e.newValue, e.detail]);
  }
  out.end();
}
