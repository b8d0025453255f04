import { itemOf } from '../helpers/store.js';
import { describe, expect, it } from 'vitest';
import { getCustomer } from '../../src/storage/customers.js';
import { listItems } from '../../src/storage/items.js';
import { makeHarness, tempCsv } from './harness.js';

describe('import file formats', () => {
  it('reads UTF-8 with BOM, a padded mixed-case header and a quoted note with a line break', async () => {
    const h = await makeHarness();
    const run = await h.importCsv(['customers', 'customers.csv']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('customers: 6 added, 0 updated, 0 unchanged\n');
    expect(run.code).toBe(0);
    expect(await h.store.read((sql) => getCustomer(sql, 'C001'))).toEqual({
      code: 'C001', name: 'Acme Ltd', email: 'ar@acme.example', email2: null, email3: null, language: 'en',
      currency: 'EUR', reminders: true, statementEveryDays: null, agentEmail: 'agent@duedesk.example',
      holdUntil: null, notes: '', profile: null, statements: true,
      contactPerson: null, phone: null, addressLine1: null, addressLine2: null, postalCode: null, city: null, country: null,
    });
    expect(await h.store.read((sql) => getCustomer(sql, 'C002'))).toMatchObject({ name: 'Ελληνικά Τρόφιμα Α.Ε.', language: 'el', statementEveryDays: 10 });
    expect(await h.store.read((sql) => getCustomer(sql, 'C003'))).toMatchObject({ name: 'Българска Търговия ООД', currency: 'BGN', notes: 'Pays late,\ncalls first' });
    expect(await h.store.read((sql) => getCustomer(sql, 'C004'))).toMatchObject({ reminders: false, email2: 'info@rossi.example', holdUntil: '2026-04-30' });
    // Empty language takes the policy default.
    expect(await h.store.read((sql) => getCustomer(sql, 'C006'))).toMatchObject({ language: 'en', currency: 'JPY', reminders: false });
  });

  it('takes the default language and currency from the policy settings', async () => {
    const h = await makeHarness({ policy: { defaultLanguage: 'it', defaultCurrency: 'CHF' } });
    const dir = tempCsv('c.csv', 'code,name\nZ1,Zeta\n');
    expect((await h.importCsv(['customers', 'c.csv'], dir)).code).toBe(0);
    expect(await h.store.read((sql) => getCustomer(sql, 'Z1'))).toMatchObject({ language: 'it', currency: 'CHF', reminders: true });
  });

  it('reads `;` with decimal comma and DMY dates; currencies default to the customer’s', async () => {
    const h = await makeHarness();
    await h.importCsv(['customers', 'customers.csv']);
    const run = await h.importCsv(['items', 'items-semicolon.csv', '--decimal-comma', '--date-format', 'DMY']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('items: 4 added, 0 updated, 0 unchanged\n');
    expect(await h.store.read((sql) => itemOf(sql, 'C001', 'INV-100'))).toEqual({
      customerCode: 'C001', number: 'INV-100', kind: 'invoice', issueDate: '2026-01-15', dueDate: '2026-02-14',
      amount: 123450, openAmount: 100000, currency: 'EUR', reference: 'RF18539007547034', case: null, holdUntil: null, dispute: null,
    });
    expect(await h.store.read((sql) => itemOf(sql, 'C001', 'CN-7'))).toMatchObject({ kind: 'credit_note', amount: -10000, openAmount: -10000 });
    expect(await h.store.read((sql) => itemOf(sql, 'C002', 'INV-200'))).toMatchObject({ kind: 'charge', amount: 8000, holdUntil: '2026-03-15' });
    expect(await h.store.read((sql) => itemOf(sql, 'C006', 'INV-300'))).toMatchObject({ currency: 'JPY', amount: 125000, openAmount: 125000 });
  });

  it('reads tab-delimited files', async () => {
    const h = await makeHarness();
    await h.importCsv(['customers', 'customers.csv']);
    const run = await h.importCsv(['items', 'items.tsv']);
    expect(run.stdout).toBe('items: 2 added, 0 updated, 0 unchanged\n');
    expect((await h.store.read((sql) => listItems(sql, 'C003'))).map((i) => [i.number, i.amount, i.currency, i.case])).toEqual([
      ['INV-1', 50000, 'BGN', 'CASE-9'],
      ['INV-2', 25025, 'BGN', 'CASE-9'],
    ]);
  });

  it('refuses a windows-1253 file read as UTF-8, naming the line and the option', async () => {
    const h = await makeHarness();
    const before = (await h.dump());
    const run = await h.importCsv(['customers', 'customers-1253.csv']).catch((error: Error) => error);
    expect(run).toBeInstanceOf(Error);
    expect((run as Error).message).toBe(
      'customers-1253.csv: not valid UTF-8 (line 2); use --encoding, e.g. --encoding windows-1253',
    );
    expect(await h.dump()).toBe(before);
  });

  it('reads a windows-1253 file with --encoding windows-1253', async () => {
    const h = await makeHarness();
    const run = await h.importCsv(['customers', 'customers-1253.csv', '--encoding', 'windows-1253']);
    expect(run.stdout).toBe('customers: 2 added, 0 updated, 0 unchanged\n');
    expect((await h.store.read((sql) => getCustomer(sql, 'G001')))?.name).toBe('Παπαδόπουλος Ξενοδοχεία');
    expect(await h.store.read((sql) => getCustomer(sql, 'G002'))).toMatchObject({ name: 'Ωραία Θέα Μονοπρόσωπη', email: null, language: 'el' });
  });

  it('refuses an encoding TextDecoder does not know', async () => {
    const h = await makeHarness();
    await expect(h.importCsv(['customers', 'customers.csv', '--encoding', 'klingon'])).rejects.toThrow(
      '--encoding: unknown encoding "klingon"',
    );
  });

  it('ignores rows of bare delimiters that spreadsheets leave below the data', async () => {
    const h = await makeHarness();
    const run = await h.importCsv(['customers', 'c.csv'], tempCsv('c.csv', 'code,name,email\nZ1,Zeta,\n,,\n , ,\n'));
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('customers: 1 added, 0 updated, 0 unchanged\n');
  });

  it('reads MDY dates and CRLF line ends', async () => {
    const h = await makeHarness();
    await h.importCsv(['customers', 'customers.csv']);
    const dir = tempCsv('i.csv', 'customer_code,number,issue_date,due_date,amount\r\nC001,US-1,12/31/2025,1/30/2026,99.99\r\n');
    expect((await h.importCsv(['items', 'i.csv', '--date-format', 'MDY'], dir)).code).toBe(0);
    expect(await h.store.read((sql) => itemOf(sql, 'C001', 'US-1'))).toMatchObject({ issueDate: '2025-12-31', dueDate: '2026-01-30', amount: 9999 });
  });
});
