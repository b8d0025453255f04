/**
 * The two SQLite engines of a file ledger side by side, as whole processes, with CPU time and peak
 * memory of every run (GNU time's accounting of the finished child): importing items against
 * SQLite's own bulk path (`sqlite3 .import` into a staging table, then one INSERT…SELECT into
 * duedesk's schema), and the dry-run plan on two data shapes — fresh (items and payments, no
 * history) and fully due (the same ledger planned a year later, so every open item is due).
 * Usage (Node 20 runs sql.js; NODE22 is a Node 22.5+ binary for node:sqlite):
 *   tsx bench/engines.ts --customers 20000 --node22 NODE22 [--runs 3]
 * Writes its rows into bench/results.json (replacing rows of the same name).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from './generate.js';
import { summarize } from './lib/stats.js';

const { values } = parseArgs({ options: { customers: { type: 'string', default: '20000' }, node22: { type: 'string' }, runs: { type: 'string', default: '3' } } });
const customers = Number(values.customers);
const runs = Number(values.runs);
const node22 = values.node22 ?? process.env.DUEDESK_BENCH_NODE22;
if (node22 === undefined) throw new Error('--node22 PATH (a Node 22.5+ binary) is needed for the native engine');
const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'src', 'cli.tsx');
const work = join(tmpdir(), `duedesk-engines-${customers}`);
mkdirSync(work, { recursive: true });
const config = join(work, 'config');
const AS_OF = '2026-11-23';
const FULLY_DUE = '2027-11-23';

/** One measured run: wall and CPU milliseconds, peak resident MiB. */
interface Run {
  ms: number;
  cpuMs: number;
  peakMiB: number;
}

