/**
 * Message history ⇄ MessageRecord, with the items (and levels) and installment cases of each
 * message. History is never deleted; only status, error and updated_at change.
 */
import type { Sql, SqlValue } from './sql.js';
import type { HistoryKind, IsoDate, MessageRecord, MessageStatus } from '../core/domain.js';
import { UserError } from '../core/exit-codes.js';
import { refreshHistoryState } from './history-state.js';
import { allRows, firstRow, int, runMany, runOnce, scalar, text, textOrNull, type Row } from './rows.js';

/** A message to record: everything but the id the database assigns. */
export type NewMessage = Omit<MessageRecord, 'id'>;

/** Which messages to list; every field narrows, all optional. */
export interface MessageFilter {
  /** First as-of date included. */
  from?: IsoDate;
  /** Last as-of date included. */
  to?: IsoDate;
  status?: MessageStatus;
  customer?: string;
}

const COLUMNS = `id, customer_code, kind, level, currency, as_of, to_addrs, cc_addrs, bcc_addrs, subject,
  message_id, status, error, total, fee, interest, unapplied, outstanding, operator, created_at, updated_at,
  archive_sha256, archive_size, archive_pruned_at, copy_of, bounced_at, delivery_report`;

function addresses(row: Row, column: string): string[] {
  const parsed: unknown = JSON.parse(text(row, column));
  return Array.isArray(parsed) ? parsed.map(String) : [];
}

function toMessage(row: Row): MessageRecord {
  return {
    id: int(row, 'id'),
    customerCode: text(row, 'customer_code'),
    kind: text(row, 'kind') as HistoryKind,
    level: textOrNull(row, 'level'),
    currency: text(row, 'currency'),
    asOf: text(row, 'as_of'),
    to: addresses(row, 'to_addrs'),
    cc: addresses(row, 'cc_addrs'),
    bcc: addresses(row, 'bcc_addrs'),
    subject: text(row, 'subject'),
    messageId: text(row, 'message_id'),
    status: text(row, 'status') as MessageStatus,
    error: textOrNull(row, 'error'),
    total: int(row, 'total'),
    fee: int(row, 'fee'),
    interest: int(row, 'interest'),
    unapplied: int(row, 'unapplied'),
    outstanding: int(row, 'outstanding'),
    operator: text(row, 'operator'),
    createdAt: text(row, 'created_at'),
    updatedAt: text(row, 'updated_at'),
    items: [],
    cases: [],
    ...archiveOf(row),
    ...copyOf(row),
    ...deliveryOf(row),
  };
}

/** The message a copy was sent of, absent for every other kind. */
function copyOf(row: Row): Pick<MessageRecord, 'copyOf'> {
  const original = row.copy_of;
  return original === null || original === undefined ? {} : { copyOf: int(row, 'copy_of') };
}

/** The latest delivery report, absent when none came back (docs/reference/inbox.md §3). */
function deliveryOf(row: Row): Pick<MessageRecord, 'delivery'> {
  const report = textOrNull(row, 'delivery_report');
  return report === null ? {} : { delivery: { bouncedAt: textOrNull(row, 'bounced_at'), report } };
}

/** The archived copy's fields, absent for a message recorded before copies were kept (like `acknowledged`). */
function archiveOf(row: Row): Pick<MessageRecord, 'archive'> {
  const sha256 = textOrNull(row, 'archive_sha256');
  return sha256 === null ? {} : { archive: { sha256, size: int(row, 'archive_size'), prunedAt: textOrNull(row, 'archive_pruned_at') } };
}

/** Record a message with its items and cases (inside a ledger write); returns its id. */
export async function insertMessage(sql: Sql, message: NewMessage): Promise<number> {
  const id = await insertMessageRows(sql, message);
  await refreshHistoryState(sql, [id]);
  return id;
}

/**
 * Record a message with its items and cases but leave the planning state to the caller, who must
 * call refreshHistoryState with its id in the same transaction: a batch refreshes once for all.
 */
