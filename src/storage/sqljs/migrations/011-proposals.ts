/**
 * Migration 11: proposals (approval before sending, docs/reference/rules.md §9.6). With
 * `schedule.approval` set, `--send-due` records the day's plan as a proposal instead of sending; a
 * clerk approves it (removing lines if need be) and the next run sends exactly the approved lines.
 *
 * - `proposals`: one per run that proposed, with who and when it was made, approved and sent.
 * - `proposal_lines`: one planned message each, by its key, with what it asked for; `removed`
 *   marks a line the clerk took out before approving.
 */
export const sql = `
CREATE TABLE proposals (
  id INTEGER PRIMARY KEY,
  as_of TEXT NOT NULL,
  status TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  approved_by TEXT,
  approved_at TEXT,
  sent_at TEXT
);
CREATE INDEX proposals_as_of ON proposals (as_of, id);
CREATE TABLE proposal_lines (
  proposal_id INTEGER NOT NULL REFERENCES proposals(id),
  line_key TEXT NOT NULL,
  customer_code TEXT NOT NULL,
  kind TEXT NOT NULL,
  level TEXT,
  currency TEXT NOT NULL,
  items TEXT NOT NULL,
  total INTEGER NOT NULL,
  removed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (proposal_id, line_key)
);
`;
