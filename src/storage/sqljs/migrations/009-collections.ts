/**
 * Migration 9: the collections workflow's facts about customers and items.
 *
 * - `customers.profile`: the dunning profile (`policy.profiles`) a customer is on; NULL = `default`.
 * - `customers.statements`: statements on/off apart from `reminders`. Existing rows copy
 *   `reminders`, which until now stopped statements too, so nothing changes for them.
 * - `items.dispute`: why the customer disputes the item; NULL = not disputed.
 * - `reminder_state.sends`: how many counted reminders listed the item at that level, for a
 *   level's `maxRepeats`; rebuilt from the history like the rest of the row.
 */
export const sql = `
ALTER TABLE customers ADD COLUMN profile TEXT;
ALTER TABLE customers ADD COLUMN statements INTEGER NOT NULL DEFAULT 1;
UPDATE customers SET statements = reminders;
ALTER TABLE items ADD COLUMN dispute TEXT;
ALTER TABLE reminder_state ADD COLUMN sends INTEGER NOT NULL DEFAULT 1;
UPDATE reminder_state SET sends = (SELECT COUNT(*) FROM message_items mi JOIN messages m ON m.id = mi.message_id
  WHERE mi.customer_code = reminder_state.customer_code AND mi.item_number = reminder_state.item_number
    AND mi.level = reminder_state.level AND m.kind = 'reminder' AND m.status IN ('sent', 'uncertain', 'sending'));
`;