export async function insertMessageRows(sql: Sql, message: NewMessage): Promise<number> {
  const m = message;
  // RETURNING: the id the engine assigned, in the one statement both engines accept.
  const [inserted] = await allRows(
    sql,
    `INSERT INTO messages (customer_code, kind, level, currency, as_of, to_addrs, cc_addrs, bcc_addrs, subject,
       message_id, status, error, total, fee, interest, unapplied, outstanding, operator, created_at, updated_at,
       archive_sha256, archive_size, copy_of)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [
      m.customerCode, m.kind, m.level, m.currency, m.asOf, JSON.stringify(m.to), JSON.stringify(m.cc),
      JSON.stringify(m.bcc), m.subject, m.messageId, m.status, m.error, m.total, m.fee, m.interest,
      // Journal lines written before migration 4 carry no `unapplied`.
      m.unapplied ?? 0, m.outstanding, m.operator, m.createdAt, m.updatedAt,
      m.archive?.sha256 ?? null, m.archive?.size ?? null, m.copyOf ?? null,
    ],
  );
  const id = int(inserted!, 'id');
  await runMany(
    sql,
    'INSERT INTO message_items (message_id, customer_code, item_number, level, open_amount) VALUES (?, ?, ?, ?, ?)',
    m.items.map((i) => [id, m.customerCode, i.itemNumber, i.level, i.openAmount]),
  );
  await runMany(
    sql,
    'INSERT INTO message_cases (message_id, customer_code, case_ref) VALUES (?, ?, ?)',
    m.cases.map((c) => [id, m.customerCode, c]),
  );
  return id;
}

/** Change a message's status (and error text); `at` stamps updated_at (defaults to now). */
export async function updateMessageStatus(
  sql: Sql,
  id: number,
  status: MessageStatus,
  error: string | null,
  at: string = new Date().toISOString(),
): Promise<void> {
  const changed = await runOnce(sql, 'UPDATE messages SET status = ?, error = ?, updated_at = ? WHERE id = ?', [
    status, error, at, id,
  ]);
  if (changed === 0) throw new UserError(`unknown message id ${id}`);
  await refreshHistoryState(sql, [id]);
}

/** True when some message is still `sending` (a run stopped before its outcome was recorded). */
export async function hasSendingMessages(sql: Sql): Promise<boolean> {
  return (await firstRow(sql, "SELECT 1 AS found FROM messages WHERE status = 'sending' LIMIT 1")) !== null;
}

/** Messages still marked `sending` (a crash mid-send) become `uncertain`; returns how many. */
export async function markSendingUncertain(sql: Sql, at: string = new Date().toISOString()): Promise<number> {
  const ids = (await allRows(sql, "SELECT id FROM messages WHERE status = 'sending'")).map((row) => int(row, 'id'));
  const changed = await runOnce(
    sql,
    "UPDATE messages SET status = 'uncertain', error = COALESCE(error, 'interrupted while sending'), updated_at = ? WHERE status = 'sending'",
    [at],
  );
  await refreshHistoryState(sql, ids);
  return changed;
}

/** One message with items and cases, or null. */
export async function getMessage(sql: Sql, id: number): Promise<MessageRecord | null> {
  return (await select(sql, 'WHERE id = ?', [id]))[0] ?? null;
}

/** Messages matching the filter, oldest first (by as-of date, then id). */
export function listMessages(sql: Sql, filter: MessageFilter = {}): Promise<MessageRecord[]> {
  const conditions: string[] = [];
  const params: (string | number)[] = [];
  const add = (condition: string, value: string | undefined): void => {
    if (value === undefined) return;
    conditions.push(condition);
    params.push(value);
  };
  add('as_of >= ?', filter.from);
  add('as_of <= ?', filter.to);
  add('status = ?', filter.status);
  add('customer_code = ?', filter.customer);
  return select(sql, conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params);
}

/** The history id of the message with this Message-ID, or null. */
export async function idOfMessage(sql: Sql, messageId: string): Promise<number | null> {
  const row = await firstRow(sql, 'SELECT id FROM messages WHERE message_id = ?', [messageId]);
  return row === null ? null : int(row, 'id');
}

/** Every message of one customer, oldest first: the customer's reminder history. */
export function customerTimeline(sql: Sql, customerCode: string): Promise<MessageRecord[]> {
  return listMessages(sql, { customer: customerCode });
}

/** Load messages by a WHERE clause plus their items and cases in two more queries (not one per message). */
async function select(sql: Sql, where: string, params: readonly SqlValue[]): Promise<MessageRecord[]> {
  const messages = (await allRows(sql, `SELECT ${COLUMNS} FROM messages ${where} ORDER BY as_of, id`, params)).map(toMessage);
  if (messages.length === 0) return messages;
  const byId = new Map(messages.map((m) => [m.id, m]));
  const ids = `SELECT id FROM messages ${where}`;
  for (const row of await allRows(
    sql,
    `SELECT message_id, item_number, level, open_amount FROM message_items WHERE message_id IN (${ids})
     ORDER BY message_id, rowid`,
    params,
  )) {
    byId.get(int(row, 'message_id'))?.items.push({
      itemNumber: text(row, 'item_number'),
      level: textOrNull(row, 'level'),
      openAmount: int(row, 'open_amount'),
    });
  }
  for (const row of await allRows(
    sql,
    `SELECT message_id, case_ref FROM message_cases WHERE message_id IN (${ids}) ORDER BY message_id, rowid`,
    params,
  )) {
    byId.get(int(row, 'message_id'))?.cases.push(text(row, 'case_ref'));
  }
  for (const row of await allRows(sql, `SELECT message_id, operator, acknowledged_at FROM message_acknowledgements WHERE message_id IN (${ids})`, params)) {
    const message = byId.get(int(row, 'message_id'));
    if (message) message.acknowledged = { operator: text(row, 'operator'), at: text(row, 'acknowledged_at') };
  }
  return messages;
}

/** A message (or notice) whose copy the archive keeps. */
export interface ArchivedMessage {
  id: number;
  /** Its history id as typed: `12` for a message, `N3` for a notice (docs/reference/cli.md §11.4). */
  ref: string;
  /** The customer, or for a notice its kind (`dispute`, `digest`, `test`). */
  customerCode: string;
  subject: string;
  createdAt: string;
  sha256: string;
  size: number;
}

/**
 * Every message and notice whose archived copy is kept (not pruned), oldest first
 * (docs/reference/cli.md §11.1).
 */
export async function archivedMessages(sql: Sql): Promise<ArchivedMessage[]> {
  const kept = 'archive_sha256 IS NOT NULL AND archive_pruned_at IS NULL';
  // `db check` reads a file as it is, unmigrated: one from before migration 16 has no notices.
  const notices = sql.dialect !== 'sqlite' || (await firstRow(sql, "SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'sent_notices'")) !== null;
  const rows = await allRows(
    sql,
    `SELECT id, '' AS prefix, customer_code, subject, created_at, archive_sha256, archive_size FROM messages WHERE ${kept}
     ${notices ? `UNION ALL
     SELECT id, 'N' AS prefix, kind AS customer_code, subject, created_at, archive_sha256, archive_size FROM sent_notices WHERE ${kept}` : ''}
     ORDER BY created_at, prefix, id`,
  );
  return rows.map((row) => ({
    id: int(row, 'id'),
    ref: `${text(row, 'prefix')}${int(row, 'id')}`,
    customerCode: text(row, 'customer_code'),
    subject: text(row, 'subject'),
    createdAt: text(row, 'created_at'),
    sha256: text(row, 'archive_sha256'),
    size: int(row, 'archive_size'),
  }));
}

/** Record that the copies of messages and notices `refs` (as ArchivedMessage.ref) were removed at `at` (the rows stay). */
export async function markArchivePruned(sql: Sql, refs: readonly string[], at: string): Promise<void> {
  const notices = refs.filter((ref) => ref.startsWith('N')).map((ref) => [at, Number(ref.slice(1))]);
  const messages = refs.filter((ref) => !ref.startsWith('N')).map((ref) => [at, Number(ref)]);
  await runMany(sql, 'UPDATE messages SET archive_pruned_at = ? WHERE id = ? AND archive_pruned_at IS NULL', messages);
  await runMany(sql, 'UPDATE sent_notices SET archive_pruned_at = ? WHERE id = ? AND archive_pruned_at IS NULL', notices);
}
