/** Customer names by code, for lists that know only codes (the skipped customers of a plan). */
import type { Sql } from './sql.js';

/** The names of the customers whose codes are given (codes not in the database are left out). */
export async function customerNames(sql: Sql, codes: readonly string[]): Promise<Map<string, string>> {
  const wanted = new Set(codes);
  const names = new Map<string, string>();
  if (wanted.size === 0) return names;
  // One pass over the table: a skipped list can name tens of thousands of customers, and one
  // statement per code would cost far more than reading every name once.
  for (const row of await sql.all('SELECT code, name FROM customers')) {
    const code = String(row.code);
    if (wanted.has(code)) names.set(code, String(row.name));
  }
  return names;
}
