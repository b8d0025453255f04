/**
 * Planning on a PostgreSQL ledger, whole process: `duedesk --db postgres://… --send-due --dry-run
 * --json` (compiled) on the planning benchmark's data (100,000 customers / 1,000,000 items in a
 * steady state; quick: a tenth), copied into the server once with `duedesk db copy`. The reference
 * is psql on the same database running one aggregate over the same items — the open amount, item
 * count and oldest due date per customer and currency of the items past the first level that no
 * reminder listed in the last 30 days, as JSON — so it is a lower bound (one query, not the rules).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS_FILE_NAME } from '../src/settings/paths.js';
import { compiledCli } from './lib/build-cli.js';
import { runNode } from './lib/child-process.js';
import { runDuedesk } from './lib/dataset.js';
import { benchDatabase, psqlPath, type BenchDatabase } from './lib/pg-server.js';
import { BENCH_AS_OF, BENCH_SETTINGS, buildPlanningDatabases } from './planning.bench.js';
import { defineBenchmark, type Benchmark } from './types.js';

interface PgPlanningContext {
  db: BenchDatabase;
  configDir: string;
  cli: string;
}

/** The reference aggregate (see the file comment), as psql prints it. */
const AGGREGATE = `SELECT COALESCE(json_agg(t), '[]') FROM (
  SELECT i.customer_code, i.currency, SUM(i.open_amount) AS total, COUNT(*) AS items, MIN(i.due_date) AS oldest
    FROM items i
   WHERE i.open_amount > 0 AND i.due_date <= DATE '${BENCH_AS_OF}' - 7
     AND NOT EXISTS (SELECT 1 FROM reminder_state rs WHERE rs.customer_code = i.customer_code
       AND rs.item_number = i.number AND rs.last_as_of > DATE '${BENCH_AS_OF}' - 30)
   GROUP BY i.customer_code, i.currency) t`;

/** Run psql with the aggregate; resolves to its wall time (its CPU is the server's and psql's, not measured). */
function runPsql(url: string): Promise<{ ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(psqlPath(), ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', AGGREGATE], { maxBuffer: 1 << 30 }, (error, stdout) => {
      if (error) return reject(error);
      if (!stdout.trim().startsWith('[')) return reject(new Error(`psql printed no plan: ${stdout.slice(0, 200)}`));
      resolve({ ms: performance.now() - started });
    });
  });
}

const pgPlanning = defineBenchmark<PgPlanningContext>({
  name: 'pg planning, whole process: duedesk --send-due --dry-run --json on PostgreSQL vs psql running one aggregate (1M items)',
  async setup({ quick, workDir }) {
    const { customers, items } = quick ? { customers: 10_000, items: 100_000 } : { customers: 100_000, items: 1_000_000 };
    const built = await buildPlanningDatabases(customers, items);
    const file = join(workDir, 'pg-planning.sqlite');
    writeFileSync(file, built.native.serialize());
    built.store.close();
    built.native.close();
    const configDir = join(workDir, 'pg-config');
    mkdirSync(configDir, { recursive: true });
    writeFileSync(join(configDir, SETTINGS_FILE_NAME), JSON.stringify(BENCH_SETTINGS));
    const db = await benchDatabase();
    await runDuedesk(['db', 'copy', file, db.url], configDir);
    // Fresh statistics, as autovacuum would have them on a ledger in use.
    await db.run('ANALYZE');
    return { db, configDir, cli: compiledCli() };
  },
  async ours(c) {
    const run = await runNode([c.cli, '--db', c.db.url, '--config-dir', c.configDir, '--send-due', '--dry-run', '--json', '--as-of', BENCH_AS_OF]);
    if (!run.stdout.startsWith('{"asOf"')) throw new Error(`duedesk printed no plan: ${run.stdout.slice(0, 200)}`);
    return { ms: run.ms, cpuMs: run.cpuMs };
  },
  reference: (c) => runPsql(c.db.url),
  teardown: (c) => c.db.dispose(),
});

/** The PostgreSQL planning benchmark. */
export const benchmarks: Benchmark[] = [pgPlanning];
