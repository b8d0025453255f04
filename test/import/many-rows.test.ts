import { itemOf } from '../helpers/store.js';
import { describe, expect, it } from 'vitest';
import { listItems } from '../../src/storage/items.js';
import { makeHarness, tempCsv } from './harness.js';

// Items are applied 2,000 at a time as the file is read: enough items for many full chunks and a
// remainder (and for full bulk-insert batches plus a remainder), every customer in every chunk.
const CUSTOMERS = 2_101;
const ITEMS = 24_273;

function customersCsv(): string {
  const lines = ['code,name'];
  for (let c = 0; c < CUSTOMERS; c++) lines.push(`K${c},Customer ${c}`);
  return `${lines.join('\n')}\n`;
}

function itemsCsv(amountOf: (i: number) => string, count = ITEMS): string {
  const lines = ['customer_code,number,issue_date,due_date,amount'];
  for (let i = 0; i < count; i++) lines.push(`K${i % CUSTOMERS},N${i},2026-01-01,2026-02-01,${amountOf(i)}`);
  return `${lines.join('\n')}\n`;
}

describe('importing thousands of rows', () => {
  it('adds, finds unchanged, updates and closes across batch boundaries', async () => {
    const h = await makeHarness();
    await h.importCsv(['customers', 'c.csv'], tempCsv('c.csv', customersCsv()));
    const first = await h.importCsv(['items', 'i.csv'], tempCsv('i.csv', itemsCsv((i) => `${i}.01`)));
    expect(first.stdout).toBe(`items: ${ITEMS} added, 0 updated, 0 unchanged\n`);
    expect(await h.store.read((sql) => listItems(sql))).toHaveLength(ITEMS);
    expect(await h.store.read((sql) => itemOf(sql, `K${(ITEMS - 1) % CUSTOMERS}`, `N${ITEMS - 1}`))).toMatchObject({ amount: (ITEMS - 1) * 100 + 1 });

    const again = await h.importCsv(['items', 'i.csv'], tempCsv('i.csv', itemsCsv((i) => `${i}.01`)));
    expect(again.stdout).toBe(`items: 0 added, 0 updated, ${ITEMS} unchanged\n`);

    const changed = itemsCsv((i) => (i === 7 ? '9.99' : `${i}.01`), ITEMS - 3);
    const snapshot = await h.importCsv(['items', 'i.csv', '--snapshot'], tempCsv('i.csv', changed));
    expect(snapshot.stdout).toBe(`items: 0 added, 1 updated, ${ITEMS - 4} unchanged, 3 closed\n`);
    expect(await h.store.read((sql) => itemOf(sql, 'K7', 'N7'))).toMatchObject({ amount: 999, openAmount: 999 });
    expect((await h.store.read((sql) => itemOf(sql, `K${(ITEMS - 1) % CUSTOMERS}`, `N${ITEMS - 1}`)))?.openAmount).toBe(0);
  });

  it('refuses a duplicate and a bad row in a later chunk and keeps nothing of the chunks applied before', async () => {
    const h = await makeHarness();
    await h.importCsv(['customers', 'c.csv'], tempCsv('c.csv', customersCsv()));
    const before = (await h.dump());
    const rows = itemsCsv((i) => `${i}.01`).trimEnd().split('\n');
    rows.push('K3,N3,2026-01-01,2026-02-01,5.00', 'K4,N-bad,2026-01-01,2026-02-01,lots');
    const run = await h.importCsv(['items', 'i.csv'], tempCsv('i.csv', `${rows.join('\n')}\n`));
    expect(run.code).toBe(2);
    expect(run.errors).toEqual([
      `i.csv:${ITEMS + 2}: number: duplicate number "N3" for customer "K3" (first on line 5)`,
      expect.stringMatching(new RegExp(`^i\\.csv:${ITEMS + 3}: amount: `)),
      'i.csv: 2 problems; nothing imported',
    ]);
    expect(await h.dump()).toBe(before);
  });
});
