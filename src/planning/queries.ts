/**
 * The SQL that feeds the rules engine. The heavy filtering happens inside SQLite: one pass finds
 * the customers that can get anything on the as-of date (an item pending at the level it reached,
 * a statement whose cadence is due, an installment plan), then a handful of set queries load only
 * those customers' open items, aggregated history and plans, ordered so that snapshots are
 * assembled in one linear merge. Read-only: nothing here writes.
 */
import type { BindParams, Database, SqlValue } from 'sql.js';
import { addDays, dayOfMonthClamped, startOfMonth } from '../core/dates.js';
import type { IsoDate } from '../core/domain.js';
import type { Policy } from '../core/plan.js';

/**
 * Message statuses that count as "included" for the rules (a `sending` one may be in flight now).
 * Only reminders carry levels: an item listed on a statement or beside a pending item is recorded
 * with level NULL (or ignored here when it is not a reminder), so listing never resets a repeat.
 */
export const COUNTED_STATUSES = `('sent', 'uncertain', 'sending')`;

/** Run a query and hand each row (positional values) to `onRow`; the statement is always freed. */
export function eachRow(db: Database, sql: string, params: BindParams, onRow: (row: SqlValue[]) => void): void {
  const statement = db.prepare(sql);
  try {
    statement.bind(params);
    while (statement.step()) onRow(statement.get());
  } finally {
    statement.free();
  }
}

/** The SQL expression of the ladder position an item reaches (NULL when none), and its parameters. */
function reachedExpression(policy: Policy, asOf: IsoDate): { sql: string; params: SqlValue[] } {
  const ordered = [...policy.levels].sort((a, b) => a.days - b.days);
  const params: SqlValue[] = [];
  const whens: string[] = [];
  for (let position = ordered.length - 1; position >= 0; position--) {
    whens.push(`WHEN i.due_date <= ? THEN ${position}`);
    params.push(addDays(asOf, -ordered[position]!.days));
  }
  return { sql: `(CASE ${whens.join(' ')} END)`, params };
}

/** The SQL expression of a history row's ladder position (NULL for levels not in the ladder). */
function levelExpression(policy: Policy): { sql: string; params: SqlValue[] } {
  const ordered = [...policy.levels].sort((a, b) => a.days - b.days);
  return {
    sql: `(CASE mi.level ${ordered.map((_, position) => `WHEN ? THEN ${position}`).join(' ')} END)`,
    params: ordered.map((level) => level.id),
  };
}

/**
 * Codes of every customer that may get a message on `asOf`, ascending. A superset is harmless (the
 * engine decides); a customer missing here would be a lost reminder, so the pending test mirrors
 * the engine's rule exactly: reached position r, and no counted history at a higher position nor
 * at r itself (unless r is the repeating last level and that inclusion is at least R days old).
 */
