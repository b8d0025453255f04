/**
 * Send claims (migration 7): what a message sends, as unique keys committed with its `sending`
 * row, so two senders working from the same plan at once (operators on several hosts, cron
 * beside them) never both send it. Written once for both engines.
 *
 * Keys: a reminder claims each item it reminds of at its level on its as-of date; a statement
 * or installment notice claims its customer, currency and date. The date is part of every key
 * because the last level repeats (a later run may remind the same item at the same level).
 */
import { marks, type Sql } from './sql.js';

/** What a message sends, for its claims (the double-send guard's key: ./delivery-history.ts). */
export interface ClaimSubject {
  customerCode: string;
  currency: string;
  asOf: string;
  kind: string;
  level: string | null;
  /** Item numbers a reminder reminds of. */
  items: readonly string[];
  /** A copy sent again: the message it copies and its address. */
  copy?: { of: number; to: readonly string[] };
}

/** The claim keys of one message (JSON arrays: unambiguous whatever the codes contain). */
export function claimKeysOf(subject: ClaimSubject): string[] {
  const { customerCode, currency, asOf, kind, level } = subject;
  if (subject.copy !== undefined) return [JSON.stringify(['copy', customerCode, subject.copy.of, subject.copy.to, asOf])];
  if (kind === 'reminder' && subject.items.length > 0) {
    return subject.items.map((item) => JSON.stringify(['reminder', customerCode, item, level, asOf]));
  }
  return [JSON.stringify([kind, customerCode, currency, level, asOf])];
}

/** Which of `keys` someone already holds. */
export async function heldClaims(sql: Sql, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await sql.all(`SELECT claim_key FROM send_claims WHERE claim_key IN (${marks(keys.length)})`, keys);
  return rows.map((r) => String(r.claim_key));
}

/**
 * Claim `keys` for history message `messageId` of sending run `runId`, in the caller's write
 * (the one that inserts the `sending` row). Resolves to false, claiming nothing, when any key is
 * already held: the caller then rolls back or skips, and the other holder sends it.
 */
export async function claim(sql: Sql, keys: readonly string[], messageId: number, runId: number): Promise<boolean> {
  if ((await heldClaims(sql, keys)).length > 0) return false;
  // The primary key is the guarantee; the check above only spares the caller an error.
  await sql.runMany(
    'INSERT INTO send_claims (claim_key, message_id, run_id) VALUES (?, ?, ?)',
    keys.map((key) => [key, messageId, runId]),
  );
  return true;
}

/** A failed message gives its claims back, so a later run may send it; an uncertain one keeps them. */
export async function releaseClaims(sql: Sql, messageId: number): Promise<number> {
  return sql.run('DELETE FROM send_claims WHERE message_id = ?', [messageId]);
}

/** Runs that have messages still `sending` (alive, or dead and not yet recovered). */
export async function runsWithSending(sql: Sql): Promise<number[]> {
  const rows = await sql.all(
    `SELECT DISTINCT c.run_id AS run_id FROM send_claims c JOIN messages m ON m.id = c.message_id WHERE m.status = 'sending' ORDER BY c.run_id`,
  );
  return rows.map((r) => Number(r.run_id));
}

/**
 * A dead run's `sending` messages become `uncertain` (it may have handed them to the server
 * before it died): shown to the operator, never re-sent, their claims kept. Returns their ids.
 */
export async function markRunUncertain(sql: Sql, runId: number, error: string, now: string): Promise<number[]> {
  const rows = await sql.all(
    `SELECT DISTINCT m.id AS id FROM messages m JOIN send_claims c ON c.message_id = m.id
      WHERE c.run_id = ? AND m.status = 'sending' ORDER BY m.id`,
    [runId],
  );
  const ids = rows.map((r) => Number(r.id));
  if (ids.length > 0) {
    await sql.run(
      `UPDATE messages SET status = 'uncertain', error = ?, updated_at = ? WHERE status = 'sending' AND id IN (${marks(ids.length)})`,
      [error, now, ...ids],
    );
  }
  return ids;
}

/** The history row id of the message with this Message-ID, or null. */
async function rowIdOf(sql: Sql, messageId: string): Promise<number | null> {
  const [row] = await sql.all('SELECT id FROM messages WHERE message_id = ?', [messageId]);
  return row === undefined ? null : Number(row.id);
}

/** `claim` for the history row recorded with Message-ID `messageId` (in the same write). */
export async function claimForMessage(sql: Sql, keys: readonly string[], messageId: string, runId: number): Promise<boolean> {
  const id = await rowIdOf(sql, messageId);
  if (id === null) throw new Error(`claim: no history row for ${messageId}`);
  return claim(sql, keys, id, runId);
}

/** `releaseClaims` of the message recorded with Message-ID `messageId`. */
export async function releaseClaimsOf(sql: Sql, messageId: string): Promise<number> {
  const id = await rowIdOf(sql, messageId);
  return id === null ? 0 : releaseClaims(sql, id);
}
