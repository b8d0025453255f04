/**
 * The planning reference: the reminder rules (docs/reference/rules.md) written as one SQL query, run natively (better-sqlite3) on the same
 * database file that duedesk plans from. It does the work planDue does — reached level and pending
 * test per open item (from the same reminder history), holds, installment cases, scope, payments on
 * account netted per currency, per-currency level fees and minimum, statement cadence, installment
 * notices, the skip reasons in their order and the primary recipient — and returns the same facts
 * as `projectPlan` takes from planDue's result, so a test can check both agree before the
 * benchmark compares their times. Like planDue it first narrows to the candidate customers, with
 * planDue's own prefilter statement (./candidate-query.ts), and reads only their rows. Not
 * supported (the benchmark's policy uses none of them, and `referenceQuery` refuses them):
 * grouping per item, interest, letters, activity statements.
 */
import { dayOfMonthClamped, startOfMonth } from '../../src/core/dates.js';
import type { IsoDate } from '../../src/core/domain.js';
import { majorToMinor } from '../../src/core/money.js';
import type { Plan, Policy } from '../../src/core/plan.js';
import { levelFee } from '../../src/core/rules/fees.js';
import type { SqlValue } from '../../src/storage/sql.js';
import { candidateQuery } from './candidate-query.js';

/** One planned message as both sides report it. */
export interface ProjectedMessage {
  customer: string;
  kind: string;
  level: string | null;
  currency: string;
  to: string[];
  items: string[];
  reminds: string[];
  total: number;
  unapplied: number;
  fee: number;
}

/** What both sides of the planning benchmark produce. */
export interface ProjectedPlan {
  messages: ProjectedMessage[];
  skipped: Array<{ customer: string; reason: string }>;
}

/** The facts of a plan that the reference reproduces (skip details and problems are prose). */
export function projectPlan(plan: Plan): ProjectedPlan {
  return {
    messages: plan.messages.map((m) => ({
      customer: m.customer.code, kind: m.kind, level: m.level, currency: m.currency, to: m.to,
      items: m.lines.map((line) => line.item.number), reminds: m.reminds, total: m.total, unapplied: m.unapplied, fee: m.fee,
    })),
    skipped: plan.skipped.map((s) => ({ customer: s.customer, reason: s.reason })),
  };
}

/** A plain-mailbox test in SQL: trimmed, one "@" with text before, a dotted domain, no separators. */
function validAddress(column: string): string {
  const x = `trim(${column})`;
  return `(${column} IS NOT NULL AND ${x} <> '' AND ${x} NOT GLOB '*[ ,;<>"()\\' || char(9, 10, 13) || ']*'
    AND instr(${x}, '[') = 0 AND instr(${x}, ']') = 0 AND instr(${x}, '@') > 1
    AND instr(substr(${x}, instr(${x}, '@') + 1), '@') = 0 AND instr(substr(${x}, instr(${x}, '@') + 1), '.') > 1
    AND substr(${x}, -1) <> '.')`;
}

/** Currencies whose minimum is passed in (every ISO code Intl knows; the minimum depends on its digits). */
function minimums(policy: Policy): Record<string, number> {
  const out: Record<string, number> = {};
  for (const code of Intl.supportedValuesOf('currency')) out[code] = majorToMinor(policy.minAmount, code);
  return out;
}

/** The ladder as the query reads it: position, id, days, repeat interval and fee per currency (minor units). */
function ladder(policy: Policy): string {
  const ordered = [...policy.levels].sort((a, b) => a.days - b.days);
  return JSON.stringify(ordered.map((level, pos) => {
    const named = level.fee === undefined || typeof level.fee === 'number' ? [policy.defaultCurrency] : Object.keys(level.fee);
    const fees = Object.fromEntries(named.map((currency) => [currency, levelFee(level, currency, policy.defaultCurrency) ?? 0]));
    return { pos, id: level.id, days: level.days, rep: level.repeatEveryDays ?? null, fees };
  }));
}

