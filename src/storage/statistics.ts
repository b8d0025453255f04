/**
 * The query planner's statistics, kept current by duedesk itself (docs/architecture.md §4): a
 * ledger nobody analyses leaves SQLite guessing, and a guess once made a send read the whole
 * history per message. After an import and at the end of a send run the tables that changed are
 * looked at again: on SQLite `PRAGMA optimize`, which analyses (a bounded sample of each index)
 * only the tables never analysed or grown or shrunk a lot since; on PostgreSQL `ANALYZE` of those
 * tables (its autovacuum does the same later; this makes the next command's plan right at once).
 */
import type { Sql } from './sql.js';

/** The tables an import of each kind changes. */
export const IMPORTED_TABLES = {
  customers: ['customers'],
  items: ['items'],
  payments: ['payments', 'items'],
  plans: ['plans'],
} as const;

/** The tables a send run changes. */
export const HISTORY_TABLES = ['messages', 'message_items', 'message_cases', 'message_recipients', 'reminder_state', 'customer_last_message'] as const;

/** Rows SQLite samples per index when it analyses (its documented "reasonable" limit). */
const ANALYSIS_LIMIT = 400;

/** Bring the planner's statistics up to date for `tables` (inside a write: they are saved with it). */
export async function refreshStatistics(sql: Sql, tables: readonly string[]): Promise<void> {
  if (sql.dialect === 'postgres') {
    if (tables.length > 0) await sql.run(`ANALYZE ${tables.join(', ')}`);
    return;
  }
  await sql.run(`PRAGMA analysis_limit = ${ANALYSIS_LIMIT}`);
  // 0x10002: look at every table, not only those this connection queried, and analyse those due.
  await sql.run('PRAGMA optimize = 0x10002');
}
