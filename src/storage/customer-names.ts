/** Customer names by code, for lists that know only codes (the skipped customers of a plan). */
import { inJsonList } from './dialect.js';
import type { Sql } from './sql.js';

/** The names of the customers whose codes are given (codes not in the database are left out). */
export async function customerNames(sql: Sql, codes: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes)];
  const names = new Map<string, string>();
  if (wanted.length === 0) return names;
  // One indexed query with the codes bound as one JSON list: a skipped list can name tens of
  // thousands of customers, and neither a statement per code nor a pass over every name would do.
  for (const row of await sql.all(`SELECT code, name FROM customers WHERE code IN ${inJsonList(sql)}`, [JSON.stringify(wanted)])) {
    names.set(String(row.code), String(row.name));
  }
  return names;
}