/** Run `command` under GNU time; its stdout is kept in `out` when given. */
function timed(command: string[], out?: string): Run {
  const report = join(work, 'time.txt');
  const run = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', report, ...command], { encoding: 'utf8', maxBuffer: 1 << 30, cwd: ROOT });
  if (run.status !== 0) throw new Error(`${command.join(' ')}: exit ${run.status}: ${run.stderr}`);
  if (out !== undefined) writeFileSync(out, run.stdout);
  const [wall, user, sys, kb] = readFileSync(report, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { ms: wall! * 1000, cpuMs: (user! + sys!) * 1000, peakMiB: kb! / 1024 };
}

const duedesk = (engine: 'sqljs' | 'native', db: string, ...args: string[]): string[] => [
  engine === 'native' ? node22 : process.execPath, '--import', 'tsx', CLI, '--config-dir', config, '--db', db, '--engine', engine, ...args,
];

const data = generate({ customers, itemsPerCustomer: 10, seed: 1, dir: join(work, 'csv'), asOf: AS_OF });
const base = join(work, 'customers.sqlite');
if (!existsSync(base)) timed(duedesk('sqljs', base, 'import', 'customers', data.customersFile));
const staging = join(work, 'reference.sql');
writeFileSync(staging, `.bail on
.import --csv ${data.itemsFile} staging_items
BEGIN;
INSERT INTO items (customer_code, number, kind, issue_date, due_date, amount, open_amount, currency, reference, case_ref, hold_until)
  SELECT customer_code, number, kind, issue_date, due_date, CAST(round(amount * 100) AS INTEGER), CAST(round(open_amount * 100) AS INTEGER),
    currency, NULLIF(reference, ''), NULLIF("case", ''), NULLIF(hold_until, '') FROM staging_items;
DROP TABLE staging_items;
COMMIT;
`);

/** Each side `runs` times, alternating which goes first, each from a fresh copy when `fresh`. */
function pair(ours: () => Run, reference: () => Run): { ours: Run[]; reference: Run[] } {
  const result = { ours: [] as Run[], reference: [] as Run[] };
  ours();
  reference();
  for (let i = 0; i < runs; i += 1) {
    if (i % 2 === 0) {
      result.ours.push(ours());
      result.reference.push(reference());
    } else {
      result.reference.push(reference());
      result.ours.push(ours());
    }
  }
  return result;
}

function importWith(engine: 'sqljs' | 'native'): Run {
  const db = join(work, `import-${engine}.sqlite`);
  rmSync(db, { force: true });
  copyFileSync(base, db);
  return timed(duedesk(engine, db, 'import', 'items', data.itemsFile));
}

function importReference(): Run {
  const db = join(work, 'import-reference.sqlite');
  rmSync(db, { force: true });
  copyFileSync(base, db);
  return timed(['sh', '-c', `sqlite3 '${db}' < '${staging}'`]);
}

const size = `${customers.toLocaleString('en')} customers / ${(data.items).toLocaleString('en')} items`;
const rows: Record<string, unknown>[] = [];
function row(name: string, measured: { ours: Run[]; reference: Run[] }): void {
  const ours = summarize(measured.ours.map((r) => r.ms));
  const reference = summarize(measured.reference.map((r) => r.ms));
  const cpu = { ours: summarize(measured.ours.map((r) => r.cpuMs)), reference: summarize(measured.reference.map((r) => r.cpuMs)) };
  const peakMiB = { ours: summarize(measured.ours.map((r) => r.peakMiB)), reference: summarize(measured.reference.map((r) => r.peakMiB)) };
  rows.push({ name, file: 'engines.ts', unit: 'ms', ours, reference, ratio: ours.median / reference.median, cpuRatio: cpu.ours.median / cpu.reference.median, target: null, absolute: null, met: null, repetitions: runs, error: null, cpu, peakMiB, measuredAt: new Date().toISOString() });
  process.stdout.write(`${name}\n  ours CPU ${(cpu.ours.median / 1000).toFixed(2)} s, peak ${peakMiB.ours.median.toFixed(0)} MiB; reference CPU ${(cpu.reference.median / 1000).toFixed(2)} s, peak ${peakMiB.reference.median.toFixed(0)} MiB; CPU ratio ${(cpu.ours.median / cpu.reference.median).toFixed(2)}\n`);
}

for (const engine of ['sqljs', 'native'] as const) {
  row(`engines: import items (${size}), duedesk on ${engine} vs sqlite3 .import + INSERT…SELECT`, pair(() => importWith(engine), importReference));
}
// The plans: one ledger holding customers, items and payments, planned by each engine.
const ledger = join(work, 'plan.sqlite');
rmSync(ledger, { force: true });
copyFileSync(base, ledger);
timed(duedesk('sqljs', ledger, 'import', 'items', data.itemsFile));
timed(duedesk('sqljs', ledger, 'import', 'payments', data.paymentsFile));
for (const [shape, asOf] of [['fresh, no history', AS_OF], ['fully due', FULLY_DUE]] as const) {
  const outputs = { sqljs: join(work, 'sqljs.json'), native: join(work, 'native.json') };
  const plan = (engine: 'sqljs' | 'native') => () => timed(duedesk(engine, ledger, '--send-due', '--dry-run', '--json', '--as-of', asOf), outputs[engine]);
  row(`engines: dry-run plan, ${shape} (${size}), native engine vs sql.js`, pair(plan('native'), plan('sqljs')));
  if (!readFileSync(outputs.sqljs).equals(readFileSync(outputs.native))) throw new Error(`the engines planned ${shape} differently`);
}

const resultsFile = join(ROOT, 'bench', 'results.json');
const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as { results: { name: string }[]; machine: unknown };
const names = new Set(rows.map((r) => r.name));
results.results = [...results.results.filter((r) => !names.has(r.name)), ...(rows as unknown as { name: string }[])];
const cpu = cpus();
(results as Record<string, unknown>).enginesMachine = { node: `${process.version} (sql.js) and ${spawnSync(node22, ['--version'], { encoding: 'utf8' }).stdout.trim()} (native)`, cpus: cpu.length, cpuModel: cpu[0]?.model ?? 'unknown', loadAverage: (await import('node:os')).loadavg().map((n) => Number(n.toFixed(1))) };
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`rows written to ${resultsFile}\n`);
