/**
 * Planning benchmark (target: docs/benchmarks.md): planDue over 100,000 customers / 1,000,000 items in sql.js, beside
 * the same rules written as SQL and run natively by better-sqlite3 on the same rows
 * (./lib/planning-sql.ts; test/bench/planning-reference.test.ts checks both plan the same). Both
 * in-process and as whole processes: `duedesk --send-due --dry-run --json` compiled, against node
 * opening the same file with better-sqlite3 and printing the plan. The data is a steady state:
 * about half the items are still open, and 99% of open items were reminded by daily runs at the
 * level they reached before the as-of date (only that latest inclusion is stored: it is all the
 * rules read), so the day's plan is what a real cron run would see (~20% of customers get a
 * message, mostly 30-day repeats of the final level on a ledger with many old debts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { addDays, fromDayNumber, toDayNumber } from '../src/core/dates.js';
import type { IsoDate } from '../src/core/domain.js';
import type { Level } from '../src/core/plan.js';
import { DEFAULT_LEVELS } from '../src/core/policy.js';
import { resolvePolicy } from '../src/core/policy.js';
import { planDue } from '../src/planning/plan-due.js';
import { SETTINGS_FILE_NAME } from '../src/settings/paths.js';
import { loadSqlEngine } from '../src/storage/sqljs/sql-engine.js';
import { REBUILD_HISTORY_STATE_SQL } from '../src/storage/history-state.js';
import { MIGRATIONS } from '../src/storage/sqljs/migrations/index.js';
import type { Ledger } from '../src/storage/ledger.js';
import { readOnlyLedger } from './lib/read-only-ledger.js';
import type { Settings } from '../src/core/settings.js';
import { compiledCli } from './lib/build-cli.js';
import { runNode } from './lib/child-process.js';
import { projectPlan, referenceQuery } from './lib/planning-sql.js';
import { seededRandom } from './lib/random.js';
import { defineBenchmark, type Benchmark } from './types.js';

/** The as-of date the data is generated around and planned for. */
export const BENCH_AS_OF: IsoDate = '2026-11-23';

/**
 * The policy both sides plan with: the default ladder with fees per currency (USD has none at
 * `second`, so that level charges nothing there) and a minimum amount, so every rule has work.
 */
export const BENCH_SETTINGS: Settings = {
  policy: {
    levels: DEFAULT_LEVELS.map((level): Level => {
      const fees: Record<string, Record<string, number>> = { second: { EUR: 5, GBP: 4 }, final: { EUR: 10, GBP: 8, USD: 12 } };
      const fee = fees[level.id];
      return fee === undefined ? { ...level } : { ...level, fee };
    }),
    minAmount: 5,
  },
};

/** One row per table, as positional values in schema column order. */
interface Sink {
  customer(row: unknown[]): void;
  item(row: unknown[]): void;
  message(row: unknown[]): void;
  messageItem(row: unknown[]): void;
  plan(row: unknown[]): void;
  payment(row: unknown[]): void;
}

const INSERTS = {
  customer: 'INSERT INTO customers (code, name, email, email2, email3, language, currency, reminders, statement_every_days, agent_email, hold_until, notes, statements) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)',
  item: 'INSERT INTO items (customer_code, number, kind, issue_date, due_date, amount, open_amount, currency, reference, case_ref, hold_until) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
  message: "INSERT INTO messages (id, customer_code, kind, level, currency, as_of, message_id, status, total, created_at, updated_at) VALUES (?,?,'reminder',?,?,?,?,'sent',0,?,?)",
  messageItem: 'INSERT INTO message_items (message_id, customer_code, item_number, level, open_amount) VALUES (?,?,?,?,?)',
  plan: 'INSERT INTO plans (customer_code, case_ref, installment, day_of_month, start_date, end_date, active) VALUES (?,?,?,?,?,?,1)',
  payment: 'INSERT INTO payments (reference, customer_code, date, amount, item_number, case_ref, currency) VALUES (?,?,?,?,NULL,?,?)',
} as const;

/**
 * Generate the data set deterministically into `sink`. Items per customer vary between 1 and
 * 2×average−1 with an exact total; due dates spread from 400 days before to 30 days after asOf.
 */
