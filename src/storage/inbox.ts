/**
 * The inbox's tables (migration 17; docs/reference/inbox.md): where each mailbox's fetch got to
 * and who is fetching it, the mail filed, and the addresses bounces reported dead.
 */
import type { AnswersSnapshot, UndeliverableMark } from '../core/rules/answers.js';
import { inJsonList } from './dialect.js';
import { allRows, firstRow, int, intOrNull, runOnce, text, textOrNull, type Row } from './rows.js';
import type { Sql } from './sql.js';

/** The four kinds a mail is filed as (docs/reference/inbox.md §2). */
export type InboxKind = 'bounce' | 'auto-reply' | 'reply' | 'unmatched';

/** How far a mailbox has been read. */
export interface InboxPosition {
  uidvalidity: number;
  lastUid: number;
}

/** One mail as filed. */
export interface InboxMail {
  mailbox: string;
  uidvalidity: number;
  uid: number;
  /** The mail's own Message-ID (without brackets), or empty. */
  mailId: string;
  /** When our server received it (ISO timestamp). */
  receivedAt: string;
  kind: InboxKind;
  customerCode: string | null;
  /** Our message it concerns (the history's id), or null. */
  messageId: number | null;
  inReplyTo: string;
  from: string;
  subject: string;
  /** A bounce's status code (5.1.1). */
  status: string;
  /** A bounce's failed address. */
  address: string;
  permanent: boolean;
  detail: string;
  body: string;
  /** `name (type, size)` per attachment, as JSON text. */
  attachments: string;
}

/** A filed mail as the desk and the export read it. */
export interface FiledMail extends InboxMail {
  id: number;
  /** Our message's Message-ID, or null. */
  ourMessageId: string | null;
  handledAt: string | null;
  handledBy: string | null;
  handledAs: string | null;
}

/** An address a permanent bounce reported dead. */
export interface UndeliverableAddress {
  customerCode: string;
  address: string;
  since: string;
  reason: string;
}

/**
 * Take the fetch lease on `mailbox` for `holder` until `until` (ISO), unless another holder's
 * lease runs past `now`; resolves to null when taken, else to who holds it. Run in its own
 * write: PostgreSQL serialises the two UPDATEs of one row, so of two fetches at once on any
 * hosts exactly one gets the lease.
 */
export async function takeFetchLease(sql: Sql, mailbox: string, holder: string, now: string, until: string): Promise<string | null> {
  await runOnce(sql, 'INSERT INTO inbox_state (mailbox) VALUES (?) ON CONFLICT (mailbox) DO NOTHING', [mailbox]);
  const taken = await runOnce(
    sql,
    'UPDATE inbox_state SET holder = ?, held_until = ? WHERE mailbox = ? AND (holder IS NULL OR holder = ? OR held_until < ?)',
    [holder, until, mailbox, holder, now],
  );
  if (taken > 0) return null;
  const row = await firstRow(sql, 'SELECT holder FROM inbox_state WHERE mailbox = ?', [mailbox]);
  return row ? (textOrNull(row, 'holder') ?? 'another fetch') : 'another fetch';
}

/** Give the lease back (only `holder`'s own). */
export async function releaseFetchLease(sql: Sql, mailbox: string, holder: string): Promise<void> {
  await runOnce(sql, 'UPDATE inbox_state SET holder = NULL, held_until = NULL WHERE mailbox = ? AND holder = ?', [mailbox, holder]);
}

/** Where the last fetch of `mailbox` got to, or null before the first. */
export async function fetchPosition(sql: Sql, mailbox: string): Promise<InboxPosition | null> {
  const row = await firstRow(sql, 'SELECT uidvalidity, last_uid FROM inbox_state WHERE mailbox = ?', [mailbox]);
  if (row === null || int(row, 'uidvalidity') === 0) return null;
  return { uidvalidity: int(row, 'uidvalidity'), lastUid: int(row, 'last_uid') };
}

/** Record how far `mailbox` has been read (the lease stays). */
export async function saveFetchPosition(sql: Sql, mailbox: string, position: InboxPosition, at: string): Promise<void> {
  await runOnce(sql, 'UPDATE inbox_state SET uidvalidity = ?, last_uid = ?, fetched_at = ? WHERE mailbox = ?', [
    position.uidvalidity, position.lastUid, at, mailbox,
  ]);
}

/** Our messages among `messageIds` (Message-IDs without brackets): id, Message-ID, customer. */
export async function messagesByMailId(sql: Sql, messageIds: readonly string[]): Promise<{ id: number; messageId: string; customerCode: string }[]> {
  if (messageIds.length === 0) return [];
  // The history keeps Message-IDs with their angle brackets.
  const bracketed = messageIds.map((id) => `<${id}>`);
  const rows = await allRows(sql, `SELECT id, message_id, customer_code FROM messages WHERE message_id IN ${inJsonList(sql)}`, [JSON.stringify(bracketed)]);
  return rows.map((row) => ({ id: int(row, 'id'), messageId: text(row, 'message_id').replace(/^<|>$/g, ''), customerCode: text(row, 'customer_code') }));
}

