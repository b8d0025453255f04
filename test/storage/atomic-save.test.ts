import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLedger } from '../../src/storage/open-ledger.js';
import { removeStaleTemps, writeFileAtomic } from '../../src/files/atomic-file.js';
import { getCustomer, upsertCustomers } from '../../src/storage/customers.js';
import { aCustomer, valuesOf } from '../helpers/store.js';
import { runFixture } from './fixtures/spawn.js';
import { tempDir } from './temp-dir.js';
import { canMount, fullAfter, mountSmallDisk } from '../helpers/file-faults.js';

describe('atomic save', () => {
  it('replaces the file and leaves no temp behind', async () => {
    const dir = tempDir();
    const file = join(dir, 'f.bin');
    writeFileSync(file, 'old');
    await writeFileAtomic(file, Buffer.from('new content'));
    expect(readFileSync(file, 'utf8')).toBe('new content');
    expect(readdirSync(dir)).toEqual(['f.bin']);
  });

  it('a write the disk refuses (full, or short with no progress) keeps the old file, removes its temp and names the target', async () => {
    // Root: a real tmpfs with no page left. Otherwise writes refused after 10 bytes.
    const disk = canMount ? mountSmallDisk(64) : null;
    const dir = disk?.dir ?? tempDir();
    try {
      const file = join(dir, 'f.bin');
      writeFileSync(file, 'old');
      disk?.fill(0);
      const write = writeFileAtomic(file, Buffer.alloc(100_000, 7), disk ? {} : { open: fullAfter(10) });
      await expect(write).rejects.toMatchObject({ message: `cannot write ${file}: disk full`, exitCode: 2 });
      expect(readFileSync(file, 'utf8')).toBe('old');
      expect(readdirSync(dir).filter((name) => name !== 'filler')).toEqual(['f.bin']);
    } finally {
      disk?.remove();
    }
  });

  it('a save failing before the rename keeps the previous file and the store reloads it', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.db');
    let failNext = false;
    const store = await openLedger(file, { seams: { beforeRename: () => { if (failNext) throw new Error('simulated crash'); } } });
    await store.write((sql) => upsertCustomers(sql, [aCustomer({ code: 'KEPT' })]));
    const before = readFileSync(file);
    failNext = true;
    await expect(store.write((sql) => upsertCustomers(sql, [aCustomer({ code: 'LOST' })]))).rejects.toThrow('simulated crash');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(await store.read((sql) => getCustomer(sql, 'KEPT'))).not.toBeNull();
    expect(await store.read((sql) => getCustomer(sql, 'LOST'))).toBeNull();
    failNext = false;
    await store.write((sql) => upsertCustomers(sql, [aCustomer({ code: 'LATER' })]));
    expect(await store.read((sql) => getCustomer(sql, 'LATER'))).not.toBeNull();
    // export() reopens the sql.js connection; foreign keys must still be enforced afterwards.
    expect(await valuesOf(store, 'PRAGMA foreign_keys')).toEqual([[1]]);
    await store.close();
  });

  it('a process killed between fsync and rename leaves the previous file; the next open removes its temp', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.db');
    const setup = await openLedger(file);
    await setup.write((sql) => upsertCustomers(sql, [aCustomer({ code: 'BEFORE' })]));
    await setup.close();
    const before = readFileSync(file);

    const child = await runFixture('crash-save.ts', [file, 'DURING']);
    expect(child.code, child.stderr).toBe(9);
    expect(readFileSync(file).equals(before)).toBe(true);
    const temps = readdirSync(dir).filter((n) => n.startsWith(`a.db.tmp-${child.pid}-`));
    expect(temps).toHaveLength(1);
    // The temp holds the complete new database: only the rename was missing.
    expect(readFileSync(join(dir, temps[0] ?? '')).length).toBeGreaterThan(0);

    const store = await openLedger(file, { lockTimeoutMs: 1000 });
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
    expect(await store.read((sql) => getCustomer(sql, 'BEFORE'))).not.toBeNull();
    expect(await store.read((sql) => getCustomer(sql, 'DURING'))).toBeNull();
    // The dead child's lock is stale and does not block the next write.
    await store.write((sql) => upsertCustomers(sql, [aCustomer({ code: 'AFTER' })]));
    expect(await store.read((sql) => getCustomer(sql, 'AFTER'))).not.toBeNull();
    await store.close();
  });

  it('keeps temps of live processes and unrelated files', () => {
    const dir = tempDir();
    const file = join(dir, 'a.db');
    const mine = `${file}.tmp-${process.pid}-abc123`;
    const other = join(dir, 'b.db.tmp-999999999-abc123');
    writeFileSync(mine, 'x');
    writeFileSync(other, 'x');
    expect(removeStaleTemps(file)).toEqual([]);
    expect(existsSync(mine) && existsSync(other)).toBe(true);
  });
});
