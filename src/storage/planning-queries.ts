/**
 * The SQL that feeds the rules engine. The heavy filtering happens inside SQLite: one pass finds
 * the customers that can get anything on the as-of date (an item pending at the level it reached,
 * a statement whose cadence is due, an installment plan), then a handful of set queries load only
 * those customers' open items, reminder state, plans and history. The counted history is read from
 * `reminder_state` and `customer_last_message` (migration 5, ./history-state.ts), not joined here.
 * Read-only: nothing here writes.
 */
import { marks, type Sql, type SqlValue } from './sql.js';
import { dayOfMonthClamped, startOfMonth } from '../core/dates.js';
import type { IsoDate } from '../core/domain.js';
import type { Policy } from '../core/plan.js';
import type { BlockingState, CandidateDialect, ProfileFilter } from '../core/rules/rule.js';
import { candidateParts } from '../core/rules/rules.js';
import { COUNTED_STATUSES } from './history-state.js';
import { daysBefore, inJsonList, jsonArrays, jsonValues } from './dialect.js';

/** Customer codes from `from` (inclusive; null: the first) up to `to` (exclusive; null: past the last). */
export interface CodeRange {
  from: string | null;
  to: string | null;
}

/** The SQL condition "`column` lies in `range`", and its parameters. */
function inRange(column: string, range: CodeRange | undefined): { sql: string; params: SqlValue[] } {
  const terms: string[] = [];
  const params: SqlValue[] = [];
  if (range !== undefined && range.from !== null) {
    terms.push(`${column} >= ?`);
    params.push(range.from);
  }
  if (range !== undefined && range.to !== null) {
    terms.push(`${column} < ?`);
    params.push(range.to);
  }
  return { sql: terms.map((term) => ` AND ${term}`).join(''), params };
}

/**
 * How many customers there are, and the first code of every run of `size` of them in code order:
 * planning walks the customers range by range (`size` at a time), so no query holds the thread long.
 */
export async function customerRanges(sql: Sql, size: number): Promise<{ total: number; ranges: CodeRange[] }> {
  const rows = await sql.all(
    'SELECT code, n, total FROM (SELECT code, row_number() OVER (ORDER BY code) AS n, count(*) OVER () AS total FROM customers) ranked WHERE (n - 1) % ? = 0 ORDER BY n',
    [size],
  );
  const starts = rows.map((row) => String(row.code));
  const total = Number(rows[0]?.total ?? 0);
  return { total, ranges: starts.map((from, i) => ({ from: i === 0 ? null : from, to: starts[i + 1] ?? null })) };
}

/** An SQL fragment and its parameters. */
interface Part {
  sql: string;
  params: SqlValue[];
}

/** The SQL condition "reminder_state row rs is one of `states`" (core/rules/rule.ts `BlockingState`). */
function blockedBy(states: readonly BlockingState[]): Part {
  const terms: string[] = [];
  const params: SqlValue[] = [];
  for (const state of states) {
    const conditions = [`rs.level IN (${marks(state.levels.length)})`];
    params.push(...state.levels);
    if (state.after !== null) {
      conditions.push('rs.last_as_of > ?');
      params.push(state.after);
    }
    if (state.noneAt.length > 0) {
      conditions.push(`NOT EXISTS (SELECT 1 FROM reminder_state hs WHERE hs.customer_code = rs.customer_code
          AND hs.item_number = rs.item_number AND hs.level IN (${marks(state.noneAt.length)}))`);
      params.push(...state.noneAt);
    }
    terms.push(conditions.length === 1 ? conditions[0]! : `(${conditions.join(' AND ')})`);
  }
  return { sql: terms.length > 0 ? `(${terms.join(' OR ')})` : 'FALSE', params };
}

/** The SQL condition on customer `c` that `profiles` selects, or null for every customer. */
function onProfiles(profiles: ProfileFilter): Part | null {
  if (profiles.kind === 'all') return null;
  if (profiles.kind === 'named') return { sql: 'c.profile = ?', params: [profiles.name] };
  return { sql: `(c.profile IS NULL OR c.profile NOT IN (${marks(profiles.names.length)}))`, params: [...profiles.names] };
}

