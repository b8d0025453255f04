/** Migration 2 for PostgreSQL: per-recipient delivery results (see ../../sqljs/migrations/002-delivery.ts). */
import { TEXT } from './types.js';

export const sql = `
CREATE TABLE message_recipients (
  message_id bigint NOT NULL REFERENCES messages(id),
  address ${TEXT} NOT NULL,
  role ${TEXT} NOT NULL CHECK (role IN ('to', 'cc', 'bcc')),
  accepted integer NOT NULL,
  reply ${TEXT},
  PRIMARY KEY (message_id, address)
);
`;
