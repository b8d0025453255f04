/**
 * The state planning reads beside the history (migration 5): `reminder_state` (latest counted
 * reminder per item and level, and how many there were: migration 9) and `customer_last_message` (latest counted message per customer).
 * A copy sent again (docs/reference/cli.md §11.5) is neither: it demands nothing new.
 * Both are pure functions of `messages` and `message_items`; every write that records a message
 * or changes its status calls `refreshHistoryState` in the same transaction, which recomputes the
 * affected keys from the history (never an increment), so a status moving to `failed` drops
 * exactly what that message added and re-running it changes nothing.
 */
import type { Sql } from './sql.js';
import { inJsonList } from './dialect.js';

/** Message statuses that count as included (a `sending` one may be in flight in another process). */
export const COUNTED_STATUSES = `('sent', 'uncertain', 'sending')`;

/** Items (customer, number) listed at a level by the messages whose ids are the JSON array `?`. */
const itemsOf = (sql: Sql) => `SELECT customer_code, item_number FROM message_items
  WHERE message_id IN ${inJsonList(sql, 'integer')} AND level IS NOT NULL`;

/** Customers of the messages whose ids are the JSON array `?`. */
const customersOf = (sql: Sql) => `SELECT customer_code FROM messages WHERE id IN ${inJsonList(sql, 'integer')}`;

/**
 * The statements that recompute the state, each taking the ids once. The recomputing reads go
 * from the touched keys to the history through the per-item and per-customer indexes, in that
 * order (CROSS JOIN: SQLite keeps the order as written). Left to choose, SQLite without
 * `sqlite_stat1` took `messages_by_status` and read every counted message of the history for each
 * refresh, so sending slowed as the history grew (test/storage/history-state-plan.test.ts).
 */
const statements = (sql: Sql): string[] => {
  const ITEMS_OF = itemsOf(sql);
  const CUSTOMERS_OF = customersOf(sql);
  return [
    `DELETE FROM reminder_state WHERE (customer_code, item_number) IN (${ITEMS_OF})`,
    `INSERT INTO reminder_state (customer_code, item_number, level, last_as_of, sends)
      SELECT mi.customer_code, mi.item_number, mi.level, MAX(m.as_of), COUNT(*)
      FROM (SELECT DISTINCT customer_code, item_number FROM message_items
              WHERE message_id IN ${inJsonList(sql, 'integer')} AND level IS NOT NULL) touched
        CROSS JOIN message_items mi CROSS JOIN messages m
      WHERE mi.customer_code = touched.customer_code AND mi.item_number = touched.item_number AND m.id = mi.message_id
        AND mi.level IS NOT NULL AND m.kind = 'reminder' AND m.status IN ${COUNTED_STATUSES}
      GROUP BY mi.customer_code, mi.item_number, mi.level`,
    `DELETE FROM customer_last_message WHERE customer_code IN (${CUSTOMERS_OF})`,
    `INSERT INTO customer_last_message (customer_code, last_as_of)
      SELECT touched.customer_code, MAX(m.as_of)
      FROM (SELECT DISTINCT customer_code FROM messages WHERE id IN ${inJsonList(sql, 'integer')}) touched
        CROSS JOIN messages m
      WHERE m.customer_code = touched.customer_code AND m.status IN ${COUNTED_STATUSES} AND m.kind <> 'copy'
      GROUP BY touched.customer_code`,
  ];
};

/** The statements of refreshHistoryState as it runs them on `sql`'s dialect (for plan tests). */
export function historyStateStatements(sql: Sql): readonly string[] {
  return statements(sql);
}

/** Recompute the planning state of every item and customer the given messages touch. */
export async function refreshHistoryState(sql: Sql, messageIds: readonly number[]): Promise<void> {
  if (messageIds.length === 0) return;
  const ids = JSON.stringify(messageIds);
  for (const statement of statements(sql)) await sql.run(statement, [ids]);
}

/**
 * Rebuild the whole state from the history, for data written straight into the history tables
 * (the planning benchmark builds a million rows natively); runs on any SQLite connection.
 */
export const REBUILD_HISTORY_STATE_SQL = `
DELETE FROM reminder_state;
INSERT INTO reminder_state (customer_code, item_number, level, last_as_of, sends)
  SELECT mi.customer_code, mi.item_number, mi.level, MAX(m.as_of), COUNT(*)
  FROM message_items mi JOIN messages m ON m.id = mi.message_id
  WHERE mi.level IS NOT NULL AND m.kind = 'reminder' AND m.status IN ${COUNTED_STATUSES}
  GROUP BY mi.customer_code, mi.item_number, mi.level;
DELETE FROM customer_last_message;
INSERT INTO customer_last_message (customer_code, last_as_of)
  SELECT customer_code, MAX(as_of) FROM messages WHERE status IN ${COUNTED_STATUSES} AND kind <> 'copy' GROUP BY customer_code;
`;
