/**
 * `npm run bench [-- --quick] [-- --only NAME]`: discover bench/*.bench.ts, run every benchmark with
 * its reference in the same process, print a table and write the figures to bench/results.json
 * (--quick: bench/results.local.json, git-ignored, so quick CI runs never overwrite real figures).
 * Exit 1 when a benchmark failed to run; missing a target is reported, never an error.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Benchmark } from './types.js';
import { runBenchmark, type BenchResult } from './lib/harness.js';
import { formatTable, mergeResults, type ResultsFile } from './lib/report.js';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const USAGE = 'usage: npm run bench [-- --quick] [-- --only NAME]... (NAME matches a benchmark or file name, case-insensitive)';

/** Parsed command line of the bench runner. */
export interface RunArgs {
  quick: boolean;
  only: string[];
  help: boolean;
}

/** Parse the runner's flags; throws with a usage message on anything unknown. */
export function parseRunArgs(argv: readonly string[]): RunArgs {
  const args: RunArgs = { quick: false, only: [], help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--quick') args.quick = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--only') {
      const name = argv[i + 1];
      if (name === undefined || name.startsWith('--')) throw new Error(`--only needs a name\n${USAGE}`);
      args.only.push(name.toLowerCase());
      i += 1;
    } else throw new Error(`unknown argument "${arg}"\n${USAGE}`);
  }
  return args;
}

/** True when the benchmark is selected by --only (no --only = all). */
export function selected(only: readonly string[], file: string, name: string): boolean {
  if (only.length === 0) return true;
  const haystack = [file.toLowerCase(), name.toLowerCase()];
  return only.some((needle) => haystack.some((text) => text.includes(needle)));
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function garbageCollector(): () => void {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    if (typeof gc === 'function') return () => (gc as () => void)();
  } catch {
    // Without an exposed collector the runs are only a little noisier.
  }
  return () => undefined;
}

async function loadBenchmarks(file: string): Promise<Benchmark[]> {
  const module = (await import(pathToFileURL(join(BENCH_DIR, file)).href)) as { benchmarks?: unknown };
  if (!Array.isArray(module.benchmarks)) throw new Error(`${file} does not export benchmarks: Benchmark[]`);
  return module.benchmarks as Benchmark[];
}

async function main(): Promise<number> {
  const args = parseRunArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const files = readdirSync(BENCH_DIR).filter((f) => f.endsWith('.bench.ts')).sort();
  const collect = garbageCollector();
  const results: BenchResult[] = [];
  for (const file of files) {
    let benchmarks: Benchmark[];
    try {
      benchmarks = await loadBenchmarks(file);
    } catch (error) {
      if (!selected(args.only, file, '')) continue;
      const message = error instanceof Error ? error.message : String(error);
      results.push({ name: basename(file, '.bench.ts'), file, unit: 'ms', ours: null, reference: null, ratio: null, target: null, absolute: null, met: null, repetitions: 0, error: `cannot load: ${message}` });
      continue;
    }
    for (const benchmark of benchmarks) {
      if (!selected(args.only, file, benchmark.name)) continue;
      const workDir = join(BENCH_DIR, 'data', `${slug(benchmark.name)}${args.quick ? '-quick' : ''}`);
      mkdirSync(workDir, { recursive: true });
      const log = (line: string): void => void process.stderr.write(`  ${line}\n`);
      const result = await runBenchmark(benchmark, file, { quick: args.quick, workDir, collect, log });
      results.push(result);
      process.stderr.write(`${formatTable([result])}\n`);
    }
  }
  if (results.length === 0) {
    process.stderr.write(`no benchmark matched${args.only.length > 0 ? ` --only ${args.only.join(', ')}` : ''}\n`);
    return 2;
  }
  const outFile = join(BENCH_DIR, args.quick ? 'results.local.json' : 'results.json');
  const previous = existsSync(outFile) ? (JSON.parse(readFileSync(outFile, 'utf8')) as ResultsFile) : null;
  const cpu = cpus();
  const merged = mergeResults(previous, results, {
    updatedAt: new Date().toISOString(),
    machine: { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: cpu.length, cpuModel: cpu[0]?.model ?? 'unknown' },
    quick: args.quick,
  });
  writeFileSync(outFile, `${JSON.stringify(merged, null, 2)}\n`);
  process.stdout.write(formatTable(results));
  process.stdout.write(`figures written to ${outFile}\n`);
  return results.some((r) => r.error !== null) ? 1 : 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
