import { describe, expect, it } from 'vitest';
import { makeHarness, tempCsv, type Harness } from './harness.js';
import { valuesOf } from '../helpers/store.js';

/** A database holding the customers fixture and the `;` items fixture. */
async function seeded(): Promise<Harness> {
  const h = await makeHarness();
  await h.importCsv(['customers', 'customers.csv']);
  await h.importCsv(['items', 'items-semicolon.csv', '--decimal-comma', '--date-format', 'DMY']);
  return h;
}

describe('bad input: every problem listed as FILE:LINE: column: message, nothing imported, exit 2', () => {
  it.each([
    ['customers', 'customers-bad.csv', false, [
      'customers-bad.csv:3: email: "a@one.example, b@two.example" holds several addresses; give one address per column',
      'customers-bad.csv:4: email: "a@one.example;b@two.example" holds several addresses; give one address per column',
      'customers-bad.csv:5: email2: "nobody-at-example" is not an e-mail address',
      'customers-bad.csv:6: language: "fr" is not a supported language (en, it, el, bg, pt)',
      'customers-bad.csv:7: currency: "XYZ" is not an ISO 4217 currency code',
      'customers-bad.csv:8: reminders: "maybe" is not yes/no/true/false/1/0',
      'customers-bad.csv:9: statement_every_days: "0" is not a whole number from 1 to 3650',
      'customers-bad.csv:10: hold_until: "2026-02-30" is not a real date (expected YMD like 2026-03-31; see --date-format)',
      'customers-bad.csv:11: code: duplicate "B001" (first on line 2)',
      'customers-bad.csv:12: code: is required',
      'customers-bad.csv:13: name: is required',
      'customers-bad.csv:14: email: contains a line break',
      'customers-bad.csv: 12 problems; nothing imported',
    ]],
    ['items', 'items-bad.csv', true, [
      'items-bad.csv:3: issue_date: "2026-02-30" is not a real date (expected YMD like 2026-03-31; see --date-format)',
      'items-bad.csv:4: amount: "12abc" is not an amount',
      'items-bad.csv:5: amount: "10.123" has more than 2 decimals for EUR',
      'items-bad.csv:6: customer_code: unknown customer "C999" (import customers first)',
      'items-bad.csv:7: number: duplicate number "OK-1" for customer "C001" (first on line 2)',
      'items-bad.csv:8: amount: is required',
      'items-bad.csv:9: number: is required',
      'items-bad.csv:10: amount: must be greater than 0 for an invoice (a negative amount is a credit note: set kind to credit_note)',
      'items-bad.csv:11: kind: "receipt" is not a kind (invoice, credit_note, charge)',
      'items-bad.csv:12: currency: "EURO" is not an ISO 4217 currency code',
      'items-bad.csv:13: open_amount: is larger than amount',
      'items-bad.csv:14: due_date: 2026-01-31 is before issue_date 2026-02-01',
      'items-bad.csv:15: amount: "100.5" has more than 0 decimals for JPY',
      'items-bad.csv:16: amount: "10,50" is not an amount (decimal comma? use --decimal-comma)',
      'items-bad.csv:17: row: has 9 fields but the header has 8 (unquoted delimiter in a value?)',
      'items-bad.csv: 15 problems; nothing imported',
    ]],
    ['payments', 'payments-bad.csv', true, [
      'payments-bad.csv:3: customer_code: unknown customer "C999" (import customers first)',
      'payments-bad.csv:4: item_number: customer "C001" has no item "INV-404"',
      'payments-bad.csv:5: reference: duplicate "P-OK" (first on line 2)',
      'payments-bad.csv:6: amount: must be greater than 0',
      'payments-bad.csv:7: amount: "10.5" has more than 0 decimals for JPY',
      'payments-bad.csv:8: item_number: "CN-7" is a credit note; payments settle invoices and charges',
      'payments-bad.csv:9: date: "2026-13-01" is not a real date (expected YMD like 2026-03-31; see --date-format)',
      'payments-bad.csv:10: reference: is required',
      'payments-bad.csv: 8 problems; nothing imported',
    ]],
    ['plans', 'plans-bad.csv', true, [
      'plans-bad.csv:2: day_of_month: "32" is not a whole number from 1 to 31',
      'plans-bad.csv:3: day_of_month: "0" is not a whole number from 1 to 31',
      'plans-bad.csv:4: end_date: 2026-01-01 is before start_date 2026-06-01',
      'plans-bad.csv:4: active: "perhaps" is not yes/no/true/false/1/0',
      'plans-bad.csv:5: case: duplicate case "CASE-9" for customer "C003" (first on line 2)',
      'plans-bad.csv:6: customer_code: unknown customer "C999" (import customers first)',
      'plans-bad.csv: 6 problems; nothing imported',
    ]],
  ] as const)('%s', async (kind, file, withData, expected) => {
    const h = withData ? await seeded() : await makeHarness();
    const before = (await h.dump());
    const run = await h.importCsv([kind, file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.errors).toEqual(expected);
    expect(await h.dump()).toBe(before);
  });

  it('a header with unknown and missing columns', async () => {
    const h = await seeded();
    const run = await h.importCsv(['items', 'items-bad-header.csv', '--skip-invalid']);
    expect(run.code).toBe(2);
    expect(run.errors).toEqual([
      'items-bad-header.csv:1: header: unknown column "Issue Date" for items (known: customer_code, number, issue_date, due_date, amount, open_amount, currency, kind, reference, case, hold_until, dispute)',
      'items-bad-header.csv:1: header: unknown column "colour" for items (known: customer_code, number, issue_date, due_date, amount, open_amount, currency, kind, reference, case, hold_until, dispute)',
      'items-bad-header.csv:1: header: missing required columns issue_date, due_date',
      'items-bad-header.csv: 3 problems; nothing imported',
    ]);
  });

  it.each([
    ['an empty file', '', 'e.csv: the file is empty; expected a header row'],
    ['a quote never closed', 'code,name\nC1,Acme\nC2,"Beta\nC3,Gamma\n', 'e.csv:3: row: a quoted field is never closed (missing ")'],
    ['a stray quote', 'code,name\nC1,"Acme" Ltd\n', 'e.csv:2: row: a quote inside a quoted field must be doubled ("")'],
  ])('%s', async (_name, content, message) => {
    const h = await makeHarness();
    await expect(h.importCsv(['customers', 'e.csv'], tempCsv('e.csv', content))).rejects.toThrow(message);
  });

  it('a file that does not exist', async () => {
    const h = await makeHarness();
    await expect(h.importCsv(['customers', 'nowhere.csv'])).rejects.toThrow('nowhere.csv: cannot read: no such file');
  });

  it('a payment is read in its item’s currency, so a JPY item takes whole yen only', async () => {
    const h = await seeded();
    const dir = tempCsv('p.csv', 'customer_code,date,amount,reference,item_number\nC006,2026-02-20,500,P-Y,INV-300\n');
    expect((await h.importCsv(['payments', 'p.csv'], dir)).stdout).toBe('payments: 1 added, 0 updated, 0 unchanged\n');
  });
});

describe('--skip-invalid', () => {
  it('imports the valid rows, lists the others and says the counts', async () => {
    const h = await makeHarness();
    const run = await h.importCsv(['customers', 'customers-bad.csv', '--skip-invalid']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('customers: 1 added, 0 updated, 0 unchanged; 12 invalid rows skipped\n');
    expect(run.errors).toHaveLength(12);
    expect(run.errors[0]).toMatch(/^customers-bad\.csv:3: email: /);
    expect(await valuesOf(h.store, 'SELECT code FROM customers')).toEqual([['B001']]);
  });

  it('exits 2 when no row is valid', async () => {
    const h = await makeHarness();
    const dir = tempCsv('c.csv', 'code,name\n,Nameless\n');
    const run = await h.importCsv(['customers', 'c.csv', '--skip-invalid'], dir);
    expect(run.code).toBe(2);
    expect(run.errors).toEqual(['c.csv:2: code: is required', 'c.csv: 1 problem; nothing imported']);
  });
});
