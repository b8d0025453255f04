/** Migration 13 for PostgreSQL: what became of each proposal line (see ../../sqljs/migrations/013-proposal-line-outcomes.ts). */
import { TEXT } from './types.js';

export const sql = `
ALTER TABLE proposal_lines ADD COLUMN outcome ${TEXT};
ALTER TABLE proposal_lines ADD COLUMN outcome_detail ${TEXT};
UPDATE proposals SET status = 'done' WHERE status = 'sent';
`;
