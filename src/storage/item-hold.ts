/** Holding one open item (items.hold_until): planning leaves a held item out until the day after. */
import type { Sql } from './sql.js';
import type { IsoDate } from '../core/domain.js';
import { UserError } from '../core/exit-codes.js';
import { firstRow, runOnce, textOrNull } from './rows.js';

/** Hold the item `number` of customer `code` until `until` (inclusive); null lifts the hold. */
export async function setItemHold(sql: Sql, code: string, number: string, until: IsoDate | null): Promise<void> {
  const changed = await runOnce(sql, 'UPDATE items SET hold_until = ? WHERE customer_code = ? AND number = ?', [until, code, number]);
  if (changed === 0) throw new UserError(`customer ${code} has no item ${number}`);
}

/** The item's hold-until day, or null (also for an item the customer does not have). */
export async function itemHold(sql: Sql, code: string, number: string): Promise<string | null> {
  const row = await firstRow(sql, 'SELECT hold_until FROM items WHERE customer_code = ? AND number = ?', [code, number]);
  return row === null ? null : textOrNull(row, 'hold_until');
}
