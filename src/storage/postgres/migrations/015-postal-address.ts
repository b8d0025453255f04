/**
 * Migration 15 for PostgreSQL: the customers' postal address, contact person and phone (see
 * ../../sqljs/migrations/015-postal-address.ts). The change-count trigger of migration 12 compares
 * whole rows, so it already counts changes to these columns.
 */
import { TEXT } from './types.js';

export const sql = `
ALTER TABLE customers ADD COLUMN contact_person ${TEXT};
ALTER TABLE customers ADD COLUMN phone ${TEXT};
ALTER TABLE customers ADD COLUMN address_line1 ${TEXT};
ALTER TABLE customers ADD COLUMN address_line2 ${TEXT};
ALTER TABLE customers ADD COLUMN postal_code ${TEXT};
ALTER TABLE customers ADD COLUMN city ${TEXT};
ALTER TABLE customers ADD COLUMN country ${TEXT};
`;
