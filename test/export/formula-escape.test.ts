/**
 * Spreadsheet formula injection (docs/reference/csv.md §5): export prefixes text cells that a spreadsheet would run
 * with `'`, import removes exactly that `'`, amounts and dates are never touched, `--raw` writes
 * values as they are — and export → import gives back the same data for any text.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeFormula, unescapeFormula } from '../../src/core/csv/formula-escape.js';
import { insertMessage } from '../../src/storage/messages.js';
import { aMessage, valuesOf } from '../helpers/store.js';
import { sandbox } from '../cli/io.js';
import { makeHarness, tempCsv, type Harness } from '../import/harness.js';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

/** Text biased towards what the escape is about: leading triggers and quotes, in any number. */
const tricky = (unit: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.constantFrom('', '=', '+', '-', '@', "'", "''", "'=", "'-", "'''", "'a", "''@"), fc.string({ unit, maxLength: 12 }))
    .map(([prefix, body]) => prefix + body);

describe('escapeFormula / unescapeFormula', () => {
  it.each([
    ['=HYPERLINK("http://x.example","click")', `'=HYPERLINK("http://x.example","click")`],
    ['+1', "'+1"], ['-5', "'-5"], ['@SUM(A1)', "'@SUM(A1)"], ['\tX', "'\tX"], ['\rX', "'\rX"],
    ["'=x", "''=x"], ["''", "'''"], ["'-", "''-"],
    ["'", "'"], ["'a", "'a"], ['O\'Brien', 'O\'Brien'], ['Acme', 'Acme'], ['', ''], ['a=b', 'a=b'],
  ])('%j is exported as %j', (text, cell) => {
    expect(escapeFormula(text)).toBe(cell);
    expect(unescapeFormula(cell)).toBe(text);
  });

  it('round-trips any text and never leaves a cell that a spreadsheet would run', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), tricky(fc.constantFrom('=', '+', '-', '@', "'", '\t', '\r', 'a', ' '))), (text) => {
        const cell = escapeFormula(text);
        expect(unescapeFormula(cell)).toBe(text);
        expect(TRIGGERS).not.toContain(cell.charAt(0));
      }),
      { numRuns: 2000 },
    );
  });
});

/** Any value import can store: a cell (no control characters; notes: line breaks and tabs too), trimmed and unescaped. */
const cellText = (free: boolean) =>
  tricky(fc.constantFrom('a', 'Z', '9', ' ', ',', ';', '"', "'", '=', '-', '+', '@', 'Ω', 'é', '€', ...(free ? ['\n', '\t'] : [])))
    .map((cell) => unescapeFormula(cell.trim()));

