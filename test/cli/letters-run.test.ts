/**
 * Letters end to end (docs/reference/messages.md §4.3, rules.md §8): a `letter` level writes each
 * customer's letter and one combined print file of the run's letters in send order; a customer
 * without a postal address gets no letter (skip `no-address` without e-mail; the e-mail alone
 * with one).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { emlFiles } from '../helpers/eml.js';
import { findPdftotext } from '../helpers/system-tools.js';
import { pdftotextOf } from '../documents/pdf-text.js';
import { sandbox, type Sandbox } from './io.js';
import { configSet, importCsv } from './seed-cli.js';

const pdftotext = findPdftotext();

let box: Sandbox;
beforeEach(async () => {
  box = sandbox('2026-02-10');
  await importCsv(box, {
    customers: [
      'code,name,email,language,address_line1,postal_code,city,country',
      'L1,Rossi & Figli S.r.l.,,it,Via Roma 12,00184,Roma,IT',
      'L2,Παπαδόπουλος Ο.Ε.,,el,Οδός Αθηνάς 12,105 51,Αθήνα,',
      'L3,Nowhere Ltd,,en,,,,',
      'L4,Mail Only Ltd,ap@mail-only.example,en,,,,',
    ].join('\n') + '\n',
    items: 'customer_code,number,issue_date,due_date,amount\n' + ['L1', 'L2', 'L3', 'L4'].map((code) => `${code},INV-${code},2025-11-01,2025-12-01,100.00`).join('\n') + '\n',
  });
  await configSet(box, 'company.name', 'Acme A.E.');
  await configSet(box, 'company.country', 'GR');
  await configSet(box, 'policy.levels', JSON.stringify([{ id: 'final', name: 'Final', days: 30, template: 'final', letter: true }]));
});

interface Json {
  messages: { customer: string; to: string[] }[];
  skipped: { customer: string; reason: string; detail?: string }[];
  problems: { customer: string; field: string; message: string }[];
}

describe('letters', () => {
  it('the dry run lists no-address for the customer with neither a postal nor an e-mail address', async () => {
    const result = await box.run(['--send-due', '--dry-run', '--json', '--as-of', '2026-02-10']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Json;
    expect(json.messages.map((m) => m.customer)).toEqual(['L1', 'L2', 'L4']);
    expect(json.skipped).toEqual([{ customer: 'L3', reason: 'no-address', detail: 'no postal address for the final letter, and no e-mail address' }]);
    expect(json.problems).toEqual([{ customer: 'L4', field: 'address_line1', message: 'no postal address: the final letter is not printed; the e-mail goes' }]);
  });

  it.skipIf(pdftotext === null)('the send writes each letter and one combined print file in send order', async () => {
    const result = await box.run(['--send-due', '--json', '--as-of', '2026-02-10']);
    expect(result.code).toBe(0);
    const print = join(box.dir, 'print');
    expect(readdirSync(print).sort()).toEqual(['2026-02-10-L1-EUR-final.pdf', '2026-02-10-L2-EUR-final.pdf', '2026-02-10-letters.pdf']);
    // The e-mail-only customer got its e-mail; no letter was printed for it.
    expect(emlFiles(join(box.dir, 'outbox')).map((mail) => /^To: (.*)$/m.exec(mail.headers)?.[1])).toEqual(['Mail Only Ltd <ap@mail-only.example>']);
    const combined = pdftotextOf(pdftotext!, readFileSync(join(print, '2026-02-10-letters.pdf')));
    const pages = combined.split('\f').filter((text) => text.trim() !== '');
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Rossi & Figli S.r.l.');
    expect(pages[0]).toContain('00184 Roma');
    expect(pages[0]).toContain('ITALY');
    expect(pages[1]).toContain('Παπαδόπουλος Ο.Ε.');
    expect(pages[1]).toContain('105 51 Αθήνα');
    // Each letter numbers its own pages, as it would printed alone.
    expect(pages[0]).toContain('Pagina 1 di 1');
    expect(pages[1]).toContain('Σελίδα 1 από 1');
    // A second run the same day sends nothing new and so writes no second print file.
    await box.run(['--send-due', '--json', '--as-of', '2026-02-10']);
    expect(existsSync(join(print, '2026-02-10-letters-2.pdf'))).toBe(false);
  });
});
