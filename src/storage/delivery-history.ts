/**
 * The delivery side of the history tables: folding journal states into `messages`,
 * `message_items`, `message_cases` and `message_recipients` (migration 2), the
 * guard against sending the same reminder twice, and the outstanding amount at send time.
 * Runs inside a ledger write (one transaction per batch); the delivery features call it, never SQL.
 */
import { marks, type Sql, type SqlValue } from './sql.js';
import type { IsoDate, MessageRecord, MessageStatus } from '../core/domain.js';
import { refreshHistoryState } from './history-state.js';
import { insertMessageRows } from './messages.js';
import { isSameAs } from './dialect.js';

/**
 * One message's delivery state to fold into the history: what the send journal holds per
 * Message-ID (its entries have this shape), declared here so storage imports nothing above it.
 */
export interface MessageState {
  record: Omit<MessageRecord, 'id' | 'status' | 'error' | 'createdAt' | 'updatedAt'> & { key: string };
  status: MessageStatus;
  error: string | null;
  recipients: readonly { address: string; accepted: boolean; reply: string | null }[];
  createdAt: string;
  updatedAt: string;
}

/** Statuses that mean "this reminder may have reached the customer": never send it again. */
const DELIVERED = "('sending', 'sent', 'uncertain')";

/** The first column of the first row, or undefined when there is none. */
async function scalar(sql: Sql, query: string, params: readonly SqlValue[]): Promise<SqlValue | undefined> {
  const [row] = await sql.all(query, params);
  return row === undefined ? undefined : Object.values(row)[0];
}

/**
 * Write the given states into the history. New Message-IDs are inserted with their items and
 * cases; existing rows only move out of `sending` (a final status is never rewritten), so
 * folding the same journal twice changes nothing. The planning state of all of them is
 * recomputed once at the end, not per message.
 */
export async function applyMessageStates(sql: Sql, states: Iterable<MessageState>): Promise<void> {
  const changed: number[] = [];
  for (const state of states) {
    const r = state.record;
    const existing = await scalar(sql, 'SELECT id FROM messages WHERE message_id = ?', [r.messageId]);
    if (existing !== undefined) {
      const moved = await sql.run(
        "UPDATE messages SET status = ?, error = ?, updated_at = ? WHERE id = ? AND status = 'sending' AND ? <> 'sending'",
        [state.status, state.error, state.updatedAt, existing, state.status],
      );
      if (moved > 0) changed.push(Number(existing));
      if (state.status !== 'sending') await insertRecipients(sql, Number(existing), state);
      continue;
    }
    const { key: _key, ...fields } = r;
    const id = await insertMessageRows(sql, { ...fields, status: state.status, error: state.error, createdAt: state.createdAt, updatedAt: state.updatedAt });
    changed.push(id);
    if (state.status !== 'sending') await insertRecipients(sql, id, state);
  }
  await refreshHistoryState(sql, changed);
}

/** Every recipient's answer in one batch (one prepared statement for all of them). */
async function insertRecipients(sql: Sql, id: number, state: MessageState): Promise<void> {
  const r = state.record;
  const rows = state.recipients.map((result) => {
    const lower = result.address.toLowerCase();
    const role = r.to.some((a) => a.toLowerCase() === lower) ? 'to' : r.cc.some((a) => a.toLowerCase() === lower) ? 'cc' : 'bcc';
    return [id, result.address, role, result.accepted ? 1 : 0, result.reply];
  });
  if (rows.length > 0) await sql.runMany(`INSERT INTO message_recipients (message_id, address, role, accepted, reply) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (message_id, address) DO UPDATE SET role = excluded.role, accepted = excluded.accepted, reply = excluded.reply`, rows);
}

/** What identifies a reminder for the double-send guard. */
export interface GuardKey {
  customerCode: string;
  currency: string;
  asOf: string;
  kind: string;
  level: string | null;
  /** Item numbers the message reminds of (reminders only). */
  items: string[];
  /** A copy sent again (docs/reference/cli.md §11.5): the message it copies and the one address it goes to. */
  copy?: { of: number; to: readonly string[] };
}

/**
 * True when history already holds this reminder for this as-of date as sending, sent or
 * uncertain: statements and installment notices by customer, currency, kind and date; reminders
 * additionally by any overlapping item at that level (so a new item the same day still goes out).
 */
export async function alreadyInHistory(sql: Sql, key: GuardKey): Promise<boolean> {
  if (key.copy !== undefined) {
    // A copy of the same message to the same address on the same day goes once.
    const query = `SELECT 1 FROM messages WHERE kind = 'copy' AND copy_of = ? AND as_of = ? AND to_addrs = ? AND status IN ${DELIVERED} LIMIT 1`;
    return (await scalar(sql, query, [key.copy.of, key.asOf, JSON.stringify(key.copy.to)])) !== undefined;
  }
  const base = `FROM messages m WHERE m.customer_code = ? AND m.currency = ? AND m.as_of = ? AND m.kind = ?
    AND m.level ${isSameAs(sql)} ? AND m.status IN ${DELIVERED}`;
  const params: SqlValue[] = [key.customerCode, key.currency, key.asOf, key.kind, key.level];
  if (key.kind !== 'reminder' || key.items.length === 0) {
    return (await scalar(sql, `SELECT 1 ${base} LIMIT 1`, params)) !== undefined;
  }
  const query = `SELECT 1 ${base} AND EXISTS (SELECT 1 FROM message_items i WHERE i.message_id = m.id
    AND i.item_number IN (${marks(key.items.length)})) LIMIT 1`;
  return (await scalar(sql, query, [...params, ...key.items])) !== undefined;
}

/**
 * Messages begun between two instants (ISO timestamps, `from` included) that may have reached the
 * server: sending, sent or uncertain; a failed one did not count against any provider limit.
 */
export async function deliveredBetween(sql: Sql, from: string, to: string): Promise<number> {
  const query = `SELECT COUNT(*) FROM messages WHERE created_at >= ? AND created_at < ? AND status IN ${DELIVERED}`;
  return Number((await scalar(sql, query, [from, to])) ?? 0);
}

/**
 * The customer's balance in one currency, in minor units: open amounts (credit notes included)
 * minus the payments dated up to `asOf` that no item records (on account, or for an installment
 * case), since those reduce what the customer owes without closing any item.
 */
export async function outstandingOf(sql: Sql, customerCode: string, currency: string, asOf: IsoDate): Promise<number> {
  const value = await scalar(
    sql,
    `SELECT (SELECT COALESCE(SUM(open_amount), 0) FROM items WHERE customer_code = ? AND currency = ? AND open_amount <> 0)
      - (SELECT COALESCE(SUM(amount), 0) FROM payments WHERE customer_code = ? AND currency = ? AND item_number IS NULL AND date <= ?)`,
    [customerCode, currency, customerCode, currency, asOf],
  );
  return Number(value ?? 0);
}
