/** Migration 7 for PostgreSQL: send claims (see ../../sqljs/migrations/007-send-claims.ts). */
import { TEXT } from './types.js';

export const sql = `
CREATE TABLE send_claims (
  claim_key ${TEXT} PRIMARY KEY,
  message_id bigint NOT NULL REFERENCES messages(id),
  run_id integer NOT NULL
);
CREATE INDEX send_claims_by_message ON send_claims (message_id);
CREATE INDEX send_claims_by_run ON send_claims (run_id);
`;