/** The reference query and its parameters for `policy` on `asOf`; it returns one row, the JSON ProjectedPlan. */
export async function referenceQuery(policy: Policy, asOf: IsoDate): Promise<{ sql: string; params: Record<string, SqlValue> }> {
  if (policy.grouping !== 'customer' || policy.interestRatePercent !== null || policy.levels.some((l) => l.letter === true) || policy.escalation !== 'days') {
    throw new Error('the planning reference covers grouping "customer" and escalation "days" without interest or letters');
  }
  const counted = `('sent', 'uncertain', 'sending')`;
  const candidates = await candidateQuery(policy, asOf);
  const sql = `
WITH
-- planDue's own prefilter: only these customers' items, payments and plans are read, as planDue reads them.
cand AS MATERIALIZED (SELECT DISTINCT value AS code FROM json_each((${candidates.sql}))),
lv AS MATERIALIZED (SELECT json_extract(value, '$.pos') AS pos, json_extract(value, '$.id') AS id, json_extract(value, '$.days') AS days,
         json_extract(value, '$.rep') AS rep, json_extract(value, '$.fees') AS fees FROM json_each(@levels)),
under_plan AS MATERIALIZED (SELECT DISTINCT customer_code, case_ref FROM plans
  WHERE active = 1 AND start_date <= @asOf AND (end_date IS NULL OR end_date >= @asOf)),
ev AS (SELECT i.customer_code AS code, i.number, i.currency AS cur, i.due_date, i.open_amount AS amt,
         CAST(julianday(@asOf) - julianday(i.due_date) AS INTEGER) AS d
  FROM items i
  WHERE i.customer_code IN (SELECT code FROM cand) AND i.open_amount <> 0 AND (i.hold_until IS NULL OR i.hold_until < @asOf)
    AND (i.case_ref IS NULL OR NOT EXISTS (SELECT 1 FROM under_plan u WHERE u.customer_code = i.customer_code AND u.case_ref = i.case_ref))),
mins AS MATERIALIZED (SELECT key AS cur, value AS minor FROM json_each(@minimums)),
reach AS (SELECT ev.*, CASE WHEN amt > 0 THEN COALESCE((SELECT MAX(pos) FROM lv WHERE ev.d >= lv.days AND (lv.days >= 0 OR ev.d < 0)), -1) ELSE -1 END AS pos FROM ev),
pend AS (SELECT r.*, (r.pos >= 0 AND NOT EXISTS (SELECT 1 FROM lv h
    JOIN reminder_state rs ON rs.customer_code = r.code AND rs.item_number = r.number AND rs.level = h.id
    WHERE h.pos >= r.pos
      AND (h.pos > r.pos OR h.rep IS NULL OR rs.last_as_of > date(@asOf, '-' || h.rep || ' days')))) AS pending
  FROM reach r),
lines AS MATERIALIZED (SELECT p.*, (p.pending OR @scope = 'all-open' OR (p.amt > 0 AND p.d > 0) OR (p.amt <= 0 AND p.d >= 0)) AS listed FROM pend p),
-- What a message asks for: the listed lines due by date, and a pre-due notice's (every reminded line
-- not yet overdue) announced lines too; a statement is judged by the balance it shows.
grp AS MATERIALIZED (SELECT code, cur, MAX(CASE WHEN pending THEN pos END) AS top, SUM(CASE WHEN listed THEN amt ELSE 0 END) AS listed_sum,
    SUM(listed) AS n_listed, SUM(CASE WHEN listed AND ((amt > 0 AND d > 0) OR (amt <= 0 AND d >= 0)) THEN amt ELSE 0 END) AS due_sum,
    SUM(CASE WHEN pending AND NOT ((amt > 0 AND d > 0) OR (amt <= 0 AND d >= 0)) THEN amt ELSE 0 END) AS announced_sum,
    MAX(CASE WHEN pending THEN d END) AS pending_d
  FROM lines GROUP BY code, cur),
paid AS (SELECT y.customer_code AS code, y.currency AS cur, SUM(y.amount) AS paid FROM payments y
  WHERE y.customer_code IN (SELECT code FROM cand) AND y.item_number IS NULL AND y.date <= @asOf AND y.amount > 0
    AND (y.case_ref IS NULL OR NOT EXISTS (SELECT 1 FROM under_plan u WHERE u.customer_code = y.customer_code AND u.case_ref = y.case_ref))
  GROUP BY y.customer_code, y.currency),
asked AS (SELECT g.*, COALESCE(pd.paid, 0) AS paid, g.due_sum + CASE WHEN g.pending_d <= 0 THEN g.announced_sum ELSE 0 END AS r_asked FROM grp g
  LEFT JOIN paid pd ON pd.code = g.code AND pd.cur = g.cur),
netted AS MATERIALIZED (SELECT a.*, MIN(a.paid, MAX(0, a.r_asked)) AS r_unapplied, MIN(a.paid, MAX(0, a.due_sum)) AS s_unapplied FROM asked a),
reminders AS MATERIALIZED (SELECT n.code, 0 AS ord, n.cur AS sub, n.cur, 'reminder' AS kind, lv.id AS level, NULL AS items, NULL AS reminds,
    MAX(0, n.r_asked - n.r_unapplied) AS total, n.r_unapplied AS unapplied, COALESCE(json_extract(lv.fees, '$.' || n.cur), 0) AS fee,
    MAX(0, n.r_asked - n.r_unapplied) AS weighed, n.r_unapplied AS credited
  FROM netted n JOIN lv ON lv.pos = n.top WHERE n.top IS NOT NULL),
statements AS MATERIALIZED (SELECT n.code, 1 AS ord, n.cur AS sub, n.cur, 'statement' AS kind, NULL AS level, NULL AS items, NULL AS reminds,
    MAX(0, n.due_sum - n.s_unapplied) AS total, n.s_unapplied AS unapplied, 0 AS fee, n.listed_sum - n.paid AS weighed, n.paid AS credited
  FROM netted n JOIN customers c ON c.code = n.code
  WHERE n.n_listed > 0 AND COALESCE(c.statement_every_days, @every) > 0
    AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.code = n.code)
    AND NOT EXISTS (SELECT 1 FROM customer_last_message lm WHERE lm.customer_code = n.code
      AND julianday(@asOf) - julianday(lm.last_as_of) < COALESCE(c.statement_every_days, @every))),
pl AS (SELECT p.customer_code AS code, p.case_ref, p.installment, p.start_date, p.end_date,
    MIN(date(@monthStart, '+' || (p.day_of_month - 1) || ' days'), @monthEnd) AS expected,
    COALESCE((SELECT MIN(currency) FROM items i WHERE i.customer_code = p.customer_code AND i.case_ref = p.case_ref), c.currency) AS cur,
    MAX(0, COALESCE((SELECT SUM(open_amount) FROM items i WHERE i.customer_code = p.customer_code AND i.case_ref = p.case_ref), 0)
      - COALESCE((SELECT SUM(amount) FROM payments y WHERE y.customer_code = p.customer_code AND y.case_ref = p.case_ref
          AND y.item_number IS NULL), 0)) AS remaining,
    COALESCE((SELECT SUM(y.amount) FROM payments y WHERE y.customer_code = p.customer_code AND y.date >= @monthStart AND y.date <= @asOf
      AND COALESCE(y.case_ref, (SELECT i.case_ref FROM items i WHERE i.customer_code = y.customer_code AND i.number = y.item_number)) = p.case_ref), 0) AS paid_month,
    EXISTS (SELECT 1 FROM message_cases mc JOIN messages m ON m.id = mc.message_id
      WHERE mc.customer_code = p.customer_code AND mc.case_ref = p.case_ref AND m.kind = 'installment'
        AND m.status IN ${counted} AND m.as_of >= @monthStart AND m.as_of <= @monthEnd) AS noticed
  FROM plans p JOIN customers c ON c.code = p.customer_code
  WHERE @installments AND p.customer_code IN (SELECT code FROM cand) AND p.active = 1 AND p.start_date <= @asOf AND (p.end_date IS NULL OR p.end_date >= @asOf)),
missing AS (SELECT pl.*, MAX(0, MIN(installment - paid_month, remaining)) AS short FROM pl),
cases AS (SELECT m.*, (m.expected >= m.start_date AND (m.end_date IS NULL OR m.expected <= m.end_date)
    AND @asOf >= date(m.expected, '+' || @grace || ' days') AND m.short > 0) AS missed FROM missing m),
installments AS MATERIALIZED (SELECT code, 2 AS ord, MIN(case_ref) AS sub, cur, 'installment' AS kind, NULL AS level, '[]' AS items,
    json_group_array(case_ref ORDER BY case_ref) FILTER (WHERE missed AND NOT noticed) AS reminds,
    SUM(CASE WHEN missed THEN short ELSE 0 END) AS total, 0 AS unapplied, 0 AS fee,
    SUM(CASE WHEN missed THEN short ELSE 0 END) AS weighed, 0 AS credited
  FROM cases GROUP BY code, cur HAVING SUM(missed AND NOT noticed) > 0),
candidates AS MATERIALIZED (SELECT * FROM reminders UNION ALL SELECT * FROM statements UNION ALL SELECT * FROM installments),
-- The item lists only for the groups that get a candidate message (most groups get none today).
lists AS MATERIALIZED (SELECT code, cur, json_group_array(number ORDER BY due_date, number) FILTER (WHERE listed) AS items,
    json_group_array(number ORDER BY due_date, number) FILTER (WHERE pending) AS reminds
  FROM lines WHERE (code, cur) IN (SELECT code, cur FROM candidates WHERE kind <> 'installment') GROUP BY code, cur),
judged AS (SELECT k.code, k.ord, k.sub, k.cur, k.kind, k.level, k.total, k.unapplied, k.fee,
    COALESCE(k.items, l.items) AS items, CASE k.kind WHEN 'reminder' THEN l.reminds WHEN 'statement' THEN l.items ELSE k.reminds END AS reminds,
    CASE WHEN ${validAddress('c.email')} THEN trim(c.email) WHEN ${validAddress('c.email2')} THEN trim(c.email2)
      WHEN ${validAddress('c.email3')} THEN trim(c.email3) END AS to_addr,
    CASE WHEN c.reminders = 0 THEN 'opted-out' WHEN c.hold_until IS NOT NULL AND c.hold_until >= @asOf THEN 'on-hold'
      WHEN k.weighed <= 0 AND k.credited > 0 THEN 'covered'
      WHEN k.weighed < COALESCE((SELECT minor FROM mins WHERE mins.cur = k.cur), 0) OR k.weighed <= 0 THEN 'below-minimum' END AS skip
  FROM candidates k JOIN customers c ON c.code = k.code LEFT JOIN lists l ON l.code = k.code AND l.cur = k.cur),
decided AS (SELECT *, CASE WHEN skip IS NULL AND to_addr IS NULL THEN 'no-email' ELSE skip END AS reason FROM judged),
-- The engine decides covered and below-minimum for every candidate first, then recipients.
skips AS (SELECT code, reason, MIN((reason = 'no-email') * 1000000 + turn) AS first FROM (
    SELECT code, reason, ROW_NUMBER() OVER (PARTITION BY code ORDER BY ord, sub) AS turn FROM decided WHERE reason IS NOT NULL)
  GROUP BY code, reason)
SELECT json_object(
  'messages', (SELECT json_group_array(json_object('customer', code, 'kind', kind, 'level', level, 'currency', cur,
      'to', json_array(to_addr), 'items', json(items), 'reminds', json(reminds), 'total', total, 'unapplied', unapplied, 'fee', fee)
      ORDER BY code, ord, sub) FROM decided WHERE reason IS NULL),
  'skipped', (SELECT json_group_array(json_object('customer', code, 'reason', reason) ORDER BY code, first) FROM skips)) AS plan`;
  return {
    sql,
    params: {
      ...candidates.params, asOf, scope: policy.scope, every: policy.statementEveryDays, levels: ladder(policy), minimums: JSON.stringify(minimums(policy)),
      installments: policy.installments.enabled ? 1 : 0, grace: policy.installments.graceDays,
      monthStart: startOfMonth(asOf), monthEnd: dayOfMonthClamped(asOf, 31),
    },
  };
}