/**
 * The candidate terms of the rules (core/rules/rule.ts `CandidateDialect`) in `sql`'s dialect, each
 * one SELECT of customer codes among `range`.
 */
function candidateSql(sql: Sql, range: CodeRange | undefined): CandidateDialect<Part> {
  const [items, customers, plans] = [inRange('i.customer_code', range), inRange('c.code', range), inRange('customer_code', range)];
  // PostgreSQL plans each range call on its own: told the range only on the driving table, it hashed
  // the whole of reminder_state and customer_last_message for every call. Every table read is told
  // (SQLite seeks those by key already, and its plans stay as they are).
  const onServer = sql.dialect === 'postgres';
  const also = (column: string): Part => (onServer ? inRange(column, range) : { sql: '', params: [] });
  const [states, lastMessages, openItems, casePlans] = [also('rs.customer_code'), also('lm.customer_code'), also('i.customer_code'), also('p.customer_code')];
  return {
    pendingItems(search, profiles) {
      const { asOf } = search;
      const whens: string[] = [];
      const whenParams: SqlValue[] = [];
      for (const position of search.positions) {
        const blocked = blockedBy(position.blockedBy);
        whens.push(`WHEN i.due_date <= ? THEN ${blocked.sql}`);
        whenParams.push(position.dueBy, ...blocked.params);
      }
      const nothing = search.reachesNothing;
      const preDue: Part =
        nothing === null
          ? { sql: '', params: [] }
          : nothing.after === null
            ? { sql: ' AND i.due_date > ?', params: [nothing.onOrBefore] }
            : { sql: ' AND NOT (i.due_date <= ? AND i.due_date > ?)', params: [nothing.onOrBefore, nothing.after] };
      const only = onProfiles(profiles);
      const profiled = also('c.code');
      const profile = only === null ? '' : ` AND EXISTS (SELECT 1 FROM customers c WHERE c.code = i.customer_code${profiled.sql} AND ${only.sql})`;
      // items_pending_scan (migration 5) covers every item column read here, in key order, so the
      // state lookups (a primary key prefix seek each) walk reminder_state in its own order: 22 MB
      // at 1,000,000 items for about a tenth of this scan. A LEFT JOIN kept only where no blocking
      // row matched stops at the first match and costs less than a NOT EXISTS subquery per item.
      return {
        sql: `SELECT i.customer_code AS code FROM items i ${sql.dialect === 'sqlite' ? 'INDEXED BY items_pending_scan' : ''}
      LEFT JOIN reminder_state rs ON rs.customer_code = i.customer_code AND rs.item_number = i.number${states.sql}
        AND (CASE ${whens.join(' ')} ELSE FALSE END)
      WHERE i.open_amount > 0 AND i.due_date <= ?${preDue.sql} AND (i.hold_until IS NULL OR i.hold_until < ?) AND rs.level IS NULL${items.sql}
        AND (i.case_ref IS NULL OR NOT EXISTS (SELECT 1 FROM plans p WHERE p.customer_code = i.customer_code${casePlans.sql}
          AND p.case_ref = i.case_ref AND p.active = 1 AND p.start_date <= ? AND (p.end_date IS NULL OR p.end_date >= ?)))${profile}`,
        params: [...states.params, ...whenParams, search.dueBy, ...preDue.params, asOf, ...items.params, ...casePlans.params, asOf, asOf, ...(only === null ? [] : [...profiled.params, ...only.params])],
      };
    },
    profileNotIn(known) {
      return { sql: `SELECT c.code AS code FROM customers c WHERE c.profile NOT IN (${marks(known.length)})${customers.sql}`, params: [...known, ...customers.params] };
    },
    statementDue(asOf, everyDays) {
      return {
        sql: `SELECT c.code AS code FROM customers c
    WHERE COALESCE(c.statement_every_days, ?) > 0
      AND EXISTS (SELECT 1 FROM items i WHERE i.customer_code = c.code AND i.open_amount <> 0${openItems.sql})
      AND NOT EXISTS (SELECT 1 FROM customer_last_message lm WHERE lm.customer_code = c.code${lastMessages.sql}
        AND lm.last_as_of > ${daysBefore(sql, '?', 'COALESCE(c.statement_every_days, ?)')})${customers.sql}`,
        params: [everyDays, ...openItems.params, ...lastMessages.params, asOf, everyDays, ...customers.params],
      };
    },
    activePlan() {
      return { sql: `SELECT customer_code FROM plans WHERE active = 1${plans.sql}`, params: plans.params };
    },
    promiseBefore(date) {
      return { sql: `SELECT customer_code FROM promises WHERE promised_date < ?${plans.sql}`, params: [date, ...plans.params] };
    },
  };
}