/** The customers one of whose addresses is `address` (any letter case). */
export async function customersWithAddress(sql: Sql, address: string): Promise<string[]> {
  if (address === '') return [];
  const rows = await allRows(
    sql,
    'SELECT code FROM customers WHERE LOWER(email) = ? OR LOWER(email2) = ? OR LOWER(email3) = ? ORDER BY code',
    [address, address, address],
  );
  return rows.map((row) => text(row, 'code'));
}

/** True when a mail with this Message-ID is already filed from `mailbox` (a mailbox whose UIDVALIDITY changed). */
export async function mailFiled(sql: Sql, mailbox: string, mailId: string): Promise<boolean> {
  if (mailId === '') return false;
  return (await firstRow(sql, 'SELECT 1 AS found FROM inbox_mail WHERE mailbox = ? AND mail_id = ?', [mailbox, mailId])) !== null;
}

/** File one mail; resolves to its id, or null when that mailbox, UIDVALIDITY and UID is filed already. */
export async function fileMail(sql: Sql, mail: InboxMail): Promise<number | null> {
  const rows = await sql.all(
    `INSERT INTO inbox_mail (mailbox, uidvalidity, uid, mail_id, received_at, kind, customer_code, message_id, in_reply_to, from_addr,
       subject, status, address, permanent, detail, body, attachments)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (mailbox, uidvalidity, uid) DO NOTHING RETURNING id`,
    [
      mail.mailbox, mail.uidvalidity, mail.uid, mail.mailId, mail.receivedAt, mail.kind, mail.customerCode, mail.messageId, mail.inReplyTo,
      mail.from, mail.subject, mail.status, mail.address, mail.permanent ? 1 : 0, mail.detail, mail.body, mail.attachments,
    ],
  );
  return rows[0] ? int(rows[0], 'id') : null;
}

/** Mark `address` of a customer undeliverable from `since` (a later bounce updates the reason). */
export async function markUndeliverable(sql: Sql, entry: UndeliverableAddress): Promise<void> {
  await runOnce(
    sql,
    `INSERT INTO undeliverable_addresses (customer_code, address, since, reason) VALUES (?, ?, ?, ?)
     ON CONFLICT (customer_code, address) DO UPDATE SET reason = excluded.reason`,
    [entry.customerCode, entry.address.toLowerCase(), entry.since, entry.reason],
  );
}

/** Clear a customer's undeliverable addresses: one, or (address null) all; resolves to how many. */
export async function clearUndeliverable(sql: Sql, customerCode: string, address: string | null): Promise<number> {
  if (address === null) return runOnce(sql, 'DELETE FROM undeliverable_addresses WHERE customer_code = ?', [customerCode]);
  return runOnce(sql, 'DELETE FROM undeliverable_addresses WHERE customer_code = ? AND address = ?', [customerCode, address.toLowerCase()]);
}

function toUndeliverable(row: Row): UndeliverableAddress {
  return { customerCode: text(row, 'customer_code'), address: text(row, 'address'), since: text(row, 'since'), reason: text(row, 'reason') };
}

/** The undeliverable addresses of `customerCodes` (all customers when null). */
export async function undeliverableAddresses(sql: Sql, customerCodes: readonly string[] | null = null): Promise<UndeliverableAddress[]> {
  const rows =
    customerCodes === null
      ? await allRows(sql, 'SELECT customer_code, address, since, reason FROM undeliverable_addresses ORDER BY customer_code, address')
      : await allRows(sql, `SELECT customer_code, address, since, reason FROM undeliverable_addresses WHERE customer_code IN ${inJsonList(sql)} ORDER BY customer_code, address`, [
          JSON.stringify(customerCodes),
        ]);
  return rows.map(toUndeliverable);
}

/**
 * What the inbox filed about each of `customerCodes` that the plan reads: dead addresses, and the
 * day of the latest reply nobody has handled (docs/reference/rules.md §8.1, §8.2). Customers with neither
 * are absent.
 */
export async function answersOf(sql: Sql, customerCodes: readonly string[]): Promise<Map<string, AnswersSnapshot>> {
  const out = new Map<string, AnswersSnapshot>();
  const entry = (code: string): AnswersSnapshot & { undeliverable: UndeliverableMark[] } => {
    let found = out.get(code) as (AnswersSnapshot & { undeliverable: UndeliverableMark[] }) | undefined;
    if (found === undefined) {
      found = { undeliverable: [], openReplyOn: null };
      out.set(code, found);
    }
    return found;
  };
  for (const mark of await undeliverableAddresses(sql, customerCodes)) {
    entry(mark.customerCode).undeliverable.push({ address: mark.address, since: mark.since, reason: mark.reason });
  }
  const replies = await allRows(
    sql,
    `SELECT customer_code, MAX(received_at) AS received_at FROM inbox_mail
     WHERE kind = 'reply' AND handled_at IS NULL AND customer_code IN ${inJsonList(sql)} GROUP BY customer_code`,
    [JSON.stringify(customerCodes)],
  );
  for (const row of replies) entry(text(row, 'customer_code')).openReplyOn = text(row, 'received_at').slice(0, 10);
  return out;
}

