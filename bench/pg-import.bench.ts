/**
 * Import into a PostgreSQL ledger: 1,000,000 generated items (quick: 10,000) through
 * `duedesk --db postgres://… import items`, beside psql loading the same CSV with `\copy` into a
 * staging table and one INSERT … SELECT converting amounts to minor units (what COPY cannot do
 * itself). Both sides start each repetition from a fresh database cloned from a template that
 * holds the customers (copied from the file ledger with `duedesk db copy`); only the load is timed.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import type { GeneratedData } from './generate.js';
import { benchSize, ensureDatabase, ensureDataset, runDuedesk } from './lib/dataset.js';
import { benchDatabase, cloneDatabase, psqlPath, type BenchDatabase } from './lib/pg-server.js';
import { defineBenchmark, type Benchmark } from './types.js';

interface PgImportContext {
  data: GeneratedData;
  workDir: string;
  db: BenchDatabase;
  round: number;
}

/** psql's side: the CSV into a staging table, then typed rows into items in one statement. */
function psqlLoad(file: string): string {
  return `BEGIN;
CREATE TEMP TABLE staging (customer_code text, number text, issue_date date, due_date date, amount numeric,
  open_amount numeric, currency text, kind text, reference text, case_ref text, hold_until date) ON COMMIT DROP;
\\copy staging FROM '${file.replaceAll("'", "''")}' WITH (FORMAT csv, HEADER true)
INSERT INTO items (customer_code, number, kind, issue_date, due_date, amount, open_amount, currency, reference, case_ref, hold_until)
  SELECT customer_code, number, kind, issue_date, due_date, round(amount * 100)::bigint,
         round(COALESCE(open_amount, amount) * 100)::bigint, currency, NULLIF(reference, ''), NULLIF(case_ref, ''), hold_until FROM staging;
COMMIT;
`;
}

const pgImport = defineBenchmark<PgImportContext>({
  name: 'pg import: 1M items via duedesk import vs psql \\copy',
  repetitions: 3,
  async setup({ quick, workDir }) {
    const size = benchSize(quick);
    const data = ensureDataset(size);
    const file = await ensureDatabase(data, ['customers'], `customers-${size.customers}`);
    const db = await benchDatabase();
    await runDuedesk(['db', 'copy', file, db.url], join(workDir, 'config'));
    return { data, workDir, db, round: 0 };
  },
  async ours(c) {
    const url = await cloneDatabase(c.db, `ours_${++c.round}`);
    const started = performance.now();
    await runDuedesk(['--db', url, 'import', 'items', c.data.itemsFile], join(c.workDir, 'config'));
    return { ms: performance.now() - started };
  },
  async reference(c) {
    const url = await cloneDatabase(c.db, `psql_${++c.round}`);
    const started = performance.now();
    execFileSync(psqlPath(), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url], { input: psqlLoad(c.data.itemsFile), stdio: ['pipe', 'ignore', 'inherit'] });
    const ms = performance.now() - started;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM items');
    await client.end();
    if (Number(rows[0]?.n) !== c.data.items) throw new Error(`psql loaded ${rows[0]?.n} items of ${c.data.items}`);
    return { ms };
  },
  teardown: (c) => c.db.dispose(),
});

/** The PostgreSQL import benchmark. */
export const benchmarks: Benchmark[] = [pgImport];
