/** Migration 8 for PostgreSQL: settings kept in the ledger (see ../../sqljs/migrations/008-ledger-settings.ts). */
import { TEXT } from './types.js';

export const sql = `
CREATE TABLE ledger_settings (
  key ${TEXT} PRIMARY KEY,
  value ${TEXT} NOT NULL
);
`;
