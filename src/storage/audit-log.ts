/**
 * The audit trail (migration 19, docs/reference/roles.md §4): append-only entries of every change
 * that is not a send. Entries are added inside the write that makes the change, so a change and
 * its entry are kept together or not at all.
 */
import { allRows, int, text, textOrNull, type Row } from './rows.js';
import type { Sql } from './sql.js';

/** One change as recorded. */
export interface AuditEntry {
  /** Wall-clock time, UTC ISO. */
  at: string;
  /** Who (docs/reference/roles.md §1). */
  operator: string;
  /** What was done, as a short phrase ("set hold", "setting", "import"). */
  action: string;
  customerCode: string | null;
  /** What it was done to (a setting's key, an item, a proposal), when more than the customer. */
  subject: string | null;
  oldValue: string | null;
  newValue: string | null;
  /** Anything else worth reading (an import's file, hash and counts). */
  detail: string | null;
}

/** An entry as stored, with its id. */
export interface StoredAuditEntry extends AuditEntry {
  id: number;
}

const COLUMNS = 'id, at, operator, action, customer_code, subject, old_value, new_value, detail';

function toEntry(row: Row): StoredAuditEntry {
  return {
    id: int(row, 'id'),
    at: text(row, 'at'),
    operator: text(row, 'operator'),
    action: text(row, 'action'),
    customerCode: textOrNull(row, 'customer_code'),
    subject: textOrNull(row, 'subject'),
    oldValue: textOrNull(row, 'old_value'),
    newValue: textOrNull(row, 'new_value'),
    detail: textOrNull(row, 'detail'),
  };
}

/** Append entries (inside the change's own write). */
export async function appendAudit(sql: Sql, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await sql.runMany(
    'INSERT INTO audit_log (at, operator, action, customer_code, subject, old_value, new_value, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    entries.map((e) => [e.at, e.operator, e.action, e.customerCode, e.subject, e.oldValue, e.newValue, e.detail]),
  );
}

/** Which entries to list: `from`/`to` are days (inclusive, by the UTC day of `at`); `customer` one customer's. */
export interface AuditFilter {
  from?: string | undefined;
  to?: string | undefined;
  customer?: string | undefined;
}

/** Entries in the order they were made. */
export async function listAudit(sql: Sql, filter: AuditFilter = {}): Promise<StoredAuditEntry[]> {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.from !== undefined) {
    where.push('at >= ?');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    // Every time of the day `to` sorts below the next character after its date.
    where.push('at < ?');
    params.push(`${filter.to}~`);
  }
  if (filter.customer !== undefined) {
    where.push('customer_code = ?');
    params.push(filter.customer);
  }
  const rows = await allRows(sql, `SELECT ${COLUMNS} FROM audit_log${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY at, id`, params);
  return rows.map(toEntry);
}
