/**
 * A level fee per currency end to end: `config set policy.levels` with a fee map, the dry-run
 * JSON, the plan problem, and the sent e-mail and statement PDF of each currency.
 */
import { join } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { emlFiles } from '../helpers/eml.js';
import { pdfPages } from '../documents/pdf-text.js';
import { sandbox, type Sandbox } from './io.js';
import { configSet, importCsv } from './seed-cli.js';

let box: Sandbox;
beforeEach(async () => {
  box = sandbox('2026-02-25');
  await importCsv(box, {
    customers: 'code,name,email,currency\nC1,Euro Ltd,ap@euro.example,EUR\nC2,Sterling Ltd,ap@sterling.example,GBP\n',
    items: 'customer_code,number,issue_date,due_date,amount\nC1,E-1,2026-01-01,2026-01-31,100.00\nC2,G-1,2026-01-01,2026-01-31,200.00\n',
  });
  const levels = [{ id: 'second', name: 'Second reminder', days: 21, template: 'second', fee: { EUR: 5 } }];
  await configSet(box, 'policy.levels', JSON.stringify(levels));
});

interface Json {
  messages: { customer: string; currency: string; fee: string; total: string }[];
}

it('the dry run charges the EUR fee to the EUR message only and says the GBP one has none', async () => {
  const json = await box.run(['--send-due', '--dry-run', '--json', '--as-of', '2026-02-25']);
  expect(json.code).toBe(0);
  const { messages } = JSON.parse(json.stdout) as Json;
  expect(messages.map((m) => [m.customer, m.currency, m.total, m.fee])).toEqual([
    ['C1', 'EUR', '100.00', '5.00'],
    ['C2', 'GBP', '200.00', '0.00'],
  ]);
  const table = await box.run(['--send-due', '--dry-run', '--as-of', '2026-02-25']);
  expect(table.stdout).toContain('(settings) policy.levels: level "second": no fee for GBP (fee is in EUR only)');
});

it('the sent e-mail and PDF show the fee in EUR and no fee line in GBP', async () => {
  const sent = await box.run(['--send-due', '--as-of', '2026-02-25']);
  expect(sent.code).toBe(0);
  const mails = emlFiles(join(box.dir, 'outbox'));
  const byCustomer = (name: string) => mails.find((mail) => mail.text.includes(name));
  const euro = byCustomer('Euro Ltd');
  const sterling = byCustomer('Sterling Ltd');
  expect(euro?.text).toContain('€5.00');
  expect(euro?.text).toContain('€105.00');
  expect(sterling?.text).toContain('£200.00');
  expect(sterling?.text).not.toMatch(/fee/i);
  const euroPdf = (await pdfPages(euro!.attachments[0]!.content)).join(' ');
  const sterlingPdf = (await pdfPages(sterling!.attachments[0]!.content)).join(' ');
  expect(euroPdf).toContain('Reminder fee');
  expect(euroPdf).toContain('€5.00');
  expect(sterlingPdf).not.toContain('Reminder fee');
});
