/** Migration 6 for PostgreSQL: a clerk's acknowledgement of a failed or uncertain message (see ../../sqljs/migrations/006-message-acknowledgements.ts). */
import { TEXT } from './types.js';

export const sql = `
CREATE TABLE message_acknowledgements (
  message_id bigint PRIMARY KEY REFERENCES messages (id),
  operator ${TEXT} NOT NULL,
  acknowledged_at ${TEXT} NOT NULL
);
`;