export function generatePlanningData(sink: Sink, customers: number, items: number, asOf: IsoDate): void {
  const random = seededRandom(42);
  const asOfDay = toDayNumber(asOf);
  const levels = DEFAULT_LEVELS;
  let messageId = 0;
  let itemsLeft = items;
  for (let c = 0; c < customers; c++) {
    const code = `C${String(c + 1).padStart(6, '0')}`;
    const roll = random.next();
    const email = roll < 0.03 ? null : roll < 0.04 ? `a@x.example, b@${code.toLowerCase()}.example` : `ar@${code.toLowerCase()}.example.com`;
    const reminders = random.chance(0.98) ? 1 : 0;
    const hold = random.chance(0.01) ? addDays(asOf, 10) : null;
    const every = random.chance(0.1) ? 30 : null;
    const currencyRoll = random.next();
    const currency = currencyRoll < 0.85 ? 'EUR' : currencyRoll < 0.95 ? 'GBP' : 'USD';
    // Statements follow reminders: the reference SQL has one switch for both (it predates the separate `statements` switch).
    sink.customer([code, `Customer ${c + 1}`, email, null, null, 'en', currency, reminders, every, null, hold, '', reminders]);
    // Payments on account (5%; a few dated after asOf, not yet received) and installment payments.
    if (random.chance(0.05)) {
      const date = random.chance(0.1) ? addDays(asOf, 3) : addDays(asOf, -random.int(0, 60));
      sink.payment([`PAY-${code}-A`, code, date, random.int(1_000, 300_000), null, currency]);
    }
    const average = items / customers;
    const count = c === customers - 1 ? itemsLeft : Math.min(itemsLeft - (customers - c - 1), random.int(1, Math.max(1, Math.round(2 * average - 1))));
    itemsLeft -= count;
    const hasPlan = random.chance(0.01);
    if (hasPlan) sink.plan([code, 'K1', 5000, random.int(1, 31), addDays(asOf, -200), null]);
    if (hasPlan && random.chance(0.5)) sink.payment([`PAY-${code}-K1`, code, addDays(asOf, -random.int(0, 20)), random.int(1_000, 6_000), 'K1', currency]);
    // Messages of this customer by as-of day: the daily runs that reminded its items.
    const runs = new Map<number, number>();
    for (let i = 0; i < count; i++) {
      const number = `INV-${c + 1}-${i + 1}`;
      const dueDay = asOfDay - random.int(-30, 400);
      const credit = random.chance(0.03);
      const amount = credit ? -random.int(100, 20_000) : random.int(1_000, 500_000);
      const open = random.chance(0.5) ? (random.chance(0.8) ? amount : Math.trunc(amount / 2)) : 0;
      const caseRef = hasPlan && i < 2 ? 'K1' : null;
      // A few items in another currency, so some customers get one message per currency.
      const itemCurrency = caseRef === null && random.chance(0.02) ? (currency === 'USD' ? 'EUR' : 'USD') : currency;
      sink.item([code, number, credit ? 'credit_note' : 'invoice', fromDayNumber(dueDay - 30), fromDayNumber(dueDay), amount, open, itemCurrency, null, caseRef, null]);
      if (open <= 0 || caseRef !== null) continue;
      // Daily runs reminded the item at each level on the day it reached it; only the latest
      // inclusion decides what is pending, so that is the row kept (1% were imported late: none).
      if (random.chance(0.01)) continue;
      const yesterday = asOfDay - 1 - dueDay;
      let position = -1;
      levels.forEach((level, index) => {
        if (yesterday >= level.days) position = index;
      });
      if (position < 0) continue;
      const level = levels[position]!;
      let day = dueDay + level.days;
      if (level.repeatEveryDays !== undefined) day += Math.floor((asOfDay - 1 - day) / level.repeatEveryDays) * level.repeatEveryDays;
      let id = runs.get(day);
      if (id === undefined) {
        id = ++messageId;
        runs.set(day, id);
        const date = fromDayNumber(day);
        sink.message([id, code, level.id, itemCurrency, date, `<${id}@bench.example>`, `${date}T08:00:00Z`, `${date}T08:00:00Z`]);
      }
      sink.messageItem([id, code, number, level.id, open]);
    }
  }
}

/** What setup builds: the same rows in sql.js (ours) and in native SQLite (the reference). */
interface Context {
  store: Ledger;
  native: Sqlite.Database;
  items: number;
}

function nativeSink(db: Sqlite.Database): Sink {
  const prepared = Object.fromEntries(Object.entries(INSERTS).map(([name, sql]) => [name, db.prepare(sql)])) as Record<keyof Sink, Sqlite.Statement>;
  const run = (name: keyof Sink) => (row: unknown[]) => void prepared[name].run(...row);
  return { customer: run('customer'), item: run('item'), message: run('message'), messageItem: run('messageItem'), plan: run('plan'), payment: run('payment') };
}

