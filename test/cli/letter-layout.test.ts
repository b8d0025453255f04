/**
 * `duedesk statement --out` end to end, in the five languages, with an 80-character customer name, a
 * long payment reference, a credit note and amounts of four and five digits: the PDF (read with
 * pdftotext) shows every name, label, reference and amount whole and grouped alike, and the HTML
 * e-mail laid out by headless Chromium fits a 390 px phone screen.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutInBrowser } from '../helpers/browser.js';
import { readEml } from '../helpers/eml.js';
import { findChromium, findPdftotext } from '../helpers/system-tools.js';
import { pdftotextOf } from '../documents/pdf-text.js';
import { sandbox, type Sandbox } from './io.js';

const pdftotext = findPdftotext();
const chromium = findChromium();

const CUSTOMERS = [
  ['EN1', 'en', 'Northern Counties Agricultural Machinery Importers and Distributors Limited (UK)'],
  ['IT1', 'it', 'Società Cooperativa Agricola Produttori Ortofrutticoli della Piana del Sele Scrl'],
  ['EL1', 'el', 'Ελληνική Εταιρεία Εισαγωγών και Εξαγωγών Βιομηχανικών Προϊόντων Ανώνυμη Εταιρεία'],
  ['BG1', 'bg', 'Търговско дружество за внос и износ на селскостопанска техника и резервни части.'],
  ['PT1', 'pt', 'Sociedade Comercial de Importação e Exportação de Máquinas Agrícolas do Norte SA'],
] as const;
/** A bank's long remittance reference, one per customer (references are unique). */
const reference = (code: string): string => `SEPA CT E2E ACME-GR-0001 ORDER 2026-11-18 CUSTOMER-REF-${code}`;
const CREDIT_NOTE = { en: 'credit note', it: 'nota di credito', el: 'πιστωτικό', bg: 'кредитно известие', pt: 'nota de crédito' };
const GROUPED = { en: ['6,762.36', '14,978.71'], it: ['6.762,36', '14.978,71'], el: ['6.762,36', '14.978,71'], bg: ['6 762,36', '14 978,71'], pt: ['6 762,36', '14 978,71'] };

let box: Sandbox;

/** Run duedesk with `argv`, which must succeed without a word on standard error. */
async function ok(argv: string[]): Promise<void> {
  const { code, stderr } = await box.run(argv);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
}

function file(name: string, text: string): string {
  writeFileSync(join(box.dir, name), text);
  return join(box.dir, name);
}

/** Import the customers, their items and payments, and write their statements into out/. */
async function writeStatements(): Promise<void> {
  box = sandbox();
  const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
  await ok(['import', 'customers', file('customers.csv', `code,name,email,language,currency\n${CUSTOMERS.map(([code, language, name]) => `${code},${quoted(name)},ap@${code.toLowerCase()}.test,${language},EUR`).join('\n')}\n`)]);
  const items = CUSTOMERS.flatMap(([code]) => [
    `${code},INV-2026-000000000123-WAREHOUSE-NORTH,2026-09-01,2026-10-01,6762.36,EUR,invoice`,
    `${code},F-2,2026-09-05,2026-10-05,14978.71,EUR,invoice`,
    `${code},NC-1,2026-09-12,2026-09-12,-50.00,EUR,credit_note`,
  ]);
  await ok(['import', 'items', file('items.csv', `customer_code,number,issue_date,due_date,amount,currency,kind\n${items.join('\n')}\n`)]);
  const payments = CUSTOMERS.map(([code]) => `${code},2026-11-15,100.00,${reference(code)}`);
  await ok(['import', 'payments', file('payments.csv', `customer_code,date,amount,reference\n${payments.join('\n')}\n`)]);
  await ok(['statement', ...CUSTOMERS.map(([code]) => code), '--as-of', '2026-12-01', '--out', 'out']);
}

describe.skipIf(pdftotext === null)('statement PDF from the command line', () => {
  it('shows name, credit-note label, payment reference and amounts whole in every language', async () => {
    await writeStatements();
    for (const [code, language, name] of CUSTOMERS) {
      const text = pdftotextOf(pdftotext!, readFileSync(join(box.dir, 'out', `${code}-EUR-statement.pdf`)));
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain(name);
      expect(flat).toContain(CREDIT_NOTE[language]);
      expect(flat).toContain(reference(code));
      expect(text.replace(/\s+/g, '')).toContain('INV-2026-000000000123-WAREHOUSE-NORTH');
      for (const amount of GROUPED[language]) expect(flat).toContain(amount);
      expect(text).not.toContain('…');
    }
  }, 60_000);
});

describe.skipIf(chromium === null)('statement e-mail from the command line in a browser', () => {
  it('fits a 390 px phone screen in every language, the summary box first', async () => {
    await writeStatements();
    const documents = CUSTOMERS.map(([code]) => ({ name: code, html: readEml(readFileSync(join(box.dir, 'out', `${code}-EUR-statement.eml`), 'latin1')).html }));
    const layouts = await layoutInBrowser(chromium!, documents, 390);
    for (const layout of layouts) {
      expect(layout.scrollWidth, layout.name).toBeLessThanOrEqual(390);
      expect(layout.overflowing, layout.name).toEqual([]);
      expect(layout.wrappedAmounts, layout.name).toEqual([]);
      expect(layout.summary, layout.name).toMatch(/RF\d\d/);
      expect(layout.summaryTop, layout.name).toBeLessThan(layout.firstTableTop);
    }
  }, 120_000);
});
