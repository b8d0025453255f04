/**
 * Migration 16: a record for every message duedesk keeps a copy of (docs/reference/cli.md §11.4,
 * §11.5), not only the messages to customers.
 *
 * - `sent_notices`: the e-mails that are not to a customer — the dispute notice to a sales agent,
 *   the approval digest, the test e-mail — one row each, numbered apart from the history (N1, N2,
 *   …), with status, the operator and the archived copy's hash and size as for a message.
 * - `messages.kind` may be `copy`: a copy of an earlier message sent again, `copy_of` naming it.
 *   SQLite cannot change a CHECK constraint, so the table is rebuilt as migration 12 did.
 */
export const sql = `
CREATE TABLE sent_notices (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('dispute', 'digest', 'test')),
  customer_code TEXT,
  to_addrs TEXT NOT NULL DEFAULT '[]',
  subject TEXT NOT NULL DEFAULT '',
  message_id TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed', 'uncertain')),
  error TEXT,
  operator TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  archive_sha256 TEXT,
  archive_size INTEGER,
  archive_pruned_at TEXT
);

CREATE TABLE messages_new (
  id INTEGER PRIMARY KEY,
  customer_code TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('reminder', 'statement', 'installment', 'copy')),
  level TEXT,
  currency TEXT NOT NULL,
  as_of TEXT NOT NULL,
  to_addrs TEXT NOT NULL DEFAULT '[]',
  cc_addrs TEXT NOT NULL DEFAULT '[]',
  bcc_addrs TEXT NOT NULL DEFAULT '[]',
  subject TEXT NOT NULL DEFAULT '',
  message_id TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed', 'uncertain', 'stopped')),
  error TEXT,
  total INTEGER NOT NULL DEFAULT 0,
  fee INTEGER NOT NULL DEFAULT 0,
  interest INTEGER NOT NULL DEFAULT 0,
  outstanding INTEGER NOT NULL DEFAULT 0,
  operator TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  unapplied INTEGER NOT NULL DEFAULT 0,
  archive_sha256 TEXT,
  archive_size INTEGER,
  archive_pruned_at TEXT,
  copy_of INTEGER REFERENCES messages(id)
);
INSERT INTO messages_new SELECT *, NULL FROM messages;
DROP TABLE messages;
ALTER TABLE messages_new RENAME TO messages;
CREATE INDEX messages_by_customer ON messages (customer_code, as_of);
CREATE INDEX messages_by_status ON messages (status);
`;
