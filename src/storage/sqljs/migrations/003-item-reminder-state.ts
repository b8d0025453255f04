/**
 * Migration 3: reminder state kept beside the history, so planning reads it while scanning items
 * instead of joining every open item to its message history (docs/reference/rules.md §2.5,
 * src/core/rules/README.md).
 *
 * - `items.reminder_levels`: per item, for each level it was counted at, the latest as-of date of a
 *   counted reminder that listed it there (kind `reminder`, status sent/uncertain/sending,
 *   message_items.level set). Encoded as `char(30) level char(31) as_of` per level, ascending by
 *   level; NULL when there is none. A column on the item (not a side table) because planning must
 *   look at every open item: reading it in the same row scan avoids a key lookup per item.
 * - `items_pending_scan`: a covering index of positive open items by due date, holding every column
 *   the search for pending reminders reads, so that search never visits the table rows.
 * - `customer_last_message`: per customer, the latest as-of date of a counted message of any kind.
 *
 * Both are pure functions of `messages`, `message_items` and `items`, maintained by triggers so
 * that every writer (delivery's journal fold, storage's insertMessage, imports, tests) stays
 * consistent without knowing about them. Triggers recompute the affected keys from the history
 * (never an increment), so a status moving to `failed` drops exactly what that message added.
 * Levels containing the separator characters can never match a ladder id ([a-z0-9_-]) and are
 * left out of the encoding; the rules ignore such levels anyway.
 */

/** Message statuses that count as included (a `sending` one may be in flight in another process). */
const COUNTED = `('sent', 'uncertain', 'sending')`;

/** The encoded reminder levels of item (`customer`, `number`), recomputed from the history. */
function levelsOf(customer: string, number: string): string {
  return `(SELECT group_concat(char(30) || h.level || char(31) || h.latest, '' ORDER BY h.level) FROM (
      SELECT mi.level AS level, MAX(m.as_of) AS latest FROM message_items mi JOIN messages m ON m.id = mi.message_id
      WHERE mi.customer_code = ${customer} AND mi.item_number = ${number} AND mi.level IS NOT NULL
        AND instr(mi.level, char(30)) = 0 AND instr(mi.level, char(31)) = 0
        AND m.kind = 'reminder' AND m.status IN ${COUNTED}
      GROUP BY mi.level) h)`;
}

/** Recompute the reminder levels of one item. */
function refreshItem(customer: string, number: string): string {
  return `UPDATE items SET reminder_levels = ${levelsOf(customer, number)}
    WHERE customer_code = ${customer} AND number = ${number};`;
}

/** Recompute the reminder levels of every item listed at a level by message `id`. */
function refreshMessageItems(id: string): string {
  return `UPDATE items SET reminder_levels = ${levelsOf('items.customer_code', 'items.number')}
    WHERE (customer_code, number) IN (SELECT customer_code, item_number FROM message_items WHERE message_id = ${id} AND level IS NOT NULL);`;
}

/** Recompute one customer's latest counted message. */
function refreshCustomer(customer: string): string {
  return `DELETE FROM customer_last_message WHERE customer_code = ${customer};
  INSERT INTO customer_last_message (customer_code, last_as_of)
    SELECT ${customer}, MAX(as_of) FROM messages WHERE customer_code = ${customer} AND status IN ${COUNTED}
    HAVING MAX(as_of) IS NOT NULL;`;
}

/** The schema change: the state, its backfill from the existing history, and the triggers. */
export const sql = `
ALTER TABLE items ADD COLUMN reminder_levels TEXT;

-- Planning's scan for pending reminders reads only this (positive open items by due date), never the table.
CREATE INDEX items_pending_scan ON items (due_date, customer_code, hold_until, case_ref, reminder_levels, open_amount)
  WHERE open_amount > 0;

CREATE TABLE customer_last_message (
  customer_code TEXT PRIMARY KEY,
  last_as_of TEXT NOT NULL
) WITHOUT ROWID;

UPDATE items SET reminder_levels = ${levelsOf('items.customer_code', 'items.number')}
  WHERE EXISTS (SELECT 1 FROM message_items mi WHERE mi.customer_code = items.customer_code AND mi.item_number = items.number);

INSERT INTO customer_last_message (customer_code, last_as_of)
  SELECT customer_code, MAX(as_of) FROM messages WHERE status IN ${COUNTED} GROUP BY customer_code;

CREATE TRIGGER reminder_levels_after_message_item_insert AFTER INSERT ON message_items
WHEN NEW.level IS NOT NULL AND EXISTS (SELECT 1 FROM messages m WHERE m.id = NEW.message_id
  AND m.kind = 'reminder' AND m.status IN ${COUNTED})
BEGIN
  ${refreshItem('NEW.customer_code', 'NEW.item_number')}
END;

CREATE TRIGGER reminder_levels_after_message_item_update AFTER UPDATE ON message_items
BEGIN
  ${refreshItem('OLD.customer_code', 'OLD.item_number')}
  ${refreshItem('NEW.customer_code', 'NEW.item_number')}
END;

CREATE TRIGGER reminder_levels_after_message_item_delete AFTER DELETE ON message_items
BEGIN
  ${refreshItem('OLD.customer_code', 'OLD.item_number')}
END;

CREATE TRIGGER reminder_levels_after_message_update AFTER UPDATE OF status, kind, as_of ON messages
WHEN OLD.status IS NOT NEW.status OR OLD.kind IS NOT NEW.kind OR OLD.as_of IS NOT NEW.as_of
BEGIN
  ${refreshMessageItems('NEW.id')}
END;

CREATE TRIGGER reminder_levels_after_message_delete AFTER DELETE ON messages
BEGIN
  ${refreshMessageItems('OLD.id')}
END;

CREATE TRIGGER reminder_levels_after_item_insert AFTER INSERT ON items
WHEN EXISTS (SELECT 1 FROM message_items mi WHERE mi.customer_code = NEW.customer_code AND mi.item_number = NEW.number)
BEGIN
  ${refreshItem('NEW.customer_code', 'NEW.number')}
END;

CREATE TRIGGER reminder_levels_after_item_key_update AFTER UPDATE OF customer_code, number ON items
BEGIN
  ${refreshItem('NEW.customer_code', 'NEW.number')}
END;

CREATE TRIGGER customer_last_message_after_insert AFTER INSERT ON messages
WHEN NEW.status IN ${COUNTED}
BEGIN
  INSERT INTO customer_last_message (customer_code, last_as_of) VALUES (NEW.customer_code, NEW.as_of)
    ON CONFLICT (customer_code) DO UPDATE SET last_as_of = MAX(last_as_of, excluded.last_as_of);
END;

CREATE TRIGGER customer_last_message_after_update AFTER UPDATE OF status, as_of, customer_code ON messages
WHEN OLD.status IS NOT NEW.status OR OLD.as_of IS NOT NEW.as_of OR OLD.customer_code IS NOT NEW.customer_code
BEGIN
  ${refreshCustomer('OLD.customer_code')}
  ${refreshCustomer('NEW.customer_code')}
END;

CREATE TRIGGER customer_last_message_after_delete AFTER DELETE ON messages
BEGIN
  ${refreshCustomer('OLD.customer_code')}
END;
`;
