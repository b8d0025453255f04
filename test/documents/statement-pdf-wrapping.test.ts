/**
 * What a letter is about is never cut: the customer's name, an amount, a reference, a label or a
 * sentence too long for its place wraps onto more lines (table rows grow), in every language. Read
 * back with poppler's pdftotext, as a reader copying the text would get it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { buildStatement } from '../../src/core/statement.js';
import { loadTemplateSet, type TemplateSet } from '../../src/documents/load-templates.js';
import { loadStatementFonts, type StatementFonts } from '../../src/documents/pdf/fonts.js';
import { renderStatementPdf } from '../../src/documents/pdf/render-statement.js';
import { findPdftotext } from '../helpers/system-tools.js';
import { asOf, customer, line, planned, settings } from './fixtures.js';
import { pdftotextOf } from './pdf-text.js';

const pdftotext = findPdftotext();

let templates: TemplateSet;
let fonts: StatementFonts;
beforeAll(() => {
  templates = loadTemplateSet();
  fonts = loadStatementFonts();
});

/** An 80-character customer name in each language's own script. */
const NAMES: Record<Language, string> = {
  en: 'Northern Counties Agricultural Machinery Importers and Distributors Limited (UK)',
  it: 'Società Cooperativa Agricola Produttori Ortofrutticoli della Piana del Sele Scrl',
  el: 'Ελληνική Εταιρεία Εισαγωγών και Εξαγωγών Βιομηχανικών Προϊόντων Ανώνυμη Εταιρεία',
  bg: 'Търговско дружество за внос и износ на селскостопанска техника и резервни части.',
  pt: 'Sociedade Comercial de Importação e Exportação de Máquinas Agrícolas do Norte SA',
};

const REFERENCE = 'SEPA CT E2E ACME-GR-0001 INV-2026-000123 ORDER 2026-03-18 CUSTOMER-REF-77';
const NUMBER = 'INV-2026-000000000123-WAREHOUSE-THESSALONIKI-NORTH';

/** The PDF text with every run of white space (line breaks from wrapping) made one space. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

describe.skipIf(pdftotext === null)('statement PDF: long text wraps, nothing is cut', () => {
  it.each<Language>(['en', 'it', 'el', 'bg', 'pt'])('%s: name, shortfall sentence, credit-note label, item number and payment reference are whole', (language) => {
    expect(Array.from(NAMES[language])).toHaveLength(80);
    const who = customer(language, { name: NAMES[language] });
    const message = planned(language, 'installment', [line(NUMBER, 1234567, 20), line('CN-1', -5000, 20, { kind: 'credit_note' })], {
      customer: who,
      payments: [{ reference: REFERENCE, date: '2026-03-18', amount: 10000 }],
      unapplied: 10000,
      cases: [{
        case: 'K-7', installment: 1000000, expectedDate: '2026-03-05', missed: true, total: 50000000, paid: 2000000, remaining: 48000000,
        paidThisMonth: 10000, shortfall: 990000, currency: 'EUR',
      }],
    });
    const model = buildStatement(message, settings, asOf);
    const labels = templates.labels(language);
    const text = pdftotextOf(pdftotext!, renderStatementPdf(model, labels, { fonts }));

    const row = model.cases[0]!;
    const shortfall = labels.shortfall.replace('{paid}', row.paidThisMonth).replace('{installment}', row.installment).replace('{due}', row.shortfall);
    expect(flat(text)).toContain(`K-7 (${labels.missed}): ${shortfall}`);
    expect(flat(text)).toContain(NAMES[language]);
    expect(flat(text)).toContain(labels.creditNote);
    expect(flat(text)).toContain(`${labels.paymentOnAccount} 18`);
    expect(flat(text)).toContain(REFERENCE);
    // An item number without spaces breaks inside the word, its parts one under the other.
    expect(text.replace(/\s+/g, '')).toContain(NUMBER);
    expect(text).not.toContain('…');
  });

  it('the longest name duedesk imports (200 characters) stays whole even in the widest capitals', () => {
    const name = Array.from({ length: 20 }, () => 'WMWMWMWMW').join(' ').slice(0, 199) + 'W';
    expect(name).toHaveLength(200);
    const model = buildStatement(planned('en', 'final', [line('F-1', 10000)], { customer: customer('en', { name }) }), settings, asOf);
    const text = pdftotextOf(pdftotext!, renderStatementPdf(model, templates.labels('en'), { fonts }));
    expect(flat(text)).toContain(name);
    expect(text).not.toContain('…');
  });
});
