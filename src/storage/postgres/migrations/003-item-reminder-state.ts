/**
 * Migration 3 for PostgreSQL: the latest counted message per customer (see
 * ../../sqljs/migrations/003-item-reminder-state.ts). The SQLite twin also added `items.reminder_levels` and its
 * triggers, which migration 5 removed again before any PostgreSQL ledger existed: here they are
 * left out, so both engines reach the same tables and columns at version 5.
 */
import { DATE, TEXT } from './types.js';

export const sql = `
CREATE TABLE customer_last_message (
  customer_code ${TEXT} PRIMARY KEY,
  last_as_of ${DATE} NOT NULL
);
`;
