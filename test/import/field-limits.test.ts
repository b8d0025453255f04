/**
 * Import refuses text beyond the documented limits and control characters (docs/reference/csv.md §1.4), per
 * column, as FILE:LINE: column: message with exit 2 and nothing imported; values at the limit pass.
 */
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { makeHarness, tempCsv, type Harness } from './harness.js';
import { valuesOf } from '../helpers/store.js';

/** A database holding the customers fixture and the `;` items fixture (C001 has INV-100). */
async function seeded(): Promise<Harness> {
  const h = await makeHarness();
  await h.importCsv(['customers', 'customers.csv']);
  await h.importCsv(['items', 'items-semicolon.csv', '--decimal-comma', '--date-format', 'DMY']);
  return h;
}

type Kind = 'customers' | 'items' | 'payments' | 'plans';

/** A valid row of each kind against the seeded data. */
const VALID: Record<Kind, Record<string, string>> = {
  customers: { code: 'N001', name: 'New Co', email: 'a@new.example', email2: '', email3: '', agent_email: '', notes: '' },
  items: { customer_code: 'C001', number: 'N-1', issue_date: '2026-01-01', due_date: '2026-02-01', amount: '10.00', reference: 'R-1', case: 'K-1' },
  payments: { customer_code: 'C001', date: '2026-02-01', amount: '1.00', reference: 'P-1', item_number: 'INV-100', case: 'K-1' },
  plans: { customer_code: 'C001', case: 'K-1', installment: '10.00', day_of_month: '5', start_date: '2026-01-01' },
};

/** Import one row of `kind` with `column` set to `value`; the file is written with proper CSV quoting. */
async function importOne(h: Harness, kind: Kind, column: string, value: string) {
  const row = { ...VALID[kind], [column]: value };
  const csv = stringify([Object.keys(row), Object.values(row)], { record_delimiter: '\n' });
  return h.importCsv([kind, 'f.csv'], tempCsv('f.csv', csv));
}

const LIMITS: Array<[Kind, string, number]> = [
  ['customers', 'code', 64], ['customers', 'name', 200], ['customers', 'email', 254], ['customers', 'email2', 254],
  ['customers', 'email3', 254], ['customers', 'agent_email', 254], ['customers', 'notes', 4000],
  ['items', 'customer_code', 64], ['items', 'number', 64], ['items', 'reference', 64], ['items', 'case', 64],
  ['payments', 'customer_code', 64], ['payments', 'reference', 64], ['payments', 'item_number', 64], ['payments', 'case', 64],
  ['plans', 'customer_code', 64], ['plans', 'case', 64],
];

describe('import: length limits per column', () => {
  it.each(LIMITS)('%s %s: more than %i characters is refused, nothing imported', async (kind, column, limit) => {
    const h = await seeded();
    const before = (await h.dump());
    const run = await importOne(h, kind, column, 'x'.repeat(limit + 1));
    expect(run.code).toBe(2);
    expect(run.errors).toEqual([`f.csv:2: ${column}: is ${limit + 1} characters long; at most ${limit}`, 'f.csv: 1 problem; nothing imported']);
    expect(await h.dump()).toBe(before);
  });

  it('counts characters, not UTF-16 units: 200 Greek or astral characters make a valid name', async () => {
    const h = await seeded();
    expect((await importOne(h, 'customers', 'name', 'Ω'.repeat(100) + '𝔸'.repeat(100))).code).toBe(0);
    expect((await importOne(h, 'customers', 'name', '𝔸'.repeat(201))).errors[0]).toBe('f.csv:2: name: is 201 characters long; at most 200');
  });

  it('a 1 MB name is refused at once without being echoed back', async () => {
    const h = await seeded();
    const run = await importOne(h, 'customers', 'name', 'n'.repeat(1024 * 1024));
    expect(run.errors).toEqual(['f.csv:2: name: is 1048576 characters long; at most 200', 'f.csv: 1 problem; nothing imported']);
  });

  it.each([
    ['items', 'number'], ['items', 'reference'], ['items', 'case'], ['plans', 'case'], ['customers', 'code'], ['customers', 'name'],
  ] as const)('%s %s: a value of exactly the limit is imported as it is', async (kind, column) => {
    const h = await seeded();
    const limit = column === 'name' ? 200 : 64;
    const value = 'é'.repeat(limit);
    const run = await importOne(h, kind, column, value);
    expect(run.errors).toEqual([]);
    const table = kind === 'plans' ? 'plans' : kind;
    const sqlColumn = column === 'case' ? 'case_ref' : column;
    expect(await valuesOf(h.store, `SELECT ${sqlColumn} FROM ${table} WHERE ${sqlColumn} = ?`, [value])).toEqual([[value]]);
  });

  it('an e-mail address of 254 characters is imported', async () => {
    const h = await seeded();
    const address = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(53)}.example`;
    expect(address).toHaveLength(254);
    expect((await importOne(h, 'customers', 'email', address)).errors).toEqual([]);
  });
});

describe('import: control characters', () => {
  const TEXT_COLUMNS = LIMITS.filter(([, column]) => column !== 'notes');

  it.each(TEXT_COLUMNS)('%s %s: a control character is refused, naming it', async (kind, column) => {
    const h = await seeded();
    const before = (await h.dump());
    for (const [char, message] of [
      ['\u0007', 'contains a control character (U+0007)'],
      ['\t', 'contains a control character (U+0009)'],
      ['\u007f', 'contains a control character (U+007F)'],
      ['\u0085', 'contains a line break'],
      ['\n', 'contains a line break'],
      ['\u2028', 'contains a line break'],
      ['\u2029', 'contains a line break'],
    ] as const) {
      const run = await importOne(h, kind, column, `A${char}B`);
      expect(run.code).toBe(2);
      expect(run.errors).toEqual([`f.csv:2: ${column}: ${message}`, 'f.csv: 1 problem; nothing imported']);
    }
    expect(await h.dump()).toBe(before);
  });

  it('notes are free text: line breaks and tabs are kept, other controls refused', async () => {
    const h = await seeded();
    const notes = `${'n'.repeat(3990)}\nline\ttwo`;
    expect((await importOne(h, 'customers', 'notes', notes)).errors).toEqual([]);
    expect(await valuesOf(h.store, "SELECT notes FROM customers WHERE code = 'N001'")).toEqual([[notes]]);
    const before = (await h.dump());
    for (const [char, code] of [['\u0000', '0000'], ['\u001b', '001B'], ['\u007f', '007F'], ['\u2028', '2028']] as const) {
      const run = await importOne(h, 'customers', 'notes', `Pays${char}late`);
      expect(run.errors).toEqual([`f.csv:2: notes: contains a control character (U+${code})`, 'f.csv: 1 problem; nothing imported']);
    }
    expect(await h.dump()).toBe(before);
  });

  it('every problem of a row is listed, with the other columns still checked', async () => {
    const h = await seeded();
    const csv = 'customer_code,number,issue_date,due_date,amount,reference\nC001,N\u00071,2026-01-01,2026-02-30,10.00,' + 'r'.repeat(65) + '\n';
    const run = await h.importCsv(['items', 'f.csv'], tempCsv('f.csv', csv));
    expect(run.errors).toEqual([
      'f.csv:2: number: contains a control character (U+0007)',
      'f.csv:2: reference: is 65 characters long; at most 64',
      'f.csv:2: due_date: "2026-02-30" is not a real date (expected YMD like 2026-03-31; see --date-format)',
      'f.csv: 3 problems; nothing imported',
    ]);
  });
});
