/**
 * The pay link (docs/reference/settings.md §3.11): in every message that asks for money a button in
 * the HTML, the plain URL in the text and a clickable link with the URL printed in the PDF, filled
 * and URL-encoded for the message; nothing in a message that asks for nothing; a template that
 * could send the payer to another host refused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { pdftotextOf } from '../documents/pdf-text.js';
import { emlFiles } from '../helpers/eml.js';
import { findPdftotext } from '../helpers/system-tools.js';
import { sandbox, type Sandbox } from './io.js';
import { configSet, importCsv } from './seed-cli.js';

const pdftotext = findPdftotext();
const TEMPLATE = 'https://pay.example.com/checkout?amount={{amount}}&cur={{currency}}&ref={{reference}}&c={{customer}}';

let box: Sandbox;
beforeEach(async () => {
  box = sandbox('2026-12-08');
  await importCsv(box, {
    customers: 'code,name,email,language,currency\nR/1,Reminded GmbH,ap@reminded.example,en,EUR\nCOV01,Covered Ltd,ap@covered.example,it,EUR\n',
    items: 'customer_code,number,issue_date,due_date,amount\nR/1,INV-1,2026-10-01,2026-11-01,150.50\nCOV01,COV-1,2026-10-01,2026-11-01,100.00\n',
  });
  const payments = join(box.dir, 'payments.csv');
  (await import('node:fs')).writeFileSync(payments, 'customer_code,date,amount,reference\nCOV01,2026-11-20,120.00,PAY-COV01\n');
  expect((await box.run(['import', 'payments', payments])).code).toBe(0);
  await configSet(box, 'company.name', 'Seller AG');
  await configSet(box, 'company.iban', 'DE89370400440532013000');
  await configSet(box, 'company.payUrl', TEMPLATE);
});

describe('company.payUrl', () => {
  it('a reminder carries the filled link: button in the HTML, URL in the text, clickable and printed in the PDF', async () => {
    const out = join(box.dir, 'out');
    const run = await box.run(['--send-due', '--dry-run', '--as-of', '2026-12-08', '--out', out]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const [mail] = emlFiles(out);
    const url = 'https://pay.example.com/checkout?amount=150.50&cur=EUR&ref=RF69R1EUR&c=R%2F1';
    expect(mail!.text).toContain(`Pay online: ${url}\n`);
    expect(mail!.html).toContain(`<a href="${url.replaceAll('&', '&amp;')}"`);
    expect(mail!.html).toMatch(/>Pay online<\/a>/);
    const pdf = readdirSync(out).find((name) => name.endsWith('.pdf'))!;
    const bytes = readFileSync(join(out, pdf));
    expect(bytes.toString('latin1')).toContain(`/URI (${url})`);
    if (pdftotext !== null) {
      const text = pdftotextOf(pdftotext, bytes);
      expect(text).toContain('Pay online');
      expect(text.replace(/\s+/g, '')).toContain(url);
    }
  });

  it('a message that asks for nothing (payments cover everything) carries no link', async () => {
    const out = join(box.dir, 'statement');
    const run = await box.run(['statement', 'COV01', '--as-of', '2026-12-08', '--out', out]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const files = readdirSync(out);
    for (const mail of emlFiles(out)) {
      expect(mail.text).not.toContain('pay.example.com');
      expect(mail.html).not.toContain('pay.example.com');
    }
    const pdf = files.find((name) => name.endsWith('.pdf'))!;
    const bytes = readFileSync(join(out, pdf));
    expect(bytes.toString('latin1')).not.toContain('pay.example.com');
    if (pdftotext !== null) expect(pdftotextOf(pdftotext, bytes)).not.toContain('Paga online');
  });

  it.each([
    ['http://pay.example.com/?a={{amount}}', 'must start with https://'],
    ['https://{{customer}}.example.com/pay', 'must name its host itself: no placeholder before the path'],
    ['https://pay.example.com/?iban={{iban}}', 'has an unknown placeholder {{iban}}'],
    ['https://{{customer}}@pay.example.com/', 'must name its host itself'],
  ])('refuses %s', async (template, message) => {
    const run = await box.run(['config', 'set', 'company.payUrl', template]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
