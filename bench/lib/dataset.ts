/**
 * Generated data sets and databases shared by benchmarks, cached under bench/data/ (git-ignored):
 * a 1M-item CSV takes seconds to write and its database much longer to build, so both are made
 * once and reused while their recipe is unchanged.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATOR_VERSION, generate, type GeneratedData, type GenerateOptions } from '../generate.js';
import { main as cli } from '../../src/cli/main.js';

/** bench/data, where generated files live. */
export const BENCH_DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');
/** The as-of date all benchmark data is generated around. */
export const BENCH_DATA_AS_OF = '2026-11-23';

/** Sizes used by the data-heavy benchmarks: full and --quick. */
export function benchSize(quick: boolean): { customers: number; itemsPerCustomer: number } {
  return quick ? { customers: 1_000, itemsPerCustomer: 10 } : { customers: 100_000, itemsPerCustomer: 10 };
}

/** The generated CSVs for this size and seed, generating them only when missing or stale. */
export function ensureDataset(size: { customers: number; itemsPerCustomer: number }, seed = 1): GeneratedData {
  const dir = join(BENCH_DATA_DIR, `csv-${size.customers}x${size.itemsPerCustomer}-s${seed}`);
  const options: GenerateOptions = { ...size, seed, dir, asOf: BENCH_DATA_AS_OF };
  const marker = join(dir, 'generated.json');
  const recipe = JSON.stringify({ version: GENERATOR_VERSION, customers: options.customers, itemsPerCustomer: options.itemsPerCustomer, seed, asOf: options.asOf });
  if (existsSync(marker)) {
    const saved = JSON.parse(readFileSync(marker, 'utf8')) as { recipe: string; data: GeneratedData };
    if (saved.recipe === recipe) return saved.data;
  }
  const data = generate(options);
  writeFileSync(marker, JSON.stringify({ recipe, data }));
  return data;
}

/** Run the duedesk CLI in-process with output discarded; throws with its stderr when it fails. */
export async function runDuedesk(args: string[], configDir: string): Promise<void> {
  let errors = '';
  const code = await cli([...args, '--config-dir', configDir], {
    stdout: { write: () => true },
    stderr: { write: (text: string) => { errors += text; return true; } },
    env: {},
    cwd: process.cwd(),
  });
  if (code !== 0) throw new Error(`duedesk ${args.join(' ')} exited ${code}: ${errors.trim().split('\n').slice(0, 3).join(' | ')}`);
}

/**
 * A duedesk database holding the generated customers (and items/payments when asked), built through
 * the real import once and cached beside a marker naming its recipe.
 */
export async function ensureDatabase(data: GeneratedData, tables: Array<'customers' | 'items' | 'payments'>, name: string): Promise<string> {
  const dir = join(BENCH_DATA_DIR, 'db');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.sqlite`);
  const marker = `${path}.json`;
  const recipe = JSON.stringify({ version: GENERATOR_VERSION, data, tables });
  if (existsSync(path) && existsSync(marker) && readFileSync(marker, 'utf8') === recipe) return path;
  rmSync(marker, { force: true });
  rmSync(path, { force: true });
  const files = { customers: data.customersFile, items: data.itemsFile, payments: data.paymentsFile };
  for (const table of tables) await runDuedesk(['import', table, files[table], '--db', path], join(dir, 'config'));
  writeFileSync(marker, recipe);
  return path;
}

/** Remove the named files of `dir` and everything beside them carrying their name (locks, temps). */
export function removeBeside(dir: string, names: readonly string[]): void {
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir)) {
    if (names.some((name) => file.startsWith(name))) rmSync(join(dir, file), { force: true });
  }
}
