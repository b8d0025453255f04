/** Holding one open item (items.hold_until): planning leaves a held item out until the day after. */
import type { Database } from 'sql.js';
import type { IsoDate } from '../core/domain.js';
import { UserError } from '../core/exit-codes.js';
import { runOnce } from './sqljs-rows.js';

/** Hold the item `number` of customer `code` until `until` (inclusive); null lifts the hold. */
export function setItemHold(db: Database, code: string, number: string, until: IsoDate | null): void {
  const changed = runOnce(db, 'UPDATE items SET hold_until = ? WHERE customer_code = ? AND number = ?', [until, code, number]);
  if (changed === 0) throw new UserError(`customer ${code} has no item ${number}`);
}
