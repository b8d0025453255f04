import { describe, expect, it } from 'vitest';
import { openSync, readdirSync, readFileSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/storage/database.js';
import { upsertCustomers } from '../../src/storage/customers.js';
import { aCustomer } from '../helpers/store.js';
import { sandbox, type Sandbox } from '../cli/io.js';

/**
 * A sandbox whose database has customers and a few hundred items, with one page of the items
 * table overwritten on disk (the header and the schema stay intact, so the file opens).
 */
export async function damagedSandbox(): Promise<Sandbox & { damaged: Buffer }> {
  const box = sandbox();
  const store = await openStore({ path: box.db });
  await store.write((db) => {
    upsertCustomers(db, [aCustomer({ code: 'C1' })]);
    for (let i = 0; i < 400; i++) {
      db.run(
        "INSERT INTO items (customer_code, number, kind, issue_date, due_date, amount, open_amount, currency) VALUES ('C1', ?, 'invoice', '2026-01-01', '2026-01-31', 100, 100, 'EUR')",
        [`INV-${i}-${'x'.repeat(40)}`],
      );
    }
  });
  const root = store.db.exec("SELECT rootpage FROM sqlite_master WHERE name = 'items'")[0]?.values[0]?.[0] as number;
  const pageSize = store.db.exec('PRAGMA page_size')[0]?.values[0]?.[0] as number;
  store.close();
  const fd = openSync(box.db, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
  closeSync(fd);
  return { ...box, damaged: readFileSync(box.db) };
}

describe('a database with a damaged page', () => {
  it('an import that does not touch the damaged page is refused: exit 2, the file stays as it was', async () => {
    const box = await damagedSandbox();
    writeFileSync(join(box.dir, 'customers.csv'), 'code,name\nC2,Beta Ltd\n');
    const { code, stdout, stderr } = await box.run(['import', 'customers', 'customers.csv']);
    expect(stderr).toMatch(new RegExp(`^duedesk: the database ${box.db.replace(/[.]/g, '\\.')} is damaged: `));
    expect(stderr).toContain('duedesk db check');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(readFileSync(box.db).equals(box.damaged)).toBe(true);
    expect(readdirSync(box.dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('a read that meets the damaged page says the same instead of "internal error"', async () => {
    const box = await damagedSandbox();
    const { code, stderr } = await box.run(['export', 'items']);
    expect(stderr).toBe(
      `duedesk: the database ${box.db} is damaged: database disk image is malformed; ` +
        'run "duedesk db check" for details and restore a backup\n',
    );
    expect(code).toBe(2);
    expect(readFileSync(box.db).equals(box.damaged)).toBe(true);
  });
});
