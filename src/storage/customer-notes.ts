/** Notes on customers (migration 10) ⇄ CustomerNote: calls, agreements, follow-ups. */
import type { CustomerNote, IsoDate } from '../core/domain.js';
import { int, text, textOrNull, type Row } from './rows.js';
import type { Sql } from './sql.js';

const COLUMNS = 'id, customer_code, body, operator, created_at, follow_up, done_at';

function toNote(row: Row): CustomerNote {
  return {
    id: int(row, 'id'),
    customerCode: text(row, 'customer_code'),
    body: text(row, 'body'),
    operator: text(row, 'operator'),
    createdAt: text(row, 'created_at'),
    followUp: textOrNull(row, 'follow_up'),
    doneAt: textOrNull(row, 'done_at'),
  };
}

/** Add a note (inside ledger.write); resolves to its id. */
export async function insertNote(sql: Sql, note: Omit<CustomerNote, 'id' | 'doneAt'>): Promise<number> {
  const [row] = await sql.all(
    'INSERT INTO customer_notes (customer_code, body, operator, created_at, follow_up) VALUES (?, ?, ?, ?, ?) RETURNING id',
    [note.customerCode, note.body, note.operator, note.createdAt, note.followUp],
  );
  return int(row!, 'id');
}

/** A customer's notes, oldest first. */
export async function notesOf(sql: Sql, customerCode: string): Promise<CustomerNote[]> {
  return (await sql.all(`SELECT ${COLUMNS} FROM customer_notes WHERE customer_code = ? ORDER BY created_at, id`, [customerCode])).map(toNote);
}

/** Open follow-ups dated on or before `asOf`, every customer, oldest follow-up first. */
export async function followUpsOpenOn(sql: Sql, asOf: IsoDate): Promise<CustomerNote[]> {
  return (
    await sql.all(
      `SELECT ${COLUMNS} FROM customer_notes WHERE follow_up IS NOT NULL AND done_at IS NULL AND follow_up <= ? ORDER BY follow_up, id`,
      [asOf],
    )
  ).map(toNote);
}

/** Mark a note's follow-up done; resolves to false when there is no such open follow-up. */
export async function markFollowUpDone(sql: Sql, id: number, at: string): Promise<boolean> {
  return (await sql.run('UPDATE customer_notes SET done_at = ? WHERE id = ? AND follow_up IS NOT NULL AND done_at IS NULL', [at, id])) > 0;
}
