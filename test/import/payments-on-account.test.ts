/** Payments files (docs/reference/csv.md §2.3): the currency column, a payment on account later assigned to an item, and --snapshot. */
import { itemOf } from '../helpers/store.js';
import { describe, expect, it } from 'vitest';
import { listPayments } from '../../src/storage/payments.js';
import { makeHarness, tempCsv, type Harness } from './harness.js';

const HEADER = 'customer_code,date,amount,reference,item_number,case,currency\n';

async function seeded(): Promise<Harness> {
  const h = await makeHarness();
  await h.importCsv(['customers', 'customers.csv']);
  await h.importCsv(['items', 'items-semicolon.csv', '--decimal-comma', '--date-format', 'DMY']);
  await h.importCsv(['items', 'items.tsv']);
  return h;
}

const open = async (h: Harness, customer: string, number: string) => (await h.store.read((sql) => itemOf(sql, customer, number)))?.openAmount;
const currencies = async (h: Harness) => Object.fromEntries((await h.store.read((sql) => listPayments(sql))).map((p) => [p.reference, p.currency]));

describe('payments currency column', () => {
  it('defaults to the named item’s currency, else the customer’s; a payment on account may name another', async () => {
    const h = await seeded();
    const file = tempCsv('p.csv', `${HEADER}C001,2026-02-20,10.00,P-ITEM,INV-100,,\nC003,2026-02-20,10.00,P-CUST,,,\nC001,2026-02-21,12.50,P-USD,,,usd\nC006,2026-02-21,500,P-JPY,,,\n`);
    const run = await h.importCsv(['payments', 'p.csv'], file);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(await currencies(h)).toEqual({ 'P-ITEM': 'EUR', 'P-CUST': 'BGN', 'P-USD': 'USD', 'P-JPY': 'JPY' });
    expect((await h.store.read((sql) => listPayments(sql))).find((p) => p.reference === 'P-USD')?.amount).toBe(1250);
  });

  it('refuses a currency other than the named item’s, or not a currency, and imports nothing', async () => {
    const h = await seeded();
    const before = (await h.dump());
    const file = tempCsv('p.csv', `${HEADER}C001,2026-02-20,10.00,P-1,INV-100,,USD\nC001,2026-02-20,10.00,P-2,,,EURO\n`);
    const run = await h.importCsv(['payments', 'p.csv'], file);
    expect(run.code).toBe(2);
    expect(run.errors).toEqual([
      'p.csv:2: currency: "USD" is not the currency of item "INV-100" (EUR); a payment settles its item in the item\'s currency',
      'p.csv:3: currency: "EURO" is not an ISO 4217 currency code',
      'p.csv: 2 problems; nothing imported',
    ]);
    expect(await h.dump()).toBe(before);
  });
});

describe('a payment on account later assigned to an item', () => {
  it('is applied to that item once and stops being on account', async () => {
    const h = await seeded();
    const onAccount = tempCsv('p.csv', `${HEADER}C001,2026-02-21,50.00,PAY-A,,,\n`);
    await h.importCsv(['payments', 'p.csv'], onAccount);
    expect(await open(h, 'C001', 'INV-100')).toBe(100000);
    const assigned = tempCsv('p.csv', `${HEADER}C001,2026-02-21,50.00,PAY-A,INV-100,,\n`);
    expect((await h.importCsv(['payments', 'p.csv'], assigned)).stdout).toBe('payments: 0 added, 1 updated, 0 unchanged\n');
    expect(await open(h, 'C001', 'INV-100')).toBe(95000);
    expect((await h.importCsv(['payments', 'p.csv'], assigned)).stdout).toBe('payments: 0 added, 0 updated, 1 unchanged\n');
    expect(await open(h, 'C001', 'INV-100')).toBe(95000);
    expect((await h.store.read((sql) => listPayments(sql, 'C001'))).map((p) => p.itemNumber)).toEqual(['INV-100']);
  });
});

describe('payments --snapshot', () => {
  it('removes the listed customers’ other payments and gives back what they took; other customers keep theirs', async () => {
    const h = await seeded();
    await h.importCsv(['payments', 'payments.csv']);
    expect(await open(h, 'C001', 'INV-100')).toBe(80000);
    const file = tempCsv('p.csv', `${HEADER}C001,2026-02-21,50.00,PAY-2,,,\n`);
    const run = await h.importCsv(['payments', 'p.csv', '--snapshot'], file);
    expect([run.code, run.stdout]).toEqual([0, 'payments: 0 added, 0 updated, 1 unchanged, 1 removed\n']);
    expect((await h.store.read((sql) => listPayments(sql))).map((p) => p.reference)).toEqual(['PAY-2', 'PAY-3']);
    expect(await open(h, 'C001', 'INV-100')).toBe(100000);
    const again = await h.importCsv(['payments', 'p.csv', '--snapshot'], file);
    expect(again.stdout).toBe('payments: 0 added, 0 updated, 1 unchanged, 0 removed\n');
  });

  it('keeps a payment whose row is invalid when --skip-invalid imports the rest', async () => {
    const h = await seeded();
    await h.importCsv(['payments', 'payments.csv']);
    const file = tempCsv('p.csv', `${HEADER}C001,2026-02-21,50.00,PAY-2,,,\nC001,not-a-date,200.00,PAY-1,INV-100,,\n`);
    const run = await h.importCsv(['payments', 'p.csv', '--snapshot', '--skip-invalid'], file);
    expect(run.code).toBe(0);
    expect((await h.store.read((sql) => listPayments(sql, 'C001'))).map((p) => p.reference)).toEqual(['PAY-1', 'PAY-2']);
    expect(await open(h, 'C001', 'INV-100')).toBe(80000);
  });
});
