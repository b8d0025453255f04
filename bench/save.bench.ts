/**
 * Save benchmark: one small change saved through Store.write() on a database of 1,000,000 items
 * (quick: 10,000) — lock, freshness check, transaction, export, temp file, fsync, rename, folder
 * fsync — beside the bare minimum on the same bytes in the same engine: the same change, then
 * sql.js export() + write + fsync. The difference is what atomicity and the lock cost.
 */
import { closeSync, copyFileSync, fsyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'sql.js';
import { openStore } from '../src/storage/sqljs/database.js';
import { loadSqlEngine } from '../src/storage/sqljs/sql-engine.js';
import type { Store } from '../src/storage/sqljs/store.js';
import { benchSize, removeBeside, ensureDatabase, ensureDataset } from './lib/dataset.js';
import { defineBenchmark, type Benchmark } from './types.js';

interface SaveContext {
  store: Store;
  raw: Database;
  rawPath: string;
  workDir: string;
  customer: string;
  counter: number;
}

const CHANGE = 'UPDATE customers SET notes = ? WHERE code = ?';

const save = defineBenchmark<SaveContext>({
  name: 'save: 1M-item database via Store.write vs export + write + fsync',
  target: { measure: 'time', ratio: 1.2 },
  // A save takes about a second: more repetitions are cheap and steady the median.
  repetitions: 9,
  async setup({ quick, workDir }) {
    const size = benchSize(quick);
    const data = ensureDataset(size);
    const base = await ensureDatabase(data, ['customers', 'items'], `items-${size.customers}x${size.itemsPerCustomer}`);
    const oursPath = join(workDir, 'ours.sqlite');
    const rawPath = join(workDir, 'raw.sqlite');
    rmSync(oursPath, { force: true });
    copyFileSync(base, oursPath);
    const store = await openStore({ path: oursPath });
    const engine = await loadSqlEngine();
    const raw = new engine.Database(readFileSync(base));
    const first = store.db.exec('SELECT code FROM customers ORDER BY code LIMIT 1')[0]?.values[0]?.[0];
    if (typeof first !== 'string') throw new Error('the benchmark database has no customers');
    return { store, raw, rawPath, workDir, customer: first, counter: 0 };
  },
  async ours(c) {
    c.counter += 1;
    await c.store.write(async (sql) => sql.run(CHANGE, [`bench ${c.counter}`, c.customer]));
  },
  reference(c) {
    c.counter += 1;
    c.raw.run(CHANGE, [`bench ${c.counter}`, c.customer]);
    const bytes = c.raw.export();
    const fd = openSync(c.rawPath, 'w');
    try {
      let written = 0;
      while (written < bytes.byteLength) written += writeSync(fd, bytes, written, bytes.byteLength - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  },
  teardown(c) {
    c.store.close();
    c.raw.close();
    removeBeside(c.workDir, ['ours.sqlite', 'raw.sqlite']);
  },
});

/** The save benchmark. */
export const benchmarks: Benchmark[] = [save];
