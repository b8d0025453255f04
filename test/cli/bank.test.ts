/**
 * `duedesk import bank`, `bank unmatched` and `bank assign` as a bookkeeper runs them each morning:
 * credits matched by RF reference, by invoice numbers in the text, by a remembered IBAN; the rest
 * kept for a clerk; the same statement (or the camt.053 after its camt.054) changing nothing; a
 * reversal undoing its credit; a malformed file changing nothing.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from './io.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'bank');

let box: Sandbox;

/** Open amounts by item number, from `export items`. */
async function openAmounts(): Promise<Record<string, string>> {
  const run = await box.run(['export', 'items']);
  const [header, ...rows] = run.stdout.trim().split('\n');
  const columns = header!.split(',');
  const number = columns.indexOf('number');
  const open = columns.indexOf('open_amount');
  return Object.fromEntries(rows.map((row) => row.split(',')).map((cells) => [cells[number]!, cells[open]!]));
}

async function importBank(name: string, ...flags: string[]) {
  copyFileSync(join(FIXTURES, name), join(box.dir, name));
  return box.run(['import', 'bank', name, ...flags]);
}

async function json(name: string, ...flags: string[]) {
  const run = await importBank(name, '--json', ...flags);
  expect([run.code, run.stderr]).toEqual([0, '']);
  return JSON.parse(run.stdout) as { credits: number; items: number; onAccount: number; unmatched: Record<string, string>[]; duplicates: number };
}

beforeEach(async () => {
  box = sandbox('2026-12-08');
  writeFileSync(join(box.dir, 'customers.csv'), [
    'code,name,email,currency',
    'ACME01,Acme Trading GmbH,ap@acme.example,EUR',
    'BETA02,Beta Foods S.r.l.,ap@beta.example,EUR',
    'DELTA04,Delta Werkzeuge AG,ap@delta.example,EUR',
  ].join('\n'));
  writeFileSync(join(box.dir, 'items.csv'), [
    'customer_code,number,issue_date,due_date,amount,reference',
    'ACME01,INV-1001,2026-10-01,2026-10-31,500.00,',
    'ACME01,INV-1002,2026-10-15,2026-11-14,300.00,',
    'BETA02,INV-2001,2026-10-20,2026-11-19,1200.00,RF062001',
    'DELTA04,INV-4001,2026-10-20,2026-11-19,250.00,',
  ].join('\n'));
  for (const kind of ['customers', 'items']) expect((await box.run(['import', kind, `${kind}.csv`])).code).toBe(0);
});

