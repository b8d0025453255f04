import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/storage/sqljs/database.js';
import { loadSqlEngine } from '../../src/storage/sqljs/sql-engine.js';
import { migrate } from '../../src/storage/sqljs/migrate.js';
import { UserError } from '../../src/core/exit-codes.js';
import { tempDir } from './temp-dir.js';

/** A real duedesk database of several pages (so there is something to truncate). */
async function realDatabaseBytes(): Promise<Uint8Array> {
  const engine = await loadSqlEngine();
  const db = new engine.Database();
  migrate(db, 'setup');
  for (let i = 0; i < 300; i++) {
    db.run("INSERT INTO customers (code, name, currency) VALUES (?, ?, 'EUR')", [`C${i}`, 'x'.repeat(100)]);
  }
  return db.export();
}

/** Open `bytes` written to a file; expect a UserError and the folder exactly as it was. */
async function expectRefused(bytes: Uint8Array, message: RegExp): Promise<void> {
  const dir = tempDir();
  const file = join(dir, 'duedesk.db');
  writeFileSync(file, bytes);
  const error = await openStore({ path: file }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).exitCode).toBe(2);
  expect((error as UserError).message).toContain(file);
  expect((error as UserError).message).toMatch(message);
  expect(readFileSync(file).equals(Buffer.from(bytes))).toBe(true);
  expect(readdirSync(dir)).toEqual(['duedesk.db']);
}

describe('damaged or foreign database files are refused and left untouched', () => {
  it('a text file', async () => {
    await expectRefused(Buffer.from('code,name\nC1,Acme\n'.repeat(20)), /not a duedesk database \(not an SQLite file\)/);
  });

  it('a file shorter than an SQLite header', async () => {
    await expectRefused(Buffer.from('SQLite format 3\0'), /too short/);
  });

  it('a database truncated at a page boundary', async () => {
    const bytes = await realDatabaseBytes();
    await expectRefused(bytes.subarray(0, 4096 * 2), /^the database .* is damaged: truncated database/);
  });

  it('a database truncated mid-page', async () => {
    const bytes = await realDatabaseBytes();
    await expectRefused(bytes.subarray(0, 4096 * 2 + 1000), /^the database .* is damaged: truncated or corrupt/);
  });

  it('a database whose schema page is overwritten', async () => {
    const bytes = Uint8Array.from(await realDatabaseBytes());
    bytes.fill(0xa5, 100, 4096);
    await expectRefused(bytes, /^the database .* is damaged: /);
  });

  it('an SQLite database of another program', async () => {
    const engine = await loadSqlEngine();
    const db = new engine.Database();
    db.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)');
    await expectRefused(db.export(), /not a duedesk database/);
  });

  it('a folder where the database file should be', async () => {
    const dir = tempDir();
    const error = await openStore({ path: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message.startsWith(`${dir}: cannot open database (EISDIR`)).toBe(true);
  });

  it('a file damaged while open: refresh and write refuse, the damaged file stays as it is', async () => {
    const file = join(tempDir(), 'a.db');
    const store = await openStore({ path: file });
    await store.write(async (sql) => sql.run("INSERT INTO customers (code, name, currency) VALUES ('C1', 'x', 'EUR')"));
    writeFileSync(file, 'overwritten by some other program, long enough to pass the length check '.repeat(3));
    const damaged = readFileSync(file);
    expect(() => store.refresh()).toThrow(new UserError(`${file}: not a duedesk database (not an SQLite file)`));
    await expect(store.write(() => 1)).rejects.toThrow(/not an SQLite file/);
    expect(readFileSync(file).equals(damaged)).toBe(true);
    // sql.js still holds the last good state in memory; node:sqlite reads the file in place, so it
    // meets the damage and says so (docs/architecture.md §4).
    if (store.engine === 'sqljs') expect(store.db.exec('SELECT code FROM customers')[0]?.values).toEqual([['C1']]);
    else expect(() => store.db.exec('SELECT code FROM customers')).toThrow(/file is not a database/);
    store.close();
  });

  it('an empty file is taken as a new database', async () => {
    const file = join(tempDir(), 'empty.db');
    writeFileSync(file, '');
    const store = await openStore({ path: file });
    expect(store.db.exec('SELECT COUNT(*) FROM customers')[0]?.values).toEqual([[0]]);
    expect(readFileSync(file).subarray(0, 15).toString()).toBe('SQLite format 3');
    store.close();
  });
});
