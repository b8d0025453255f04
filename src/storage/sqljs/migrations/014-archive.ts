/**
 * Migration 14: every message is kept as it was handed to the transport (docs/reference/cli.md
 * §11.1). The history row names its copy; the copy itself lives apart from the row.
 *
 * - `messages.archive_sha256`, `archive_size`: the SHA-256 (hex) and size in bytes of the message
 *   exactly as handed over; NULL for a message recorded before the archive existed.
 * - `messages.archive_pruned_at`: when `db prune-archive` removed the copy (the row stays).
 * - `archive_copies`: copies kept inside the database, compressed, by hash. A file ledger keeps its
 *   copies in the folder `archive/` beside the file instead (the file is held in memory whole), so
 *   there this table stays empty; an in-memory database and PostgreSQL keep them here.
 */
export const sql = `
ALTER TABLE messages ADD COLUMN archive_sha256 TEXT;
ALTER TABLE messages ADD COLUMN archive_size INTEGER;
ALTER TABLE messages ADD COLUMN archive_pruned_at TEXT;
CREATE TABLE archive_copies (
  sha256 TEXT PRIMARY KEY,
  stored_size INTEGER NOT NULL,
  content BLOB NOT NULL
);
`;
