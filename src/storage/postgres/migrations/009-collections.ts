/** Migration 9 for PostgreSQL: the collections workflow's facts about customers and items (see ../../sqljs/migrations/009-collections.ts). */
import { TEXT } from './types.js';

export const sql = `
ALTER TABLE customers ADD COLUMN profile ${TEXT};
ALTER TABLE customers ADD COLUMN statements integer NOT NULL DEFAULT 1;
UPDATE customers SET statements = reminders;
ALTER TABLE items ADD COLUMN dispute ${TEXT};
ALTER TABLE reminder_state ADD COLUMN sends integer NOT NULL DEFAULT 1;
UPDATE reminder_state SET sends = (SELECT COUNT(*) FROM message_items mi JOIN messages m ON m.id = mi.message_id
  WHERE mi.customer_code = reminder_state.customer_code AND mi.item_number = reminder_state.item_number
    AND mi.level = reminder_state.level AND m.kind = 'reminder' AND m.status IN ('sent', 'uncertain', 'sending'));
`;
