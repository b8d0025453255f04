/**
 * The sql.js adapter behind the ledger port: which adapter a location opens, writes that await
 * inside their transaction, one write at a time, and reads that never see a write's uncommitted rows.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/exit-codes.js';
import { openLedger } from '../../src/storage/open-ledger.js';
import type { Sql } from '../../src/storage/sql.js';
import { openWritable, type OpenWritable } from '../../src/files/write-all.js';
import { tempDir } from './temp-dir.js';

const count = async (sql: Sql): Promise<number> => Number((await sql.all('SELECT count(*) AS n FROM customers'))[0]?.n);
const addCustomer = (sql: Sql, code: string): Promise<number> =>
  sql.run("INSERT INTO customers (code, name, language, currency) VALUES (?, ?, 'en', 'EUR')", [code, `Customer ${code}`]);

/** Resolves when `predicate` holds, checking on every turn of the event loop (never a fixed sleep). */
async function until(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setImmediate(resolve));
}

describe('openLedger', () => {
  it('opens a file path as a file ledger, null as memory, and says where each lives', async () => {
    const path = join(tempDir(), 'duedesk.db');
    const file = await openLedger(path);
    const memory = await openLedger(null);
    expect([file.kind, file.location]).toEqual(['file', path]);
    expect([memory.kind, memory.location]).toEqual(['memory', 'in-memory database']);
    await file.write((sql) => addCustomer(sql, 'C1'));
    await file.close();
    await memory.close();
    const again = await openLedger(path);
    expect(await again.read(count)).toBe(1);
    await again.close();
  });

  it.each(['postgres://clerk@localhost/duedesk?host=/nonexistent', 'postgresql://clerk:s3cret@localhost/ledger?host=/nonexistent'])(
    'opens %s on PostgreSQL, and says clearly (password masked) when no server answers',
    async (url) => {
      const error = await openLedger(url).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toMatch(/^cannot connect to the ledger postgres(ql)?:\/\/clerk(:\*\*\*)?@localhost\/\w+\?host=\/nonexistent: /);
      expect((error as Error).message).not.toContain('s3cret');
    },
  );
});

describe('a file ledger saving a write', () => {
  it('lets reads run once the write is committed, while the file is still being written', async () => {
    let hold = false;
    let reached = false;
    let release: () => void = () => undefined;
    // The save's temp file stalls on its first write while `hold` is set.
    const open: OpenWritable = async (path, flags, mode) => {
      const file = await openWritable(path, flags, mode);
      return {
        write: async (buffer, offset, length) => {
          if (hold) {
            hold = false;
            reached = true;
            await new Promise<void>((resolve) => (release = resolve));
          }
          return file.write(buffer, offset, length);
        },
        sync: () => file.sync(),
        datasync: () => file.datasync(),
        truncate: (length) => file.truncate(length),
        stat: () => file.stat(),
        close: () => file.close(),
      };
    };
    // The seam is the sql.js engine's temp file (node:sqlite writes its copy itself).
    const ledger = await openLedger(join(tempDir(), 'duedesk.db'), { seams: { open }, engine: 'sqljs' });
    hold = true;
    const writing = ledger.write((sql) => addCustomer(sql, 'C1'));
    await until(() => reached);
    expect(await ledger.read(count)).toBe(1);
    release();
    await writing;
    expect(await ledger.read(count)).toBe(1);
    await ledger.close();
  });
});

describe.each(['memory', 'file'] as const)('a %s ledger', (kind) => {
  const open = () => openLedger(kind === 'memory' ? null : join(tempDir(), 'duedesk.db'));

  it('keeps an awaiting change whole, or none of it when it throws', async () => {
    const ledger = await open();
    await ledger.write(async (sql) => {
      await addCustomer(sql, 'C1');
      await addCustomer(sql, 'C2');
    });
    const failing = ledger.write(async (sql) => {
      await addCustomer(sql, 'C3');
      throw new Error('changed my mind');
    });
    await expect(failing).rejects.toThrow('changed my mind');
    expect(await ledger.read(count)).toBe(2);
    await ledger.close();
  });

  it('runs writes one at a time in call order and holds reads behind a write under way', async () => {
    const ledger = await open();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted = false;
    const first = ledger.write(async (sql) => {
      await addCustomer(sql, 'C1');
      inserted = true;
      await gate;
      return 'first';
    });
    const second = ledger.write(async (sql) => `second saw ${await count(sql)}`);
    await until(() => inserted);
    let readDone = false;
    const read = ledger.read(count).finally(() => (readDone = true));
    // The read waits for the write; once released it sees the committed row, never half a write.
    await new Promise((resolve) => setImmediate(resolve));
    expect(readDone).toBe(false);
    release();
    expect(await Promise.all([first, second, read])).toEqual(['first', 'second saw 1', 1]);
    await ledger.close();
  });

  it('lets a read inside a write see the write’s own rows, and refuses a write inside it', async () => {
    const ledger = await open();
    const seen = await ledger.write(async (sql) => {
      await addCustomer(sql, 'C1');
      return ledger.read(count);
    });
    expect(seen).toBe(1);
    await expect(ledger.write(() => ledger.write(async () => 0))).rejects.toThrow(/cannot start inside a read or write/);
    expect(await ledger.read(count)).toBe(1);
    await ledger.close();
  });
});
