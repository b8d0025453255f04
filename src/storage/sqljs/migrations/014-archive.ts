/**
 * Migration 14: reserved for the archive of sent messages; this build's archive schema is not
 * part of it yet, so the migration changes nothing and keeps the numbering without a gap.
 */
export const sql = '';
