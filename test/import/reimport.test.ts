import { itemOf, valuesOf } from '../helpers/store.js';
import { describe, expect, it } from 'vitest';
import { getCustomer } from '../../src/storage/customers.js';
import { makeHarness, tempCsv, type Harness } from './harness.js';

const SEMICOLON = ['items', 'items-semicolon.csv', '--decimal-comma', '--date-format', 'DMY'];

async function seeded(): Promise<Harness> {
  const h = await makeHarness();
  await h.importCsv(['customers', 'customers.csv']);
  await h.importCsv(SEMICOLON);
  await h.importCsv(['items', 'items.tsv']);
  return h;
}

const open = async (h: Harness, customer: string, number: string): Promise<number | undefined> =>
  (await h.store.read((sql) => itemOf(sql, customer, number)))?.openAmount;

describe('re-importing the same file changes nothing', () => {
  it.each([
    [['customers', 'customers.csv'], 'customers: 0 added, 0 updated, 6 unchanged\n'],
    [SEMICOLON, 'items: 0 added, 0 updated, 4 unchanged\n'],
    [['items', 'items.tsv'], 'items: 0 added, 0 updated, 2 unchanged\n'],
    [['payments', 'payments.csv'], 'payments: 0 added, 0 updated, 3 unchanged\n'],
    [['plans', 'plans.csv'], 'plans: 0 added, 0 updated, 2 unchanged\n'],
  ])('%j', async (args, summary) => {
    const h = await seeded();
    const first = await h.importCsv(args);
    expect(first.code).toBe(0);
    const after = (await h.dump());
    const second = await h.importCsv(args);
    expect(second.stdout).toBe(summary);
    expect(second.code).toBe(0);
    expect(await h.dump()).toBe(after);
  });
});

describe('payments', () => {
  it('reduce the named item’s open amount only the first time', async () => {
    const h = await seeded();
    expect(await open(h, 'C001', 'INV-100')).toBe(100000);
    expect((await h.importCsv(['payments', 'payments.csv'])).stdout).toBe('payments: 3 added, 0 updated, 0 unchanged\n');
    expect(await open(h, 'C001', 'INV-100')).toBe(80000);
    await h.importCsv(['payments', 'payments.csv']);
    expect(await open(h, 'C001', 'INV-100')).toBe(80000);
  });

  it('a corrected payment undoes its earlier effect before applying the new one', async () => {
    const h = await seeded();
    await h.importCsv(['payments', 'payments.csv']);
    const header = 'customer_code,date,amount,reference,item_number\n';
    const bigger = tempCsv('p.csv', `${header}C001,2026-02-20,300.00,PAY-1,INV-100\n`);
    expect((await h.importCsv(['payments', 'p.csv'], bigger)).stdout).toBe('payments: 0 added, 1 updated, 0 unchanged\n');
    expect(await open(h, 'C001', 'INV-100')).toBe(70000);
    const moved = tempCsv('p.csv', `${header}C003,2026-02-20,100.00,PAY-1,INV-1\n`);
    await h.importCsv(['payments', 'p.csv'], moved);
    expect(await open(h, 'C001', 'INV-100')).toBe(100000);
    expect(await open(h, 'C003', 'INV-1')).toBe(40000);
  });
});

describe('items: open amount when the open_amount cell is empty', () => {
  const header = 'customer_code,number,issue_date,due_date,amount\n';

  it('an existing item keeps what was paid on it; a changed amount keeps the paid part', async () => {
    const h = await seeded();
    await h.importCsv(['payments', 'payments.csv']);
    const same = tempCsv('i.csv', `${header}C001,INV-100,2026-01-15,2026-02-14,1234.50\n`);
    expect((await h.importCsv(['items', 'i.csv'], same)).stdout).toBe('items: 0 added, 0 updated, 1 unchanged\n');
    expect(await open(h, 'C001', 'INV-100')).toBe(80000);
    const changed = tempCsv('i.csv', `${header}C001,INV-100,2026-01-15,2026-02-14,1300.00\n`);
    expect((await h.importCsv(['items', 'i.csv'], changed)).stdout).toBe('items: 0 added, 1 updated, 0 unchanged\n');
    // 1300.00 − (1234.50 − 800.00) already paid
    expect(await open(h, 'C001', 'INV-100')).toBe(86550);
  });

  it('a given open_amount is taken as is', async () => {
    const h = await seeded();
    const dir = tempCsv('i.csv', `${header.trim()},open_amount\nC001,INV-100,2026-01-15,2026-02-14,1234.50,0\n`);
    await h.importCsv(['items', 'i.csv'], dir);
    expect(await open(h, 'C001', 'INV-100')).toBe(0);
  });

  it('a credit note written positive is stored negative, and the negative spelling is the same item', async () => {
    const h = await seeded();
    const positive = tempCsv('i.csv', `${header.trim()},kind,open_amount\nC001,CN-8,2026-01-01,2026-01-01,20.00,credit_note,15\n`);
    await h.importCsv(['items', 'i.csv'], positive);
    expect(await h.store.read((sql) => itemOf(sql, 'C001', 'CN-8'))).toMatchObject({ amount: -2000, openAmount: -1500 });
    const negative = tempCsv('i.csv', `${header.trim()},kind,open_amount\nC001,CN-8,2026-01-01,2026-01-01,-20.00,credit_note,-15\n`);
    expect((await h.importCsv(['items', 'i.csv'], negative)).stdout).toBe('items: 0 added, 0 updated, 1 unchanged\n');
  });
});

