import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/storage/database.js';
import { getCustomer, listCustomers, upsertCustomers } from '../../src/storage/customers.js';
import { aCustomer } from '../helpers/store.js';
import { runFixture } from './fixtures/spawn.js';
import { tempDir } from './temp-dir.js';

const WRITES = 30;

describe('two processes writing the same file', () => {
  it('lose none of each other’s writes (real child processes, created at the same time)', async () => {
    const dir = tempDir();
    const barrier = tempDir();
    const file = join(dir, 'shared.db');
    const [a, b] = await Promise.all([
      runFixture('writer.ts', [file, 'A', String(WRITES), barrier, '2']),
      runFixture('writer.ts', [file, 'B', String(WRITES), barrier, '2']),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const store = await openStore({ path: file });
    const codes = new Set(listCustomers(store.db).map((c) => c.code));
    for (let i = 0; i < WRITES; i++) {
      expect(codes.has(`A-${i}`), `A-${i}`).toBe(true);
      expect(codes.has(`B-${i}`), `B-${i}`).toBe(true);
    }
    expect(codes.size).toBe(2 * WRITES);
    // Insertion order shows the writers took turns (waiters are served first), not one after the other.
    const order = store.db.exec('SELECT name FROM customers ORDER BY rowid')[0]?.values.map((r) => r[0]) ?? [];
    const turns = order.filter((writer, i) => i > 0 && writer !== order[i - 1]).length;
    expect(turns).toBeGreaterThanOrEqual(2);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
    store.close();
  });

  it('a store writing on an old view reloads first instead of overwriting', async () => {
    const file = join(tempDir(), 'a.db');
    const one = await openStore({ path: file });
    const two = await openStore({ path: file });
    await one.write((db) => upsertCustomers(db, [aCustomer({ code: 'FROM-ONE' })]));
    await two.write((db) => upsertCustomers(db, [aCustomer({ code: 'FROM-TWO' })]));
    one.refresh();
    expect(listCustomers(one.db).length).toBe(2);
    expect(getCustomer(two.db, 'FROM-ONE')).not.toBeNull();
    one.close();
    two.close();
  });

  it('refresh is a no-op when nothing changed and picks up another store’s save', async () => {
    const file = join(tempDir(), 'a.db');
    const reader = await openStore({ path: file });
    const writer = await openStore({ path: file });
    const before = reader.db;
    reader.refresh();
    expect(reader.db).toBe(before);
    await writer.write((db) => upsertCustomers(db, [aCustomer({ code: 'NEW' })]));
    expect(getCustomer(reader.db, 'NEW')).toBeNull();
    reader.refresh();
    expect(getCustomer(reader.db, 'NEW')).not.toBeNull();
    reader.close();
    writer.close();
  });
});
