/**
 * Measures saving and reloading a large duedesk database (100,000 customers / 1,000,000 items by
 * default): a whole Store.write (lock, change check, transaction, export, atomic save, unlock)
 * beside a bare db.export() + writeFile + fsync, plus the reload another process pays.
 * Usage: tsx bench/storage-save.ts [CUSTOMERS] [ITEMS] [FOLDER]
 */
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openLedger } from '../src/storage/open-ledger.js';
import { loadSqlEngine } from '../src/storage/sqljs/sql-engine.js';
import { migrate } from '../src/storage/sqljs/migrate.js';
import { writeFileAtomic } from '../src/files/atomic-file.js';
import { setHold } from '../src/storage/customers.js';

const customers = Number(process.argv[2] ?? 100_000);
const items = Number(process.argv[3] ?? 1_000_000);
const folder = process.argv[4] ?? mkdtempSync(join(tmpdir(), 'duedesk-bench-'));
const file = join(folder, 'bench.db');

function timed<T>(label: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  process.stdout.write(`${label.padEnd(44)} ${(performance.now() - started).toFixed(0).padStart(7)} ms\n`);
  return result;
}

async function timedAsync<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  process.stdout.write(`${label.padEnd(44)} ${(performance.now() - started).toFixed(0).padStart(7)} ms\n`);
  return result;
}

const engine = await loadSqlEngine();
const db = new engine.Database();
migrate(db, 'bench');
timed(`generate ${customers} customers, ${items} items`, () => {
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${customers})
    INSERT INTO customers (code, name, email, language, currency)
    SELECT printf('C%06d', i), 'Customer ' || i, 'ar' || i || '@example.com', 'en', 'EUR' FROM n`);
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${items})
    INSERT INTO items (customer_code, number, kind, issue_date, due_date, amount, open_amount, currency, reference)
    SELECT printf('C%06d', (i % ${customers}) + 1), printf('INV-%07d', i), 'invoice',
      date('2025-01-01', '+' || (i % 600) || ' days'), date('2025-01-31', '+' || (i % 600) || ' days'),
      1000 + (i * 7919) % 500000, CASE WHEN i % 2 = 0 THEN 0 ELSE 1000 + (i * 7919) % 500000 END, 'EUR',
      'REF' || i FROM n`);
});
const exported = timed('db.export()', () => db.export());
await timedAsync('writeFileAtomic (temp, fsync, rename, fsync dir)', () => writeFileAtomic(file, exported));
process.stdout.write(`file size ${(statSync(file).size / 1e6).toFixed(1)} MB\n`);

const raw = join(folder, 'raw.db');
timed('raw: db.export() + writeFile + fsync', () => {
  const bytes = db.export();
  const fd = openSync(raw, 'w');
  let written = 0;
  while (written < bytes.byteLength) written += writeSync(fd, bytes, written);
  fsyncSync(fd);
  closeSync(fd);
});
db.close();

const store = await timedAsync('openLedger (read + load + checks)', () => openLedger(file));
const reader = await openLedger(file);
for (let round = 1; round <= 3; round++) {
  await timedAsync(`Ledger.write (one-row change) #${round}`, () => store.write((sql) => setHold(sql, 'C000001', `2026-0${round}-01`)));
}
await timedAsync('read after another process saved (reload)', () => reader.read(async () => undefined));
await timedAsync('read when unchanged', () => reader.read(async () => undefined));
await store.close();
await reader.close();
if (!process.argv[4]) rmSync(folder, { recursive: true, force: true });