/**
 * Codes of every customer that may get a message on `asOf`, ascending; with `range`, only those in
 * it (items_pending_scan is keyed by customer, so a range is a seek, not a scan). The search is the
 * union of every rule's candidate parts (core/rules/rules.ts), each rule stating its own in the
 * terms `candidateSql` spells. A superset is harmless (the engine decides); a customer missing here
 * would be a lost reminder.
 */
export async function candidateCustomers(sql: Sql, policy: Policy, asOf: IsoDate, range?: CodeRange): Promise<string[]> {
  const parts = candidateParts(candidateSql(sql, range), policy, asOf);
  // UNION ALL and a Set: asking SQLite for distinct rows would make it walk every table in order.
  const [row] = await sql.all(
    `SELECT ${jsonValues(sql, 'code')} AS codes FROM (${parts.map((part) => part.sql).join(' UNION ALL ')}) AS candidates`,
    parts.flatMap((part) => part.params),
  );
  const codes = new Set(JSON.parse(String(row?.codes ?? '[]')) as string[]);
  // Code-point order, as SQLite's BINARY collation would sort them.
  return [...codes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The loading queries, in `sql`'s dialect. Each returns its whole result as ONE JSON array of row arrays (positional
 * values in the order the readers in ./planning-snapshots.ts expect), read with `jsonRows` (./rows.ts).
 * Order does not matter here; the caller orders customers by code and items by due date.
 */
export function planningSql(sql: Sql) {
  const inSet = inJsonList(sql);
  const rows = (columns: string) => jsonArrays(sql, columns);
  return {
    customers: `SELECT ${rows(`code, name, email, email2, email3, language, currency, reminders,
        statement_every_days, agent_email, hold_until, notes, profile, statements, contact_person, phone, address_line1,
        address_line2, postal_code, city, country`)}
      FROM customers WHERE code IN ${inSet}`,
    openItems: `SELECT ${rows(`customer_code, number, kind, issue_date, due_date, amount, open_amount,
        currency, reference, case_ref, hold_until, dispute`)}
      FROM items WHERE customer_code IN ${inSet} AND open_amount <> 0`,
    /** Latest counted reminder per item and level (migration 5): the history the rules read. */
    reminderState: `SELECT ${rows('customer_code, item_number, level, last_as_of, sends')}
      FROM reminder_state WHERE customer_code IN ${inSet}`,
    /**
     * Sent reminders on record that listed an open item, dated before the as-of date: a letter
     * cites them as its earlier reminders. Only `sent` ones: an uncertain message may never have
     * reached the customer, so a letter cannot claim it.
     */
    // CROSS JOIN keeps SQLite's order: from the batch's open items (items_open_by_customer) to their
    // message_items (message_items_by_item) to each message by key. Left to itself it walked every
    // sent message of the ledger (messages_by_status) once per batch.
    remindersSent: `SELECT ${rows('mi.customer_code, mi.item_number, m.as_of, m.level')}
      FROM items i CROSS JOIN message_items mi CROSS JOIN messages m
      WHERE i.customer_code IN ${inSet} AND i.open_amount <> 0
        AND mi.customer_code = i.customer_code AND mi.item_number = i.number AND m.id = mi.message_id
        AND m.kind = 'reminder' AND m.status = 'sent' AND m.as_of < ?`,
    /** Latest counted message of any kind per customer (migration 5 keeps it). */
    lastMessage: `SELECT ${rows('customer_code, last_as_of')} FROM customer_last_message
        WHERE customer_code IN ${inSet}`,
    /** A payment naming the case but no item is recorded on no item: it reduces what remains here. */
    plans: `SELECT ${rows(`p.customer_code, p.case_ref, p.installment, p.day_of_month, p.start_date, p.end_date,
        COALESCE((SELECT SUM(amount) FROM items i WHERE i.customer_code = p.customer_code AND i.case_ref = p.case_ref), 0),
        COALESCE((SELECT SUM(open_amount) FROM items i WHERE i.customer_code = p.customer_code AND i.case_ref = p.case_ref), 0)
          - COALESCE((SELECT SUM(amount) FROM payments y WHERE y.customer_code = p.customer_code AND y.case_ref = p.case_ref
            AND y.item_number IS NULL), 0),
        (SELECT MIN(currency) FROM items i WHERE i.customer_code = p.customer_code AND i.case_ref = p.case_ref)`)}
      FROM plans p WHERE p.active = 1 AND p.customer_code IN ${inSet}`,
    /** A payment counts for its case, named directly or through the item it names. */
    casePayments: `SELECT ${rows('customer_code, case_ref, date, amount')} FROM (
        SELECT p.customer_code, COALESCE(p.case_ref, (SELECT i.case_ref FROM items i
          WHERE i.customer_code = p.customer_code AND i.number = p.item_number)) AS case_ref, p.date, p.amount
        FROM payments p WHERE p.customer_code IN ${inSet} AND p.date >= ? AND p.date <= ?) AS case_payments
      WHERE case_ref IS NOT NULL`,
    /** Every document of the account, for an activity statement (open or settled). */
    accountDocuments: `SELECT ${rows('customer_code, currency, number, kind, issue_date, amount')}
      FROM items WHERE customer_code IN ${inSet}`,
    /** Every payment of the account, for an activity statement. */
    accountMovements: `SELECT ${rows('customer_code, currency, reference, date, amount, item_number, case_ref')}
      FROM payments WHERE customer_code IN ${inSet}`,
    /**
     * Per customer and currency, the latest statement before the as-of date that may have reached
     * the customer (a failed or stopped one did not): an activity statement starts the day after.
     */
    previousStatements: `SELECT ${rows('customer_code, currency, latest')} FROM (
        SELECT customer_code, currency, MAX(as_of) AS latest FROM messages
        WHERE customer_code IN ${inSet} AND kind = 'statement' AND status IN ${COUNTED_STATUSES} AND as_of < ?
        GROUP BY customer_code, currency) AS previous`,
    /** Payments no item records (on account or for a case only); the engine decides which it nets. */
    accountPayments: `SELECT ${rows('customer_code, reference, date, amount, currency, case_ref')}
      FROM payments WHERE customer_code IN ${inSet} AND item_number IS NULL AND date <= ?`,
    noticedCases: `SELECT ${rows('customer_code, case_ref')} FROM (
        SELECT DISTINCT mc.customer_code, mc.case_ref FROM message_cases mc JOIN messages m ON m.id = mc.message_id
        WHERE mc.customer_code IN ${inSet} AND m.kind = 'installment'
          AND m.status IN ${COUNTED_STATUSES} AND m.as_of >= ? AND m.as_of <= ?) AS noticed`,
  } as const;
}

/** First and last day of the month of `asOf`. */
export function monthOf(asOf: IsoDate): { start: IsoDate; end: IsoDate } {
  return { start: startOfMonth(asOf), end: dayOfMonthClamped(asOf, 31) };
}
