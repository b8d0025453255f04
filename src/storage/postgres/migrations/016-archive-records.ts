/** Migration 16: the archive records' change, which owns this number; empty until it is merged in. */
export const sql = '';