describe('duedesk import bank', () => {
  it('camt.053.001.02: our RF → on account, an item\'s own RF → that item, the rest unmatched (JSON as documented)', async () => {
    const result = await json('camt053-v02.xml');
    expect(result).toEqual({
      credits: 3, items: 1, onAccount: 1, duplicates: 0,
      unmatched: [{ ref: '2026120312345604', date: '2026-12-03', amount: '40.00', currency: 'EUR', debtor: 'Jo Smith & Partners', text: '=HYPERLINK("x") thanks' }],
    });
    expect(await openAmounts()).toMatchObject({ 'INV-2001': '0.00', 'INV-1001': '500.00' });
  });

  it('text: invoice numbers split in the order named, the rest on account; the IBAN then remembered; another currency on account', async () => {
    await json('camt053-v02.xml'); // remembers ACME's IBAN (matched by reference)
    const result = await json('camt053-v08.xml');
    // 700.00 over INV-1001 (500) and INV-1002 (200 of 300); Delta's 250 has no fitting text or IBAN yet; 100 USD by our RF.
    expect(result).toMatchObject({ credits: 3, items: 1, onAccount: 1, duplicates: 0 });
    expect(result.unmatched.map((credit) => credit.ref)).toEqual(['ZKB-20261204-0002']);
    expect(await openAmounts()).toMatchObject({ 'INV-1001': '0.00', 'INV-1002': '100.00' });
  });

  it('the same statement again changes nothing: every credit a duplicate', async () => {
    await json('camt053-v02.xml');
    const before = await openAmounts();
    const again = await json('camt053-v02.xml');
    expect(again).toEqual({ credits: 3, items: 0, onAccount: 0, unmatched: [], duplicates: 3 });
    expect(await openAmounts()).toEqual(before);
  });

  it('a camt.054 batch, then the camt.053 repeating its credits: only the new credit counts', async () => {
    const notification = await json('camt054-v04-batch.xml');
    expect(notification).toMatchObject({ credits: 2, items: 2, onAccount: 0, duplicates: 0, unmatched: [] });
    expect(await openAmounts()).toMatchObject({ 'INV-2001': '0.00', 'INV-1001': '0.00' });
    const statement = await json('camt053-v04-after-054.xml');
    expect(statement).toMatchObject({ credits: 3, items: 0, onAccount: 0, duplicates: 2 });
    expect(statement.unmatched.map((credit) => credit.amount)).toEqual(['75.50']);
  });

  it('a reversal undoes the credit it returns: the item is open again', async () => {
    await json('camt054-v04-batch.xml');
    expect((await openAmounts())['INV-2001']).toBe('0.00');
    const run = await importBank('camt053-v06-reversal.xml');
    expect(run.stdout).toContain('1 reversed');
    expect((await openAmounts())['INV-2001']).toBe('1200.00');
    // The reversal read again undoes nothing more.
    expect((await importBank('camt053-v06-reversal.xml')).stdout).not.toContain('reversed');
  });

  it('MT940 with ?-subfields: text split and an RF in the purpose; without them: the /NAME/ form and a reversal in the same file', async () => {
    const german = await json('mt940-de-structured.sta');
    expect(german).toMatchObject({ credits: 3, items: 1, onAccount: 1, duplicates: 0 });
    expect(german.unmatched).toEqual([{ ref: 'POS2612080004', date: '2026-12-08', amount: '12.00', currency: 'EUR', debtor: 'M. Mueller', text: 'Spende' }]);
    expect(await openAmounts()).toMatchObject({ 'INV-1001': '0.00', 'INV-1002': '100.00' });
    const plain = await importBank('mt940-plain.sta');
    expect(plain.code).toBe(0);
    // INV-2001 by number with the name fitting, then reversed in the same file; "ACME TRADING" in plain text has no name field: unmatched.
    expect(plain.stdout).toMatch(/mt940-plain\.sta: 2 credits: 1 credit to items, 0 on account, 1 unmatched, 0 duplicates, 1 reversed/);
    expect((await openAmounts())['INV-2001']).toBe('1200.00');
  });

  it('--dry-run matches and reports and changes nothing', async () => {
    const result = await json('camt053-v02.xml', '--dry-run');
    expect(result).toMatchObject({ credits: 3, items: 1, onAccount: 1 });
    expect((await openAmounts())['INV-2001']).toBe('1200.00');
    expect((await json('camt053-v02.xml')).duplicates).toBe(0);
  });

  it('a malformed file names the element, changes nothing, exit 2; --format forces the reader', async () => {
    writeFileSync(join(box.dir, 'bad.xml'), (await import('node:fs')).readFileSync(join(FIXTURES, 'camt053-v02.xml'), 'utf8').replace('<Amt Ccy="EUR">40.00</Amt>', '<Amt Ccy="EUR">4O.00</Amt>'));
    const bad = await box.run(['import', 'bank', 'bad.xml']);
    expect(bad).toEqual({ code: 2, stdout: '', stderr: 'duedesk: bad.xml: Document/BkToCstmrStmt/Stmt[1]/Ntry[4]/Amt: "4O.00" is not an amount; nothing imported\n' });
    expect((await openAmounts())['INV-2001']).toBe('1200.00');
    const forced = await box.run(['import', 'bank', 'bad.xml', '--format', 'mt940']);
    expect(forced.code).toBe(2);
    expect(forced.stderr).toMatch(/^duedesk: bad\.xml: line 1: "<\?xml version=/);
    expect((await box.run(['import', 'bank', 'bad.xml', '--format', 'pdf'])).stderr).toMatch(/--format must be camt or mt940/);
  });
});

describe('duedesk bank unmatched | assign', () => {
  it('lists the unmatched credits as CSV (formulas escaped), assigns one over items, and remembers the IBAN for next time', async () => {
    await json('camt053-v08.xml');
    const list = await box.run(['bank', 'unmatched']);
    expect(list.code).toBe(0);
    expect(list.stdout).toBe('reference,date,amount,currency,debtor,iban,creditor_reference,text\nZKB-20261204-0002,2026-12-04,250.00,EUR,D. Werkzeuge,DE44500105175407324931,,Zahlung Dezember\n');
    const assigned = await box.run(['bank', 'assign', 'ZKB-20261204-0002', 'DELTA04', '--items', 'INV-4001']);
    expect(assigned).toEqual({ code: 0, stderr: '', stdout: 'ZKB-20261204-0002: 250.00 EUR to INV-4001\ncredit ZKB-20261204-0002 assigned to DELTA04; DE44500105175407324931 remembered for DELTA04\n' });
    expect((await openAmounts())['INV-4001']).toBe('0.00');
    expect((await box.run(['bank', 'unmatched'])).stdout).toBe('reference,date,amount,currency,debtor,iban,creditor_reference,text\n');
    // The next credit from that account (text naming nothing) is Delta's, on account; ACME's names
    // INV-1001, paid in full already, so it goes on ACME's account too.
    const next = await json('camt053-v04-after-054.xml');
    expect(next).toMatchObject({ credits: 3, items: 1, onAccount: 2, unmatched: [] });
    const again = await box.run(['bank', 'assign', 'ZKB-20261204-0002', 'ACME01']);
    expect(again).toMatchObject({ code: 2, stderr: 'duedesk: bank assign: credit "ZKB-20261204-0002" is already matched to DELTA04; nothing changed\n' });
  });

  it('escapes a text cell a spreadsheet would run, and refuses an unknown customer or item', async () => {
    await json('camt053-v02.xml');
    expect((await box.run(['bank', 'unmatched'])).stdout).toContain(`2026120312345604,2026-12-03,40.00,EUR,Jo Smith & Partners,,,"'=HYPERLINK(""x"") thanks"`);
    expect((await box.run(['bank', 'assign', '2026120312345604', 'NOPE'])).stderr).toBe('duedesk: bank assign: unknown customer "NOPE"\n');
    expect((await box.run(['bank', 'assign', '2026120312345604', 'ACME01', '--items', 'INV-2001'])).stderr).toBe('duedesk: bank assign: customer "ACME01" has no invoice or charge "INV-2001"\n');
    expect((await box.run(['bank', 'assign', 'NOSUCH', 'ACME01'])).stderr).toMatch(/^duedesk: bank assign: no credit "NOSUCH"/);
    expect((await box.run(['bank', 'assign', '2026120312345604', 'ACME01', 'INV-1001'])).stderr).toMatch(/^duedesk: bank assign: unexpected argument "INV-1001"/);
    // --items takes the numbers that follow it, in the order paid: 40.00 over INV-1002 then INV-1001.
    const split = await box.run(['bank', 'assign', '2026120312345604', 'ACME01', '--items', 'INV-1002', 'INV-1001']);
    expect(split.stdout).toBe('2026120312345604: 40.00 EUR to INV-1002\ncredit 2026120312345604 assigned to ACME01\n');
  });
});
