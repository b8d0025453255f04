/**
 * End to end on both engines: reminders go out, the bank statement comes in, and the next plan asks
 * each customer only for what is still open — the invoices the statement paid are gone, a part
 * payment leaves the rest, an unmatched credit changes nothing until a clerk assigns it, and a
 * credit the bank returns is asked for again.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../cli/io.js';
import { dropDatabase, freshDatabase, pgAvailable } from '../helpers/pg.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'bank');

interface PlanJson {
  messages: { customer: string; currency: string; items: string[]; total: string; unapplied?: string }[];
}

async function plan(box: Sandbox, asOf: string): Promise<Record<string, { items: string[]; total: string }>> {
  const run = await box.run(['--send-due', '--dry-run', '--json', '--as-of', asOf]);
  expect([run.code, run.stderr]).toEqual([0, '']);
  const messages = (JSON.parse(run.stdout) as PlanJson).messages;
  return Object.fromEntries(messages.map((message) => [`${message.customer} ${message.currency}`, { items: message.items, total: message.total }]));
}

async function scenario(box: Sandbox): Promise<void> {
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

  box.today = '2026-12-01';
  const sent = await box.run(['--send-due', '--json', '--as-of', '2026-12-01']);
  expect(sent.code).toBe(0);
  expect((JSON.parse(sent.stdout) as { counts: { sent: number } }).counts.sent).toBe(3);

  box.today = '2026-12-04';
  copyFileSync(join(FIXTURES, 'camt053-v08.xml'), join(box.dir, 'statement.xml'));
  const imported = await box.run(['import', 'bank', 'statement.xml', '--json']);
  expect(JSON.parse(imported.stdout)).toMatchObject({ credits: 3, items: 1, onAccount: 1, duplicates: 0 });

  const next = await plan(box, '2026-12-20');
  // INV-1001 paid, INV-1002 paid 200 of 300; the 100 USD on account nets nothing in EUR.
  expect(next['ACME01 EUR']).toEqual({ items: ['INV-1002'], total: '100.00' });
  expect(next['BETA02 EUR']).toEqual({ items: ['INV-2001'], total: '1200.00' });
  // Delta's credit came without a fitting name or text: still asked until a clerk assigns it.
  expect(next['DELTA04 EUR']).toEqual({ items: ['INV-4001'], total: '250.00' });

  expect((await box.run(['bank', 'assign', 'ZKB-20261204-0002', 'DELTA04', '--items', 'INV-4001'])).code).toBe(0);
  const after = await plan(box, '2026-12-20');
  expect(after['DELTA04 EUR']).toBeUndefined();
  expect(Object.keys(after).sort()).toEqual(['ACME01 EUR', 'BETA02 EUR']);

  // Beta pays by its invoice's RF in a camt.054 batch; the bank then returns the money.
  for (const name of ['camt054-v04-batch.xml', 'camt053-v06-reversal.xml']) copyFileSync(join(FIXTURES, name), join(box.dir, name));
  expect((await box.run(['import', 'bank', 'camt054-v04-batch.xml'])).code).toBe(0);
  expect((await plan(box, '2026-12-20'))['BETA02 EUR']).toBeUndefined();
  const returned = await box.run(['import', 'bank', 'camt053-v06-reversal.xml']);
  expect(returned.stdout).toBe('camt053-v06-reversal.xml: 0 credits: 0 credits to items, 0 on account, 0 unmatched, 0 duplicates, 1 reversed\n');
  expect((await plan(box, '2026-12-20'))['BETA02 EUR']).toEqual({ items: ['INV-2001'], total: '1200.00' });
}

describe('a bank statement after a reminder', () => {
  it('on a file ledger: the next plan asks only for what is still open', async () => {
    await scenario(sandbox('2026-11-30'));
  });

  it.skipIf(!pgAvailable)('on PostgreSQL: the same', async () => {
    const url = await freshDatabase();
    try {
      const box = sandbox('2026-11-30');
      box.env.DUEDESK_DB = url;
      await scenario(box);
    } finally {
      await dropDatabase(url);
    }
  });
});
