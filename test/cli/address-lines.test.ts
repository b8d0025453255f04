/**
 * `config set company.address 'A\nB'` (a backslash and an n, as a shell passes them) prints the
 * address on two lines in the statement PDF and without a literal `\n` in the e-mail.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { emlFiles } from '../helpers/eml.js';
import { pdfLines } from '../documents/pdf-text.js';
import { sandbox } from './io.js';
import { configSet, importCsv } from './seed-cli.js';

it('an address typed with \\n is two lines on the PDF and one readable line in the e-mail', async () => {
  const box = sandbox('2026-02-10');
  await importCsv(box, {
    customers: 'code,name,email\nC1,Customer Ltd,ap@customer.example\n',
    items: 'customer_code,number,issue_date,due_date,amount\nC1,INV-1,2026-01-01,2026-01-31,100.00\n',
  });
  // The e-mail templates shipped do not print the address: a user's signature does.
  const partials = join(box.dir, 'templates', 'en', 'partials');
  mkdirSync(partials, { recursive: true });
  writeFileSync(join(partials, 'signature-text.mustache'), '{{company.name}}\n{{company.address}}\n');
  await configSet(box, 'templatesDir', join(box.dir, 'templates'));
  await configSet(box, 'company.name', 'Acme Srl');
  await configSet(box, 'company.address', 'Via Roma 1\\n00100 Roma');

  const sent = await box.run(['--send-due', '--as-of', '2026-02-10']);
  expect(sent.code).toBe(0);
  const [mail] = emlFiles(join(box.dir, 'outbox'));
  expect(mail?.text).toContain('Acme Srl\nVia Roma 1, 00100 Roma');
  expect(mail?.text).not.toContain('\\n');
  const lines = await pdfLines(mail!.attachments[0]!.content);
  const name = lines.indexOf('Acme Srl');
  expect(lines.slice(name, name + 3)).toEqual(['Acme Srl', 'Via Roma 1', '00100 Roma']);
});
