/**
 * Migration 5: the counted reminder history as a plain table, and a schema every SQLite since
 * 3.37 opens (Ubuntu 22.04, Debian 12's 3.40, Python's sqlite3, DB Browser).
 *
 * Migration 3 kept the same facts in `items.reminder_levels` (levels encoded with char(30)/char(31)
 * separators) and ten triggers; those triggers use `group_concat(… ORDER BY …)`, which SQLite
 * before 3.44 cannot parse, so older tools refused the whole file as `malformed database schema`.
 * Here the state becomes two tables that storage writes itself, in the transaction that records
 * a message or changes its status (src/storage/history-state.ts), with no triggers:
 *
 * - `reminder_state`: per item and level, the latest as-of date of a counted reminder listing it
 *   there (kind `reminder`, status sent/uncertain/sending, message_items.level set).
 * - `customer_last_message` (kept from migration 3): per customer, the latest counted message.
 *
 * The rows are rebuilt from the history (the encoded column held nothing else), the triggers and
 * the column go, and the pending-scan index is rebuilt without the column, in key order: planning
 * looks up each positive open item's state, and lookups in key order are about twice as fast as
 * in due-date order (measured at 1,000,000 items).
 */

const TRIGGERS = [
  'reminder_levels_after_message_item_insert',
  'reminder_levels_after_message_item_update',
  'reminder_levels_after_message_item_delete',
  'reminder_levels_after_message_update',
  'reminder_levels_after_message_delete',
  'reminder_levels_after_item_insert',
  'reminder_levels_after_item_key_update',
  'customer_last_message_after_insert',
  'customer_last_message_after_update',
  'customer_last_message_after_delete',
];

/** The schema change. */
export const sql = `
${TRIGGERS.map((name) => `DROP TRIGGER IF EXISTS ${name};`).join('\n')}
DROP INDEX IF EXISTS items_pending_scan;
ALTER TABLE items DROP COLUMN reminder_levels;

CREATE TABLE reminder_state (
  customer_code TEXT NOT NULL,
  item_number TEXT NOT NULL,
  level TEXT NOT NULL,
  last_as_of TEXT NOT NULL,
  PRIMARY KEY (customer_code, item_number, level)
) WITHOUT ROWID;

INSERT INTO reminder_state (customer_code, item_number, level, last_as_of)
  SELECT mi.customer_code, mi.item_number, mi.level, MAX(m.as_of)
  FROM message_items mi JOIN messages m ON m.id = mi.message_id
  WHERE mi.level IS NOT NULL AND m.kind = 'reminder' AND m.status IN ('sent', 'uncertain', 'sending')
  GROUP BY mi.customer_code, mi.item_number, mi.level;

DELETE FROM customer_last_message;
INSERT INTO customer_last_message (customer_code, last_as_of)
  SELECT customer_code, MAX(as_of) FROM messages WHERE status IN ('sent', 'uncertain', 'sending') GROUP BY customer_code;

CREATE INDEX items_pending_scan ON items (customer_code, number, due_date, hold_until, case_ref)
  WHERE open_amount > 0;
`;
