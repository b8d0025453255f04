/** Migration 4 for PostgreSQL: payments on account (see ../../sqljs/migrations/004-payments-on-account.ts). */
import { MONEY, TEXT } from './types.js';

export const sql = `
ALTER TABLE payments ADD COLUMN currency ${TEXT};
CREATE INDEX payments_unallocated ON payments (customer_code, currency, date) WHERE item_number IS NULL;
ALTER TABLE messages ADD COLUMN unapplied ${MONEY} NOT NULL DEFAULT 0;
`;
