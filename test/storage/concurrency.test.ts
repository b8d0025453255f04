import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openLedger } from '../../src/storage/open-ledger.js';
import { storeOf } from '../../src/storage/sqljs/sqljs-ledger.js';
import { getCustomer, listCustomers, upsertCustomers } from '../../src/storage/customers.js';
import { aCustomer, valuesOf } from '../helpers/store.js';
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
    const store = await openLedger(file);
    const codes = new Set((await store.read((sql) => listCustomers(sql))).map((c) => c.code));
    for (let i = 0; i < WRITES; i++) {
      expect(codes.has(`A-${i}`), `A-${i}`).toBe(true);
      expect(codes.has(`B-${i}`), `B-${i}`).toBe(true);
    }
    expect(codes.size).toBe(2 * WRITES);
    // Insertion order shows the writers took turns (waiters are served first), not one after the other.
    const order = (await valuesOf(store, 'SELECT name FROM customers ORDER BY rowid')).map((r) => r[0]);
    const turns = order.filter((writer, i) => i > 0 && writer !== order[i - 1]).length;
    expect(turns).toBeGreaterThanOrEqual(2);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
    await store.close();
  });

  it('a ledger writing on an old view reloads first instead of overwriting', async () => {
    const file = join(tempDir(), 'a.db');
    const one = await openLedger(file);
    const two = await openLedger(file);
    await one.write((sql) => upsertCustomers(sql, [aCustomer({ code: 'FROM-ONE' })]));
    await two.write((sql) => upsertCustomers(sql, [aCustomer({ code: 'FROM-TWO' })]));
    expect((await one.read((sql) => listCustomers(sql))).length).toBe(2);
    expect(await two.read((sql) => getCustomer(sql, 'FROM-ONE'))).not.toBeNull();
    await one.close();
    await two.close();
  });

  it('a read reloads the file only when another process saved it', async () => {
    const file = join(tempDir(), 'a.db');
    const reader = await openLedger(file);
    const writer = await openLedger(file);
    const loaded = storeOf(reader).db;
    expect(await reader.read((sql) => getCustomer(sql, 'NEW'))).toBeNull();
    expect(storeOf(reader).db).toBe(loaded);
    await writer.write((sql) => upsertCustomers(sql, [aCustomer({ code: 'NEW' })]));
    expect(await reader.read((sql) => getCustomer(sql, 'NEW'))).not.toBeNull();
    expect(storeOf(reader).db).not.toBe(loaded);
    await reader.close();
    await writer.close();
  });
});
