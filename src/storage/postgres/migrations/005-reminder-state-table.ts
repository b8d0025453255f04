/**
 * Migration 5 for PostgreSQL: the counted reminder history as a plain table (see
 * ../../sqljs/migrations/005-reminder-state-table.ts), and planning's index of positive open items in key order.
 */
import { DATE, TEXT } from './types.js';

export const sql = `
CREATE TABLE reminder_state (
  customer_code ${TEXT} NOT NULL,
  item_number ${TEXT} NOT NULL,
  level ${TEXT} NOT NULL,
  last_as_of ${DATE} NOT NULL,
  PRIMARY KEY (customer_code, item_number, level)
);

CREATE INDEX items_pending_scan ON items (customer_code, number, due_date, hold_until, case_ref)
  WHERE open_amount > 0;
`;