describe('export → import round trip', () => {
  const tables = async (h: Harness): Promise<string> =>
    (await Promise.all(['customers', 'items'].map(async (t) => JSON.stringify(await valuesOf(h.store, `SELECT * FROM ${t} ORDER BY 1, 2`))))).join('\n');

  it('gives back the same customers and items for arbitrary codes, names, notes, numbers, references and cases', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ code: cellText(false), name: cellText(false), notes: cellText(true), number: cellText(false), reference: cellText(false), case: cellText(false) }), { minLength: 1, maxLength: 6 }),
        async (rows) => {
          const h = await makeHarness();
          await h.store.write(async (sql) => {
            rows.forEach((row, index) => {
              const code = `${row.code}#${index}`;
              sql.run(
                `INSERT INTO customers (code, name, language, currency, reminders, notes) VALUES (?, ?, 'en', 'EUR', 1, ?)`,
                [code, row.name || 'x', row.notes],
              );
              sql.run(
                `INSERT INTO items (customer_code, number, kind, issue_date, due_date, amount, open_amount, currency, reference, case_ref)
                 VALUES (?, ?, 'credit_note', '2026-01-01', '2026-02-01', -1250, -1250, 'EUR', ?, ?)`,
                [code, row.number || 'n', row.reference || null, row.case || null],
              );
            });
          });
          const fresh = await makeHarness();
          const customers = await fresh.importCsv(['customers', 'c.csv'], tempCsv('c.csv', (await h.exportCsv(['customers'])).stdout));
          expect(customers.errors).toEqual([]);
          const items = await fresh.importCsv(['items', 'i.csv'], tempCsv('i.csv', (await h.exportCsv(['items'])).stdout));
          expect(items.errors).toEqual([]);
          expect(await tables(fresh)).toBe(await tables(h));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('duedesk export / import on the command line', () => {
  async function withTrickyData() {
    const box = sandbox();
    writeFileSync(
      join(box.dir, 'customers.csv'),
      'code,name,notes\n-C1,"=HYPERLINK(""http://evil.example"",""Pay here"")","@note"\nC2,\'\'quoted,plain\n',
    );
    writeFileSync(
      join(box.dir, 'items.csv'),
      'customer_code,number,issue_date,due_date,amount,open_amount,kind,reference,case\n' +
        '-C1,+INV-1,2026-01-01,2026-02-01,-12.50,-12.50,credit_note,=ref,@case\n' +
        "C2,'=quoted,2026-01-01,2026-02-01,10.00,,invoice,,\n",
    );
    expect((await box.run(['import', 'customers', 'customers.csv'])).code).toBe(0);
    expect((await box.run(['import', 'items', 'items.csv'])).code).toBe(0);
    return box;
  }

  it('import stores the text; export escapes every text cell a spreadsheet would run, and no amount or date', async () => {
    const box = await withTrickyData();
    const customers = await box.run(['export', 'customers']);
    expect(customers.code).toBe(0);
    const rows = parse(customers.stdout) as string[][];
    expect(rows.slice(1).map((row) => [row[0], row[1], row[11]])).toEqual([
      ["'-C1", `'=HYPERLINK("http://evil.example","Pay here")`, "'@note"],
      ['C2', "'quoted", 'plain'],
    ]);
    const items = parse((await box.run(['export', 'items'])).stdout) as string[][];
    expect(items.slice(1)).toEqual([
      ["'-C1", "'+INV-1", '2026-01-01', '2026-02-01', '-12.50', '-12.50', 'EUR', 'credit_note', "'=ref", "'@case", '', ''],
      ['C2', "'=quoted", '2026-01-01', '2026-02-01', '10.00', '10.00', 'EUR', 'invoice', '', '', '', ''],
    ]);
  });

  it('--raw writes the values as they are', async () => {
    const box = await withTrickyData();
    const rows = parse((await box.run(['export', 'customers', '--raw'])).stdout) as string[][];
    expect(rows[1]?.slice(0, 2)).toEqual(['-C1', '=HYPERLINK("http://evil.example","Pay here")']);
    const items = parse((await box.run(['export', 'items', '--raw'])).stdout) as string[][];
    expect(items[2]?.[1]).toBe('=quoted');
  });

  it('export history escapes customer, error and item cells but never the amounts', async () => {
    const h = await makeHarness();
    await h.store.write(async (sql) => {
      await insertMessage(sql, aMessage({
        customerCode: '-C1', messageId: '<a@x>', error: '=1+1', status: 'failed', total: -1250, operator: '@ops',
        items: [{ itemNumber: '+INV-1', level: null, openAmount: -1250 }],
      }));
    });
    const [, row] = parse((await h.exportCsv(['history'])).stdout) as string[][];
    expect(row?.[3]).toBe("'-C1");
    expect(row?.[10]).toBe("'=1+1");
    expect(row?.[12]).toBe('-12.50');
    expect(row?.[16]).toBe("'@ops");
    expect(row?.[17]).toBe("'+INV-1");
    const [, raw] = parse((await h.exportCsv(['history', '--raw'])).stdout) as string[][];
    expect([raw?.[3], raw?.[10], raw?.[17]]).toEqual(['-C1', '=1+1', '+INV-1']);
  });
});
