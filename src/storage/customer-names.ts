/** Customer names by code, for lists that know only codes (the skipped customers of a plan). */
import type { Database } from 'sql.js';

/** The names of the customers whose codes are given (codes not in the database are left out). */
export function customerNames(db: Database, codes: readonly string[]): Map<string, string> {
  const wanted = new Set(codes);
  const names = new Map<string, string>();
  if (wanted.size === 0) return names;
  // One pass over the table: a skipped list can name tens of thousands of customers, and one
  // statement per code would cost far more than reading every name once.
  const stmt = db.prepare('SELECT code, name FROM customers');
  try {
    while (stmt.step()) {
      const [code, name] = stmt.get() as [string, string];
      if (wanted.has(code)) names.set(code, name);
    }
  } finally {
    stmt.free();
  }
  return names;
}
