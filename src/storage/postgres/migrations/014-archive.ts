/** Migration 14 for PostgreSQL: the archive of sent messages (see ../../sqljs/migrations/014-archive.ts). */
import { MONEY, TEXT } from './types.js';

export const sql = `
ALTER TABLE messages ADD COLUMN archive_sha256 ${TEXT};
ALTER TABLE messages ADD COLUMN archive_size ${MONEY};
ALTER TABLE messages ADD COLUMN archive_pruned_at ${TEXT};
CREATE TABLE archive_copies (
  sha256 ${TEXT} PRIMARY KEY,
  stored_size ${MONEY} NOT NULL,
  content bytea NOT NULL
);
`;