/** Build both databases with the same rows: natively (fast inserts), then a byte copy into sql.js. */
export async function buildPlanningDatabases(customers: number, items: number): Promise<Context> {
  const native = new Sqlite(':memory:');
  // Every migration, recorded as duedesk records them, so the command line accepts the file as its own.
  native.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const migration of MIGRATIONS) {
    native.exec(migration.sql);
    native.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(migration.version, migration.name, `${BENCH_AS_OF}T00:00:00Z`);
  }
  native.exec('BEGIN');
  generatePlanningData(nativeSink(native), customers, items, BENCH_AS_OF);
  // The rows went straight into the history tables: derive the state writers keep beside it.
  native.exec(REBUILD_HISTORY_STATE_SQL);
  native.exec('COMMIT');
  native.exec('ANALYZE');
  const SQL = await loadSqlEngine();
  const db = new SQL.Database(native.serialize());
  return { store: readOnlyLedger(db), native, items };
}

/** What the whole-process benchmark runs: the database file, duedesk's settings and the reference's query. */
interface ProcessContext {
  dbFile: string;
  configDir: string;
  queryFile: string;
  cli: string;
  /** Messages the plan holds (from the reference in setup): each side must print as many. */
  messages: number;
}

const sizes = (quick: boolean) => (quick ? { customers: 10_000, items: 100_000 } : { customers: 100_000, items: 1_000_000 });

/** Parse a side's plan output and check it is the expected plan, so neither side can skip work. */
function checkedCount(stdout: string, messages: number | null): number {
  const count = (JSON.parse(stdout) as { messages: unknown[] }).messages.length;
  if (messages !== null && count !== messages) throw new Error(`planned ${count} messages, the other side ${messages}`);
  return count;
}

/** Benchmarks of this file. */
export const benchmarks: Benchmark[] = [
  defineBenchmark<Context & { query: Awaited<ReturnType<typeof referenceQuery>> }>({
    name: 'planning: planDue vs the rules as native SQL, in-process (100k customers / 1M items)',
    target: { measure: 'time', ratio: 1.5 },
    async setup({ quick }) {
      const { customers, items } = sizes(quick);
      const context = await buildPlanningDatabases(customers, items);
      return { ...context, query: await referenceQuery(resolvePolicy(BENCH_SETTINGS), BENCH_AS_OF) };
    },
    ours: async (context) => void projectPlan(await planDue(context.store, BENCH_SETTINGS, BENCH_AS_OF)),
    reference: (context) => {
      const row = context.native.prepare(context.query.sql).get(context.query.params) as { plan: string };
      JSON.parse(row.plan);
    },
    teardown(context) {
      context.store.close();
      context.native.close();
    },
  }),
  defineBenchmark<ProcessContext>({
    name: 'planning, whole process: duedesk --send-due --dry-run --json vs node + better-sqlite3 running the rules as SQL (1M items)',
    target: { measure: 'time', ratio: 1.5 },
    async setup({ quick, workDir }) {
      const { customers, items } = sizes(quick);
      const context = await buildPlanningDatabases(customers, items);
      const query = await referenceQuery(resolvePolicy(BENCH_SETTINGS), BENCH_AS_OF);
      const expected = context.native.prepare(query.sql).get(query.params) as { plan: string };
      const dbFile = join(workDir, 'planning.sqlite');
      writeFileSync(dbFile, context.native.serialize());
      context.store.close();
      context.native.close();
      const configDir = join(workDir, 'config');
      mkdirSync(configDir, { recursive: true });
      writeFileSync(join(configDir, SETTINGS_FILE_NAME), JSON.stringify(BENCH_SETTINGS));
      const queryFile = join(workDir, 'query.json');
      writeFileSync(queryFile, JSON.stringify(query));
      return { dbFile, configDir, queryFile, cli: compiledCli(), messages: checkedCount(expected.plan, null) };
    },
    async ours(c) {
      const run = await runNode([c.cli, '--db', c.dbFile, '--config-dir', c.configDir, '--send-due', '--dry-run', '--json', '--as-of', BENCH_AS_OF]);
      checkedCount(run.stdout, c.messages);
      return { ms: run.ms, cpuMs: run.cpuMs };
    },
    async reference(c) {
      const run = await runNode([join(import.meta.dirname, 'lib', 'plan-sql-child.mjs'), c.dbFile, c.queryFile]);
      checkedCount(run.stdout, c.messages);
      return { ms: run.ms, cpuMs: run.cpuMs };
    },
  }),
];
