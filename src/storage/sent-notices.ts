/**
 * The records of the notices (migration 16): the e-mails duedesk sends that are not to a
 * customer's history — the dispute notice to a sales agent, the approval digest, the test e-mail
 * (docs/reference/cli.md §11.4). Recorded `sending` before the transport sees them and their
 * outcome after, each naming its archived copy like a history row.
 */
import type { NoticeKind, NoticeRecord } from '../core/domain.js';
import type { Sql } from './sql.js';
import { allRows, firstRow, int, runOnce, text, textOrNull, type Row } from './rows.js';

/** A notice to record before it is handed over: everything but the id, status and times. */
export type NewNotice = Omit<NoticeRecord, 'id' | 'status' | 'error' | 'createdAt' | 'updatedAt'>;

const COLUMNS = `id, kind, customer_code, to_addrs, subject, message_id, status, error, operator, created_at, updated_at,
  archive_sha256, archive_size, archive_pruned_at`;

function toNotice(row: Row): NoticeRecord {
  const sha256 = textOrNull(row, 'archive_sha256');
  const to: unknown = JSON.parse(text(row, 'to_addrs'));
  return {
    id: int(row, 'id'),
    kind: text(row, 'kind') as NoticeKind,
    customerCode: textOrNull(row, 'customer_code'),
    to: Array.isArray(to) ? to.map(String) : [],
    subject: text(row, 'subject'),
    messageId: text(row, 'message_id'),
    status: text(row, 'status') as NoticeRecord['status'],
    error: textOrNull(row, 'error'),
    operator: text(row, 'operator'),
    createdAt: text(row, 'created_at'),
    updatedAt: text(row, 'updated_at'),
    archive: sha256 === null ? null : { sha256, size: int(row, 'archive_size'), prunedAt: textOrNull(row, 'archive_pruned_at') },
  };
}

/** Record a notice as being sent (inside a ledger write); returns its id. */
export async function insertNotice(sql: Sql, notice: NewNotice, at: string): Promise<number> {
  const [row] = await allRows(
    sql,
    `INSERT INTO sent_notices (kind, customer_code, to_addrs, subject, message_id, status, error, operator, created_at, updated_at,
       archive_sha256, archive_size) VALUES (?, ?, ?, ?, ?, 'sending', NULL, ?, ?, ?, ?, ?) RETURNING id`,
    [notice.kind, notice.customerCode, JSON.stringify(notice.to), notice.subject, notice.messageId, notice.operator, at, at,
      notice.archive?.sha256 ?? null, notice.archive?.size ?? null],
  );
  return int(row!, 'id');
}

/** Record what became of a notice begun with insertNotice (a final status is never rewritten). */
export async function finishNotice(sql: Sql, id: number, status: 'sent' | 'failed' | 'uncertain', error: string | null, at: string): Promise<void> {
  await runOnce(sql, "UPDATE sent_notices SET status = ?, error = ?, updated_at = ? WHERE id = ? AND status = 'sending'", [status, error, at, id]);
}

/** One notice by its id, or null. */
export async function getNotice(sql: Sql, id: number): Promise<NoticeRecord | null> {
  const row = await firstRow(sql, `SELECT ${COLUMNS} FROM sent_notices WHERE id = ?`, [id]);
  return row === null ? null : toNotice(row);
}
