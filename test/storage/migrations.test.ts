import { describe, expect, it } from 'vitest';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { appliedVersion, checkSchema, latestVersion, migrate } from '../../src/storage/sqljs/migrate.js';
import { MIGRATIONS } from '../../src/storage/sqljs/migrations/index.js';
import { loadSqlEngine } from '../../src/storage/sqljs/sql-engine.js';
import { openStore } from '../../src/storage/sqljs/database.js';
import { UserError } from '../../src/core/exit-codes.js';
import { tempDir } from './temp-dir.js';
import { databaseBefore } from '../helpers/old-database.js';

const fixedNow = (): Date => new Date('2026-03-01T10:00:00Z');
const next = latestVersion() + 1;
const extra = [...MIGRATIONS, { version: next, name: 'extra', sql: 'CREATE TABLE extra (x INTEGER);' }];

describe('migrations', () => {
  it('numbers migrations 1..N without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('applies every migration once to a fresh database', async () => {
    const store = await openStore({ path: null });
    const rows = store.db.exec('SELECT version, name FROM schema_migrations')[0]?.values;
    expect(rows).toEqual(MIGRATIONS.map((m) => [m.version, m.name]));
    expect(migrate(store.db, 'test')).toBe(0);
    expect(store.db.exec('SELECT COUNT(*) FROM schema_migrations')[0]?.values).toEqual([[MIGRATIONS.length]]);
  });

  it('applies only the pending ones and records when', async () => {
    const store = await openStore({ path: null });
    expect(migrate(store.db, 'test', extra, fixedNow)).toBe(1);
    expect(appliedVersion(store.db)).toBe(next);
    expect(store.db.exec('SELECT applied_at FROM schema_migrations WHERE version = ?', [next])[0]?.values).toEqual([
      ['2026-03-01T10:00:00.000Z'],
    ]);
    expect(migrate(store.db, 'test', extra, fixedNow)).toBe(0);
  });

  it('rolls back all pending migrations when one fails', async () => {
    const store = await openStore({ path: null });
    const broken = [...extra, { version: next + 1, name: 'broken', sql: 'CREATE TABLE nonsense (' }];
    expect(() => migrate(store.db, 'test', broken)).toThrow();
    expect(appliedVersion(store.db)).toBe(latestVersion());
    expect(store.db.exec("SELECT name FROM sqlite_master WHERE name = 'extra'")).toEqual([]);
  });

  it('refuses a database written by a newer duedesk', async () => {
    const store = await openStore({ path: null });
    migrate(store.db, 'test', extra);
    expect(() => checkSchema(store.db, 'my.db')).toThrow(
      `my.db: written by a newer duedesk (schema ${next}, this version knows ${latestVersion()})`,
    );
  });

  it('refuses to open a newer file and leaves it untouched', async () => {
    const engine = await loadSqlEngine();
    const db = new engine.Database();
    migrate(db, 'setup');
    db.run("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01')");
    const file = join(tempDir(), 'future.db');
    writeFileSync(file, db.export());
    const before = readFileSync(file);
    const error = await openStore({ path: file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain(`written by a newer duedesk (schema 99, this version knows ${latestVersion()})`);
    expect((error as UserError).message).toContain(file);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('migrates a file once: reopening neither re-applies nor rewrites it', async () => {
    const file = join(tempDir(), 'sub', 'folder', 'a.db');
    (await openStore({ path: file })).close();
    const first = statSync(file, { bigint: true });
    const again = await openStore({ path: file });
    expect(again.db.exec('SELECT COUNT(*) FROM schema_migrations')[0]?.values).toEqual([[MIGRATIONS.length]]);
    const second = statSync(file, { bigint: true });
    expect([second.ino, second.mtimeNs]).toEqual([first.ino, first.mtimeNs]);
    again.close();
  });

  it('upgrades an older file to the current schema when opened', async () => {
    const engine = await loadSqlEngine();
    const db = new engine.Database();
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const file = join(tempDir(), 'old.db');
    writeFileSync(file, db.export());
    const store = await openStore({ path: file });
    expect(appliedVersion(store.db)).toBe(latestVersion());
    store.close();
    const reread = new engine.Database(readFileSync(file));
    expect(appliedVersion(reread)).toBe(latestVersion());
  });

  it('migration 4 gives existing payments the currency import read them in: the named item\'s, else the customer\'s', async () => {
    const db = await databaseBefore(4, { customer: 'BGN', item: 'EUR' });
    db.run(`INSERT INTO payments (reference, customer_code, date, amount, item_number, case_ref) VALUES
      ('P-ITEM', 'C001', '2026-02-01', 10, 'INV-1', NULL), ('P-ACCOUNT', 'C001', '2026-02-01', 10, NULL, NULL)`);
    migrate(db, 'old.db');
    expect(db.exec('SELECT reference, currency FROM payments ORDER BY reference')[0]?.values).toEqual([
      ['P-ACCOUNT', 'BGN'],
      ['P-ITEM', 'EUR'],
    ]);
    expect(db.exec('SELECT COUNT(*) FROM pragma_table_info(\'messages\') WHERE name = \'unapplied\'')[0]?.values).toEqual([[1]]);
    db.close();
  });
});
