/** The collections CSV columns (docs/reference/csv.md §2.1, §2.2): customers `profile` and `statements`, items `dispute`. */
import { describe, expect, it } from 'vitest';
import { getCustomer } from '../../src/storage/customers.js';
import { itemOf } from '../helpers/store.js';
import { makeHarness, tempCsv } from '../import/harness.js';

const settings = { policy: { profiles: { gentle: { statementEveryDays: 7 } } } };

describe('customers: profile and statements', () => {
  it('stores a known profile, default as none, and statements apart from reminders', async () => {
    const h = await makeHarness(settings);
    const csv = 'code,name,profile,reminders,statements\nA,Alpha,gentle,yes,no\nB,Beta,default,no,yes\nC,Gamma,,no,\n';
    const run = await h.importCsv(['customers', 'c.csv'], tempCsv('c.csv', csv));
    expect(run.stderr).toBe('');
    expect(await h.store.read((sql) => getCustomer(sql, 'A'))).toMatchObject({ profile: 'gentle', reminders: true, statements: false });
    expect(await h.store.read((sql) => getCustomer(sql, 'B'))).toMatchObject({ profile: null, reminders: false, statements: true });
    // An empty statements cell follows reminders, as a file written for the single switch meant.
    expect(await h.store.read((sql) => getCustomer(sql, 'C'))).toMatchObject({ profile: null, reminders: false, statements: false });
  });

  it('refuses an unknown profile with FILE:LINE and imports nothing', async () => {
    const h = await makeHarness(settings);
    const before = await h.dump();
    const run = await h.importCsv(['customers', 'c.csv'], tempCsv('c.csv', 'code,name,profile\nA,Alpha,gentle\nB,Beta,strict\n'));
    expect(run.code).toBe(2);
    expect(run.errors).toEqual([
      'c.csv:3: profile: unknown profile "strict" (known: default, gentle; profiles are set in policy.profiles)',
      'c.csv: 1 problem; nothing imported',
    ]);
    expect(await h.dump()).toBe(before);
  });

  it('a file without the profile or statements column leaves them as they are', async () => {
    const h = await makeHarness(settings);
    await h.importCsv(['customers', 'c.csv'], tempCsv('c.csv', 'code,name,profile,statements\nA,Alpha,gentle,no\n'));
    await h.importCsv(['customers', 'c.csv'], tempCsv('c.csv', 'code,name,reminders\nA,Alpha Two,yes\n'));
    expect(await h.store.read((sql) => getCustomer(sql, 'A'))).toMatchObject({ name: 'Alpha Two', profile: 'gentle', statements: false });
  });
});

describe('items: dispute', () => {
  it('stores the reason, keeps it when a later file has no dispute column, and clears it on an empty cell', async () => {
    const h = await makeHarness();
    await h.importCsv(['customers', 'c.csv'], tempCsv('c.csv', 'code,name\nA,Alpha\n'));
    const head = 'customer_code,number,issue_date,due_date,amount';
    expect((await h.importCsv(['items', 'i.csv'], tempCsv('i.csv', `${head},dispute\nA,1,2026-01-01,2026-01-31,10.00,wrong price\n`))).code).toBe(0);
    expect((await h.store.read((sql) => itemOf(sql, 'A', '1')))?.dispute).toBe('wrong price');
    await h.importCsv(['items', 'i.csv'], tempCsv('i.csv', `${head}\nA,1,2026-01-01,2026-01-31,10.00\n`));
    expect((await h.store.read((sql) => itemOf(sql, 'A', '1')))?.dispute).toBe('wrong price');
    await h.importCsv(['items', 'i.csv'], tempCsv('i.csv', `${head},dispute\nA,1,2026-01-01,2026-01-31,10.00,\n`));
    expect((await h.store.read((sql) => itemOf(sql, 'A', '1')))?.dispute).toBeNull();
  });

  it('refuses a reason with a line break', async () => {
    const h = await makeHarness();
    await h.importCsv(['customers', 'c.csv'], tempCsv('c.csv', 'code,name\nA,Alpha\n'));
    const run = await h.importCsv(['items', 'i.csv'], tempCsv('i.csv', 'customer_code,number,issue_date,due_date,amount,dispute\nA,1,2026-01-01,2026-01-31,10.00,"two\nlines"\n'));
    expect(run.code).toBe(2);
    expect(run.errors[0]).toBe('i.csv:2: dispute: contains a line break');
  });
});