describe('items --snapshot', () => {
  const header = 'customer_code,number,issue_date,due_date,amount\n';

  it('closes the open items of listed customers that the file omits, and only those', async () => {
    const h = await seeded();
    const dir = tempCsv('s.csv', `${header}C003,INV-2,2026-01-20,2026-02-19,250.25\n`);
    const run = await h.importCsv(['items', 's.csv', '--snapshot'], dir);
    expect(run.stdout).toBe('items: 0 added, 0 updated, 1 unchanged, 1 closed\n');
    expect(await open(h, 'C003', 'INV-1')).toBe(0);
    expect(await open(h, 'C003', 'INV-2')).toBe(25025);
    expect(await open(h, 'C001', 'INV-100')).toBe(100000);
    // The snapshot has no case column: the case set by the earlier file stays.
    expect((await h.store.read((sql) => itemOf(sql, 'C003', 'INV-2')))?.case).toBe('CASE-9');
    expect((await h.importCsv(['items', 's.csv', '--snapshot'], dir)).stdout).toBe('items: 0 added, 0 updated, 1 unchanged, 0 closed\n');
  });

  it('an item back in the snapshot with an empty open_amount is fully open again', async () => {
    const h = await seeded();
    const only2 = tempCsv('s.csv', `${header}C003,INV-2,2026-01-20,2026-02-19,250.25\n`);
    await h.importCsv(['items', 's.csv', '--snapshot'], only2);
    await h.importCsv(['items', 'items.tsv', '--snapshot']);
    expect(await open(h, 'C003', 'INV-1')).toBe(50000);
  });

  it('never closes an item whose row is invalid (--skip-invalid)', async () => {
    const h = await seeded();
    const dir = tempCsv('s.csv', `${header}C003,INV-1,2026-01-10,2026-02-09,5x\nC003,INV-2,2026-01-20,2026-02-19,250.25\n`);
    const run = await h.importCsv(['items', 's.csv', '--snapshot', '--skip-invalid'], dir);
    expect(run.stdout).toBe('items: 0 added, 0 updated, 1 unchanged, 0 closed; 1 invalid row skipped\n');
    expect(await open(h, 'C003', 'INV-1')).toBe(50000);
  });

  it('is refused for other kinds', async () => {
    const h = await makeHarness();
    await expect(h.importCsv(['customers', 'customers.csv', '--snapshot'])).rejects.toThrow('--snapshot applies to items and payments only');
  });
});

describe('customers', () => {
  it('a column missing from the header leaves that field of existing customers alone', async () => {
    const h = await seeded();
    const dir = tempCsv('c.csv', 'code,name,email\nC004,Rossi & Figli S.r.l.,nuovo@rossi.example\n');
    expect((await h.importCsv(['customers', 'c.csv'], dir)).stdout).toBe('customers: 0 added, 1 updated, 0 unchanged\n');
    expect(await h.store.read((sql) => getCustomer(sql, 'C004'))).toMatchObject({
      email: 'nuovo@rossi.example', email2: 'info@rossi.example', language: 'it', reminders: false, holdUntil: '2026-04-30',
    });
  });

  it('an empty cell in a present column resets the field', async () => {
    const h = await seeded();
    const dir = tempCsv('c.csv', 'code,name,email2,hold_until\nC004,Rossi & Figli S.r.l.,,\n');
    await h.importCsv(['customers', 'c.csv'], dir);
    expect(await h.store.read((sql) => getCustomer(sql, 'C004'))).toMatchObject({ email2: null, holdUntil: null });
  });
});

describe('plans', () => {
  it('are imported with installment in the customer’s currency and active defaulting to yes', async () => {
    const h = await seeded();
    const run = await h.importCsv(['plans', 'plans.csv']);
    expect(run.stdout).toBe('plans: 2 added, 0 updated, 0 unchanged\n');
    expect(await valuesOf(h.store, 'SELECT case_ref, installment, day_of_month, end_date, active FROM plans ORDER BY 1')).toEqual([
      ['CASE-10', 2000, 15, '2026-12-31', 0],
      ['CASE-9', 7500, 31, null, 1],
    ]);
  });
});
