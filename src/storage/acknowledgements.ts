/**
 * A clerk acknowledges a failed or uncertain message: recorded with operator and time
 * beside the history, which itself stays as it was written.
 */
import type { Sql } from './sql.js';
import { UserError } from '../core/exit-codes.js';
import { firstRow, runOnce, text } from './rows.js';

/** Record that `operator` acknowledged message `id` at `at` (ISO); refuses any other status, or a second time. */
export async function acknowledgeMessage(sql: Sql, id: number, operator: string, at: string): Promise<void> {
  const message = await firstRow(sql, 'SELECT status FROM messages WHERE id = ?', [id]);
  if (message === null) throw new UserError(`message ${id} does not exist`);
  const status = text(message, 'status');
  if (status !== 'failed' && status !== 'uncertain') throw new UserError(`message ${id} is ${status}: only failed or uncertain messages are acknowledged`);
  const earlier = await firstRow(sql, 'SELECT operator, acknowledged_at FROM message_acknowledgements WHERE message_id = ?', [id]);
  if (earlier !== null) {
    throw new UserError(`message ${id} was already acknowledged by ${text(earlier, 'operator') || 'someone'} at ${text(earlier, 'acknowledged_at')}`);
  }
  await runOnce(sql, 'INSERT INTO message_acknowledgements (message_id, operator, acknowledged_at) VALUES (?, ?, ?)', [id, operator, at]);
}
