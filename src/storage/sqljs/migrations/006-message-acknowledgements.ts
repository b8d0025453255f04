/**
 * Migration 6: a clerk's acknowledgement of a failed or uncertain message: who and
 * when, one row per message at most. A table of its own rather than columns on `messages`, so
 * the history rows stay as they were written and the fact reads plainly in any SQLite tool.
 */
export const sql = `
CREATE TABLE message_acknowledgements (
  message_id INTEGER PRIMARY KEY REFERENCES messages (id),
  operator TEXT NOT NULL,
  acknowledged_at TEXT NOT NULL
);
`;
