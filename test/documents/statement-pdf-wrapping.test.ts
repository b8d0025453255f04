/**
 * What a letter is about is never cut: the customer's name, an amount, a reference, a label or a
 * sentence too long for its place wraps onto more lines (table rows grow), in every language. Read
 * back with poppler's pdftotext, as a reader copying the text would get it.
 *
 * Rendering cost is bounded for any field: a database from an older version (or written by another
 * tool) may hold a megabyte-long name, code or item number, and drawing it must neither stall the
 * run that holds the send lock nor put the whole field into the PDF. Such a field wraps like any
 * other, up to its kind's line cap; only what lies beyond those lines is left out, marked "…".
 */
import { jsPDF } from 'jspdf';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadTemplateSet, type TemplateSet } from '../../src/documents/load-templates.js';
import { loadStatementFonts, type StatementFonts } from '../../src/documents/pdf/fonts.js';
import { renderStatementPdf } from '../../src/documents/pdf/render-statement.js';
import { lineCaps } from '../../src/documents/pdf/wrap-text.js';
import type { Language } from '../../src/core/domain.js';
import { buildStatement } from '../../src/core/statement.js';
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
afterEach(() => {
  vi.restoreAllMocks();
});

const MB = 1024 * 1024;

describe.skipIf(pdftotext === null)('statement PDF with very long fields', () => {
  it('wraps a 1 MB name, code, item number and company name to their line caps, handling only line-sized text', () => {
    const handled = { chars: 0 };
    // Every document copies its methods from jsPDF.API when it is made, so a spy there sees all calls.
    const api = jsPDF.API as unknown as { getTextWidth(this: jsPDF, text: string): number; splitTextToSize(this: jsPDF, text: string, width: number): string[] };
    const { getTextWidth, splitTextToSize } = api;
    vi.spyOn(api, 'getTextWidth').mockImplementation(function (this: jsPDF, text: string) {
      handled.chars += text.length;
      return getTextWidth.call(this, text);
    });
    vi.spyOn(api, 'splitTextToSize').mockImplementation(function (this: jsPDF, text: string, width: number) {
      handled.chars += text.length;
      return splitTextToSize.call(this, text, width);
    });
    const name = `Long Name Ltd ${'n'.repeat(MB)}`;
    const who = customer('en', { name, code: `C${'c'.repeat(MB)}` });
    const message = planned('en', 'first', [line(`INV-${'9'.repeat(MB)}`, 12345, 20)], { customer: who });
    const company = { ...settings, company: { ...settings.company, name: `Acme ${'a'.repeat(MB)}` } };
    const model = buildStatement(message, company, asOf);

    const pdf = renderStatementPdf(model, templates.labels('en'), { fonts });

    // Four megabytes of fields, yet each was split and measured only up to what its lines can hold.
    expect(handled.chars).toBeLessThan(400_000);
    // The fields are not copied whole into the file (a normal statement is ~30 KiB).
    expect(pdf.byteLength).toBeLessThan(150 * 1024);
    const text = pdftotextOf(pdftotext!, pdf);
    const lines = text.split('\n');
    // The customer's name fills its lines, the last marked as cut; the same for the other fields.
    const nameStart = lines.findIndex((entry) => entry.startsWith('Long Name Ltd'));
    expect(nameStart).toBeGreaterThan(-1);
    const nameLines = lines.slice(nameStart, nameStart + lineCaps.name);
    expect(nameLines.slice(1).every((entry) => /^n+…?$/.test(entry))).toBe(true);
    expect(nameLines.at(-1)).toMatch(/^n+…$/);
    expect(text).toMatch(/^Acme a+$/m);
    expect(text).toMatch(/^a+…$/m);
    expect(text).toMatch(/^INV-9+$/m);
    expect(text).toMatch(/^9+…$/m);
    expect(text).toMatch(/^Customer no\. Cc+$/m);
    // The capped fields fill the first page; the payment details follow on a second, not on hundreds.
    expect(text).toMatch(/Page 1 of [12]\b/);
  });
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
