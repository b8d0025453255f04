/**
 * Migration 7: send claims, the at-most-once guard between several senders at once
 * (docs/reference/messages.md §4.2).
 * Before a message reaches the mail server, the transaction that records it as `sending` also
 * inserts one claim per thing it sends (an item at a level, or a customer's statement or
 * installment notice in a currency on a date); the primary key makes a second sender's claim
 * fail, so it leaves the message to the first. A failed send deletes its claims, an uncertain
 * one keeps them. `run_id` names the sending run, whose liveness the PostgreSQL ledger tracks
 * with a session advisory lock.
 */
export const sql = `
CREATE TABLE send_claims (
  claim_key TEXT PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES messages(id),
  run_id INTEGER NOT NULL
);
CREATE INDEX send_claims_by_message ON send_claims (message_id);
CREATE INDEX send_claims_by_run ON send_claims (run_id);
`;
