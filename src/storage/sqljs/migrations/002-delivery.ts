/**
 * Migration 2: per-recipient delivery results (docs/reference/messages.md §4.4: a partial recipient
 * rejection is recorded as such). One row per envelope recipient of a message, with the server's
 * reply when refused.
 */
export const sql = `
CREATE TABLE message_recipients (
  message_id INTEGER NOT NULL REFERENCES messages(id),
  address TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('to', 'cc', 'bcc')),
  accepted INTEGER NOT NULL,
  reply TEXT,
  PRIMARY KEY (message_id, address)
);
`;
