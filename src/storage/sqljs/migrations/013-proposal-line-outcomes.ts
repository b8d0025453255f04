/**
 * Migration 13: each proposal line keeps what became of it. A proposal used to be marked `sent`
 * once a run had dealt with it, whatever its lines did (refused, uncertain, already sent by a
 * killed run, no longer due).
 *
 * - `proposal_lines.outcome`: `sent`, `failed`, `uncertain`, `not-sent` (not attempted; still due,
 *   sent by the next run of the day) or `dropped` (no longer due); NULL until a run dealt with it.
 *   A line the clerk took out keeps `removed` = 1 and no outcome.
 * - `proposal_lines.outcome_detail`: why (the server's reply, why it was dropped, which earlier
 *   message sent it).
 * - a proposal a run has finished with is `done` (was `sent`); its lines say what happened.
 */
export const sql = `
ALTER TABLE proposal_lines ADD COLUMN outcome TEXT;
ALTER TABLE proposal_lines ADD COLUMN outcome_detail TEXT;
UPDATE proposals SET status = 'done' WHERE status = 'sent';
`;
