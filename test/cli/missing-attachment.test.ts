/**
 * A level with attachInvoices whose invoice PDF is missing holds that message back, in the dry
 * run and the real send alike, with skip reason `missing-attachment` naming the file; a customer
 * whose invoice is there gets the e-mail with the invoice attached.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { emlFiles } from '../helpers/eml.js';
import { sandbox, type Sandbox } from './io.js';
import { configSet, importCsv } from './seed-cli.js';

let box: Sandbox;
let invoices: string;
beforeEach(async () => {
  box = sandbox('2026-02-10');
  await importCsv(box, {
    customers: 'code,name,email\nC1,One Ltd,ap@one.example\nC2,Two Ltd,ap@two.example\n',
    items: 'customer_code,number,issue_date,due_date,amount\nC1,INV-1,2026-01-01,2026-01-31,100.00\nC2,INV-2,2026-01-01,2026-01-31,50.00\n',
  });
  invoices = join(box.dir, 'invoices');
  mkdirSync(invoices);
  writeFileSync(join(invoices, 'INV-2.pdf'), '%PDF-1.4 invoice INV-2');
  await configSet(box, 'mail.invoiceDir', invoices);
  await configSet(box, 'policy.levels', JSON.stringify([{ id: 'first', name: 'First', days: 7, template: 'first', attachInvoices: true }]));
});

interface Json {
  messages: { customer: string }[];
  skipped: { customer: string; reason: string; detail?: string }[];
  counts: { planned: number; sent: number; skipped: number };
}

it('the dry run holds the message back and names the missing file', async () => {
  const result = await box.run(['--send-due', '--dry-run', '--json', '--as-of', '2026-02-10']);
  expect(result.code).toBe(0);
  const json = JSON.parse(result.stdout) as Json;
  expect(json.messages.map((m) => m.customer)).toEqual(['C2']);
  expect(json.skipped).toEqual([{ customer: 'C1', reason: 'missing-attachment', detail: join(invoices, 'INV-1.pdf') }]);
  expect(json.counts).toMatchObject({ planned: 1, skipped: 1 });
});

it('the real send sends only the message whose invoice is there, with it attached', async () => {
  const result = await box.run(['--send-due', '--json', '--as-of', '2026-02-10']);
  expect(result.code).toBe(0);
  const json = JSON.parse(result.stdout) as Json;
  expect(json.skipped).toEqual([{ customer: 'C1', reason: 'missing-attachment', detail: join(invoices, 'INV-1.pdf') }]);
  const mails = emlFiles(join(box.dir, 'outbox'));
  expect(mails).toHaveLength(1);
  expect(mails[0]?.headers).toMatch(/^To: Two Ltd <ap@two\.example>$/m);
  expect(mails[0]?.attachments.map((a) => a.filename)).toEqual(['C2-EUR-first.pdf', 'INV-2.pdf']);
  expect(mails[0]?.attachments[1]?.content.toString()).toBe('%PDF-1.4 invoice INV-2');

  // Once the invoice is supplied, the next run sends C1 too (it was never recorded as sent).
  writeFileSync(join(invoices, 'INV-1.pdf'), '%PDF-1.4 invoice INV-1');
  const again = JSON.parse((await box.run(['--send-due', '--json', '--as-of', '2026-02-10'])).stdout) as Json;
  expect(again.messages.map((m) => m.customer)).toEqual(['C1']);
  expect(again.skipped).toEqual([]);
});
