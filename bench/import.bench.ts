/**
 * Import benchmark: 1,000,000 generated items (quick: 10,000) through `duedesk import items` into
 * a database that already holds their customers, beside the same CSV parsed with csv-parse and
 * inserted by native SQLite (better-sqlite3, one transaction). Both sides start each repetition
 * from a copy of a database with the customers; only the import itself is timed.
 */
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { sql as schema } from '../src/storage/sqljs/migrations/001-initial.js';
import type { GeneratedData } from './generate.js';
import { benchSize, removeBeside, ensureDatabase, ensureDataset, runDuedesk } from './lib/dataset.js';
import { defineBenchmark, type Benchmark } from './types.js';

interface ImportContext {
  data: GeneratedData;
  workDir: string;
  /** duedesk database holding only the customers. */
  oursBase: string;
  /** Native database holding only the customers. */
  nativeBase: string;
}

/** Major-unit decimal text → integer minor units (every generated currency has 2 digits). */
function cents(text: string): number {
  return Math.round(Number(text) * 100);
}

function nullable(text: string | undefined): string | null {
  return text === undefined || text === '' ? null : text;
}

/** Load customers.csv into a fresh native database with the duedesk schema. */
function buildNativeBase(path: string, customersFile: string): void {
  rmSync(path, { force: true });
  const db = new Sqlite(path);
  db.exec(schema);
  const insert = db.prepare('INSERT INTO customers (code, name, email, email2, email3, language, currency, reminders, statement_every_days, agent_email, hold_until, notes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)');
  const rows = parse(readFileSync(customersFile), { columns: true }) as Record<string, string>[];
  db.transaction(() => {
    for (const r of rows) {
      insert.run(r.code, r.name, nullable(r.email), nullable(r.email2), nullable(r.email3), r.language, r.currency, r.reminders === 'no' ? 0 : 1, nullable(r.statement_every_days), nullable(r.agent_email), nullable(r.hold_until), r.notes ?? '');
    }
  })();
  db.close();
}

const importItems = defineBenchmark<ImportContext>({
  name: 'import: 1M items via duedesk import vs better-sqlite3 + csv-parse',
  repetitions: 3,
  async setup({ quick, workDir }) {
    const size = benchSize(quick);
    const data = ensureDataset(size);
    const oursBase = await ensureDatabase(data, ['customers'], `customers-${size.customers}`);
    const nativeBase = join(workDir, 'native-base.sqlite');
    buildNativeBase(nativeBase, data.customersFile);
    return { data, workDir, oursBase, nativeBase };
  },
  async ours(c) {
    const path = join(c.workDir, 'ours.sqlite');
    rmSync(path, { force: true });
    copyFileSync(c.oursBase, path);
    const started = performance.now();
    await runDuedesk(['import', 'items', c.data.itemsFile, '--db', path], join(c.workDir, 'config'));
    return { ms: performance.now() - started };
  },
  reference(c) {
    const path = join(c.workDir, 'native.sqlite');
    rmSync(path, { force: true });
    copyFileSync(c.nativeBase, path);
    const started = performance.now();
    const db = new Sqlite(path);
    db.pragma('foreign_keys = ON');
    const insert = db.prepare('INSERT INTO items (customer_code, number, kind, issue_date, due_date, amount, open_amount, currency, reference, case_ref, hold_until) VALUES (?,?,?,?,?,?,?,?,?,?,?)');
    const records = parse(readFileSync(c.data.itemsFile, 'utf8'), { columns: true }) as Record<string, string>[];
    db.transaction(() => {
      for (const r of records) {
        insert.run(r.customer_code, r.number, r.kind, r.issue_date, r.due_date, cents(r.amount ?? ''), cents(r.open_amount || (r.amount ?? '')), r.currency, nullable(r.reference), nullable(r.case), nullable(r.hold_until));
      }
    })();
    db.close();
    return { ms: performance.now() - started };
  },
  teardown(c) {
    removeBeside(c.workDir, ['ours.sqlite', 'native.sqlite', 'native-base.sqlite']);
  },
});

/** The import benchmark. */
export const benchmarks: Benchmark[] = [importItems];