const FILED_COLUMNS = `i.id, i.mailbox, i.uidvalidity, i.uid, i.mail_id, i.received_at, i.kind, i.customer_code, i.message_id, i.in_reply_to, i.from_addr,
  i.subject, i.status, i.address, i.permanent, i.detail, i.body, i.attachments, i.handled_at, i.handled_by, i.handled_as, m.message_id AS our_message_id`;

function toFiled(row: Row): FiledMail {
  return {
    id: int(row, 'id'),
    mailbox: text(row, 'mailbox'),
    uidvalidity: int(row, 'uidvalidity'),
    uid: int(row, 'uid'),
    mailId: text(row, 'mail_id'),
    receivedAt: text(row, 'received_at'),
    kind: text(row, 'kind') as InboxKind,
    customerCode: textOrNull(row, 'customer_code'),
    messageId: intOrNull(row, 'message_id'),
    inReplyTo: text(row, 'in_reply_to'),
    from: text(row, 'from_addr'),
    subject: text(row, 'subject'),
    status: text(row, 'status'),
    address: text(row, 'address'),
    permanent: int(row, 'permanent') !== 0,
    detail: text(row, 'detail'),
    body: text(row, 'body'),
    attachments: text(row, 'attachments'),
    ourMessageId: textOrNull(row, 'our_message_id'),
    handledAt: textOrNull(row, 'handled_at'),
    handledBy: textOrNull(row, 'handled_by'),
    handledAs: textOrNull(row, 'handled_as'),
  };
}

/** Bounces and replies nobody has handled yet, newest first (the desk's Inbox). */
export async function openInboxMail(sql: Sql): Promise<FiledMail[]> {
  const rows = await allRows(
    sql,
    `SELECT ${FILED_COLUMNS} FROM inbox_mail i LEFT JOIN messages m ON m.id = i.message_id
     WHERE i.kind IN ('bounce', 'reply') AND i.handled_at IS NULL ORDER BY i.received_at DESC, i.id DESC`,
  );
  return rows.map(toFiled);
}

/** Every filed mail received from `from` to `to` (ISO dates, inclusive; null: open), oldest first. */
export async function inboxMailBetween(sql: Sql, from: string | null, to: string | null): Promise<FiledMail[]> {
  const conditions: string[] = [];
  const params: string[] = [];
  if (from !== null) {
    conditions.push('i.received_at >= ?');
    params.push(from);
  }
  if (to !== null) {
    // received_at is an ISO timestamp: every one of day `to` sorts before `to` followed by `~`.
    conditions.push('i.received_at < ?');
    params.push(`${to}~`);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = await allRows(sql, `SELECT ${FILED_COLUMNS} FROM inbox_mail i LEFT JOIN messages m ON m.id = i.message_id ${where} ORDER BY i.received_at, i.id`, params);
  return rows.map(toFiled);
}

/** A customer's filed mail (not unmatched), oldest first: its timeline's entries. */
export async function inboxMailOf(sql: Sql, customerCode: string): Promise<FiledMail[]> {
  const rows = await allRows(sql, `SELECT ${FILED_COLUMNS} FROM inbox_mail i LEFT JOIN messages m ON m.id = i.message_id WHERE i.customer_code = ? ORDER BY i.received_at, i.id`, [
    customerCode,
  ]);
  return rows.map(toFiled);
}

/** Mark a filed mail handled (`as`: promise, dispute, note, handled); false when it is unknown or handled already. */
export async function markMailHandled(sql: Sql, id: number, as: string, by: string, at: string): Promise<boolean> {
  return (await runOnce(sql, 'UPDATE inbox_mail SET handled_at = ?, handled_by = ?, handled_as = ? WHERE id = ? AND handled_at IS NULL', [at, by, as, id])) > 0;
}

/** One filed mail, or null. */
export async function filedMail(sql: Sql, id: number): Promise<FiledMail | null> {
  const row = await firstRow(sql, `SELECT ${FILED_COLUMNS} FROM inbox_mail i LEFT JOIN messages m ON m.id = i.message_id WHERE i.id = ?`, [id]);
  return row ? toFiled(row) : null;
}

/** Note a delivery report on our message: its status and reason, and when permanent, when it bounced. */
export async function recordDeliveryReport(sql: Sql, messageId: number, report: string, bouncedAt: string | null): Promise<void> {
  await runOnce(sql, 'UPDATE messages SET delivery_report = ?, bounced_at = COALESCE(?, bounced_at) WHERE id = ?', [report, bouncedAt, messageId]);
}