export function candidateCustomers(db: Database, policy: Policy, asOf: IsoDate): string[] {
  const ordered = [...policy.levels].sort((a, b) => a.days - b.days);
  const last = ordered.length - 1;
  const repeat = ordered[last]?.repeatEveryDays;
  const reached = reachedExpression(policy, asOf);
  const level = levelExpression(policy);
  const lowest = ordered[0];
  const codes = new Set<string>();
  const parts: string[] = [];
  const params: SqlValue[] = [];
  if (lowest !== undefined) {
    // Blocked at r when included at r (unless r is the repeating last level and that inclusion
    // is at least R days old) or above r.
    const repeatClause = repeat !== undefined && repeat > 0 ? `AND NOT (r.pos = ${last} AND m.as_of <= ?)` : '';
    parts.push(`SELECT r.customer_code AS code FROM (
        SELECT i.customer_code, i.number, ${reached.sql} AS pos FROM items i
        WHERE i.open_amount <> 0 AND i.open_amount > 0 AND i.due_date <= ? AND (i.hold_until IS NULL OR i.hold_until < ?)
          AND (i.case_ref IS NULL OR NOT EXISTS (SELECT 1 FROM plans p WHERE p.customer_code = i.customer_code
            AND p.case_ref = i.case_ref AND p.active = 1 AND p.start_date <= ? AND (p.end_date IS NULL OR p.end_date >= ?)))
      ) r
      WHERE NOT EXISTS (SELECT 1 FROM message_items mi JOIN messages m ON m.id = mi.message_id
        WHERE mi.customer_code = r.customer_code AND mi.item_number = r.number AND m.status IN ${COUNTED_STATUSES}
          AND m.kind = 'reminder' AND (${level.sql} > r.pos OR (${level.sql} = r.pos ${repeatClause})))`);
    params.push(...reached.params, addDays(asOf, -lowest.days), asOf, asOf, asOf, ...level.params, ...level.params);
    if (repeatClause) params.push(addDays(asOf, -(repeat as number)));
  }
  // Statement cadence: an interval is set and no counted message within it (open items checked later).
  parts.push(`SELECT c.code AS code FROM customers c
    WHERE COALESCE(c.statement_every_days, ?) > 0
      AND EXISTS (SELECT 1 FROM items i WHERE i.customer_code = c.code AND i.open_amount <> 0)
      AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.customer_code = c.code AND m.status IN ${COUNTED_STATUSES}
        AND m.as_of > date(?, '-' || COALESCE(c.statement_every_days, ?) || ' days'))`);
  params.push(policy.statementEveryDays, asOf, policy.statementEveryDays);
  if (policy.installments.enabled) parts.push(`SELECT customer_code FROM plans WHERE active = 1`);
  // UNION ALL and a Set: asking SQLite for distinct rows would make it walk every table in order.
  eachRow(db, `SELECT json_group_array(code) FROM (${parts.join(' UNION ALL ')})`, params, (row) => {
    for (const code of JSON.parse(String(row[0] ?? '[]')) as string[]) codes.add(code);
  });
  // Code-point order, as SQLite's BINARY collation would sort them.
  return [...codes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The loading queries. Each returns its whole result as ONE JSON array of row arrays (positional
 * values in the order the readers in ./snapshots.ts expect): crossing from WebAssembly once per
 * query instead of once per value is what keeps loading tens of thousands of rows cheap in sql.js.
 * Order does not matter here; the caller orders customers by code and items by due date.
 */
export const SQL = {
  customers: `SELECT json_group_array(json_array(code, name, email, email2, email3, language, currency, reminders,
      statement_every_days, agent_email, hold_until, notes))
    FROM customers WHERE code IN (SELECT value FROM json_each(?))`,
  openItems: `SELECT json_group_array(json_array(customer_code, number, kind, issue_date, due_date, amount, open_amount,
      currency, reference, case_ref, hold_until))
    FROM items WHERE customer_code IN (SELECT value FROM json_each(?)) AND open_amount <> 0`,
  history: `SELECT json_group_array(json_array(customer_code, item_number, level, latest)) FROM (
      SELECT mi.customer_code, mi.item_number, mi.level, MAX(m.as_of) AS latest FROM message_items mi
        JOIN messages m ON m.id = mi.message_id
        JOIN items i ON i.customer_code = mi.customer_code AND i.number = mi.item_number AND i.open_amount <> 0
      WHERE mi.customer_code IN (SELECT value FROM json_each(?)) AND mi.level IS NOT NULL
        AND m.status IN ${COUNTED_STATUSES} AND m.kind = 'reminder'
      GROUP BY mi.customer_code, mi.item_number, mi.level)`,
  lastMessage: `SELECT json_group_array(json_array(customer_code, latest)) FROM (
      SELECT customer_code, MAX(as_of) AS latest FROM messages
      WHERE customer_code IN (SELECT value FROM json_each(?)) AND status IN ${COUNTED_STATUSES}
      GROUP BY customer_code)`,
  plans: `SELECT json_group_array(json_array(p.customer_code, p.case_ref, p.installment, p.day_of_month, p.start_date, p.end_date,
      COALESCE((SELECT SUM(amount) FROM items i WHERE i.customer_code = p.customer_code AND i.case_ref = p.case_ref), 0),
      COALESCE((SELECT SUM(open_amount) FROM items i WHERE i.customer_code = p.customer_code AND i.case_ref = p.case_ref), 0),
      (SELECT MIN(currency) FROM items i WHERE i.customer_code = p.customer_code AND i.case_ref = p.case_ref)))
    FROM plans p WHERE p.active = 1 AND p.customer_code IN (SELECT value FROM json_each(?))`,
  /** A payment counts for its case, named directly or through the item it names. */
  casePayments: `SELECT json_group_array(json_array(customer_code, case_ref, date)) FROM (
      SELECT p.customer_code, COALESCE(p.case_ref, (SELECT i.case_ref FROM items i
        WHERE i.customer_code = p.customer_code AND i.number = p.item_number)) AS case_ref, p.date
      FROM payments p WHERE p.customer_code IN (SELECT value FROM json_each(?)) AND p.date >= ? AND p.date <= ?)
    WHERE case_ref IS NOT NULL`,
  noticedCases: `SELECT json_group_array(json_array(customer_code, case_ref)) FROM (
      SELECT DISTINCT mc.customer_code, mc.case_ref FROM message_cases mc JOIN messages m ON m.id = mc.message_id
      WHERE mc.customer_code IN (SELECT value FROM json_each(?)) AND m.kind = 'installment'
        AND m.status IN ${COUNTED_STATUSES} AND m.as_of >= ? AND m.as_of <= ?)`,
} as const;

/** Run one of the SQL queries above and parse its single JSON result into rows. */
export function jsonRows(db: Database, sql: string, params: BindParams): SqlValue[][] {
  let rows: SqlValue[][] = [];
  eachRow(db, sql, params, (row) => {
    rows = JSON.parse(String(row[0] ?? '[]')) as SqlValue[][];
  });
  return rows;
}

/** First and last day of the month of `asOf`. */
export function monthOf(asOf: IsoDate): { start: IsoDate; end: IsoDate } {
  return { start: startOfMonth(asOf), end: dayOfMonthClamped(asOf, 31) };
}
