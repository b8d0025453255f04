/**
 * Planning benchmark (SPEC §10): planDue over 100,000 customers / 1,000,000 items in sql.js, beside
 * a bare native SQLite aggregate (better-sqlite3) over the same rows. The data is a steady state:
 * about half the items are still open, and 99% of open items were reminded by daily runs at the
 * level they reached before the as-of date (only that latest inclusion is stored: it is all the
 * rules read), so the day's plan is what a real cron run would see (~20% of customers get a
 * message, mostly 30-day repeats of the final level on a ledger with many old debts).
 */
import Sqlite from 'better-sqlite3';
import type { Database as SqlJsDatabase } from 'sql.js';
import { addDays, fromDayNumber, toDayNumber } from '../src/core/dates.js';
import type { IsoDate } from '../src/core/domain.js';
import { DEFAULT_LEVELS } from '../src/core/policy.js';
import { planDue } from '../src/planning/plan-due.js';
import { loadSqlEngine } from '../src/storage/sql-engine.js';
import { REBUILD_HISTORY_STATE_SQL } from '../src/storage/history-state.js';
import { MIGRATIONS } from '../src/storage/migrations/index.js';
import type { Store } from '../src/storage/store.js';
import { seededRandom } from './lib/random.js';
import { defineBenchmark, type Benchmark } from './types.js';

/** The as-of date the data is generated around and planned for. */
export const BENCH_AS_OF: IsoDate = '2026-11-23';

/** One row per table, as positional values in schema column order. */
interface Sink {
  customer(row: unknown[]): void;
  item(row: unknown[]): void;
  message(row: unknown[]): void;
  messageItem(row: unknown[]): void;
  plan(row: unknown[]): void;
}

const INSERTS = {
  customer: 'INSERT INTO customers (code, name, email, email2, email3, language, currency, reminders, statement_every_days, agent_email, hold_until, notes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
  item: 'INSERT INTO items (customer_code, number, kind, issue_date, due_date, amount, open_amount, currency, reference, case_ref, hold_until) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
  message: "INSERT INTO messages (id, customer_code, kind, level, currency, as_of, message_id, status, total, created_at, updated_at) VALUES (?,?,'reminder',?,?,?,?,'sent',0,?,?)",
  messageItem: 'INSERT INTO message_items (message_id, customer_code, item_number, level, open_amount) VALUES (?,?,?,?,?)',
  plan: 'INSERT INTO plans (customer_code, case_ref, installment, day_of_month, start_date, end_date, active) VALUES (?,?,?,?,?,?,1)',
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
    sink.customer([code, `Customer ${c + 1}`, email, null, null, 'en', 'EUR', reminders, every, null, hold, '']);
    const average = items / customers;
    const count = c === customers - 1 ? itemsLeft : Math.min(itemsLeft - (customers - c - 1), random.int(1, Math.max(1, Math.round(2 * average - 1))));
    itemsLeft -= count;
    const hasPlan = random.chance(0.01);
    if (hasPlan) sink.plan([code, 'K1', 5000, random.int(1, 31), addDays(asOf, -200), null]);
    // Messages of this customer by as-of day: the daily runs that reminded its items.
    const runs = new Map<number, number>();
    for (let i = 0; i < count; i++) {
      const number = `INV-${c + 1}-${i + 1}`;
      const dueDay = asOfDay - random.int(-30, 400);
      const credit = random.chance(0.03);
      const amount = credit ? -random.int(100, 20_000) : random.int(1_000, 500_000);
      const open = random.chance(0.5) ? (random.chance(0.8) ? amount : Math.trunc(amount / 2)) : 0;
      const caseRef = hasPlan && i < 2 ? 'K1' : null;
      sink.item([code, number, credit ? 'credit_note' : 'invoice', fromDayNumber(dueDay - 30), fromDayNumber(dueDay), amount, open, 'EUR', null, caseRef, null]);
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
        sink.message([id, code, level.id, 'EUR', date, `<${id}@bench.example>`, `${date}T08:00:00Z`, `${date}T08:00:00Z`]);
      }
      sink.messageItem([id, code, number, level.id, open]);
    }
  }
}

/** What setup builds: the same rows in sql.js (ours) and in native SQLite (the reference). */
interface Context {
  store: Store;
  native: Sqlite.Database;
  items: number;
}

function nativeSink(db: Sqlite.Database): Sink {
  const prepared = Object.fromEntries(Object.entries(INSERTS).map(([name, sql]) => [name, db.prepare(sql)])) as Record<keyof Sink, Sqlite.Statement>;
  const run = (name: keyof Sink) => (row: unknown[]) => void prepared[name].run(...row);
  return { customer: run('customer'), item: run('item'), message: run('message'), messageItem: run('messageItem'), plan: run('plan') };
}

/** A read-only Store over an in-memory sql.js database (planning only reads). */
function memoryStore(db: SqlJsDatabase): Store {
  return {
    path: null,
    db,
    refresh: () => undefined,
    write: () => Promise.reject(new Error('the planning benchmark never writes')),
    close: () => db.close(),
  };
}

/** Build both databases with the same rows: natively (fast inserts), then a byte copy into sql.js. */
export async function buildPlanningDatabases(customers: number, items: number): Promise<Context> {
  const native = new Sqlite(':memory:');
  for (const migration of MIGRATIONS) native.exec(migration.sql);
  native.exec('BEGIN');
  generatePlanningData(nativeSink(native), customers, items, BENCH_AS_OF);
  // The rows went straight into the history tables: derive the state writers keep beside it.
  native.exec(REBUILD_HISTORY_STATE_SQL);
  native.exec('COMMIT');
  native.exec('ANALYZE');
  const SQL = await loadSqlEngine();
  const db = new SQL.Database(native.serialize());
  return { store: memoryStore(db), native, items };
}

/** The reference: open overdue items summed and counted per customer and currency, natively. */
export const REFERENCE_SQL = `SELECT customer_code, currency, SUM(open_amount) AS total, COUNT(*) AS n
  FROM items WHERE open_amount <> 0 AND due_date < ? GROUP BY customer_code, currency`;

/** Benchmarks of this file. */
export const benchmarks: Benchmark[] = [
  defineBenchmark<Context>({
    name: 'planning: planDue vs native SQLite aggregate (100k customers / 1M items)',
    target: { measure: 'time', ratio: 1.5 },
    repetitions: 5,
    async setup({ quick }) {
      return quick ? buildPlanningDatabases(10_000, 100_000) : buildPlanningDatabases(100_000, 1_000_000);
    },
    ours: (context) => void planDue(context.store, {}, BENCH_AS_OF),
    reference: (context) => void context.native.prepare(REFERENCE_SQL).all(BENCH_AS_OF),
    teardown(context) {
      context.store.close();
      context.native.close();
    },
  }),
];
