/**
 * What `export handover` reads: the customers that may have an item past its level's
 * `maxRepeats`, and every counted reminder of their items with its level and as-of date.
 */
import type { IsoDate } from '../core/domain.js';
import { inJsonList } from './dialect.js';
import { COUNTED_STATUSES } from './history-state.js';
import { pushTo, text } from './rows.js';
import type { Sql } from './sql.js';

/** Customers with an open item sent at least `sends` times at one level (a superset: the rules decide). */
export async function handoverCandidates(sql: Sql, sends: number): Promise<string[]> {
  const rows = await sql.all(
    `SELECT DISTINCT rs.customer_code FROM reminder_state rs
     JOIN items i ON i.customer_code = rs.customer_code AND i.number = rs.item_number
     WHERE i.open_amount > 0 AND rs.sends >= ? ORDER BY rs.customer_code`,
    [sends],
  );
  return rows.map((row) => text(row, 'customer_code'));
}

/** One counted reminder of an item: the level and the as-of date it counts as sent on. */
export interface ItemSend {
  level: string;
  asOf: IsoDate;
}

/** Counted reminders of the given customers' items, oldest first, by customer and item number. */
export async function itemSends(sql: Sql, codes: readonly string[]): Promise<Map<string, ItemSend[]>> {
  const sends = new Map<string, ItemSend[]>();
  if (codes.length === 0) return sends;
  const rows = await sql.all(
    `SELECT mi.customer_code, mi.item_number, mi.level, m.as_of FROM message_items mi JOIN messages m ON m.id = mi.message_id
     WHERE m.kind = 'reminder' AND m.status IN ${COUNTED_STATUSES} AND mi.level IS NOT NULL AND mi.customer_code IN ${inJsonList(sql)}
     ORDER BY m.as_of, m.id`,
    [JSON.stringify(codes)],
  );
  for (const row of rows) {
    const key = `${text(row, 'customer_code')}\u0000${text(row, 'item_number')}`;
    pushTo(sends, key, { level: text(row, 'level'), asOf: text(row, 'as_of') });
  }
  return sends;
}
