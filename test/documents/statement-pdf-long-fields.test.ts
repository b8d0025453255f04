/**
 * Rendering cost is bounded for any field: a database from an older version (or written by another
 * tool) may hold a megabyte-long name, code or item number, and drawing it must neither stall the
 * run that holds the send lock nor put the whole field into the PDF.
 */
import { jsPDF } from 'jspdf';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadTemplateSet, type TemplateSet } from '../../src/documents/load-templates.js';
import { loadStatementFonts, type StatementFonts } from '../../src/documents/pdf/fonts.js';
import { renderStatementPdf } from '../../src/documents/pdf/render-statement.js';
import { buildStatement } from '../../src/core/statement.js';
import { asOf, customer, line, planned, settings } from './fixtures.js';
import { pdfPages } from './pdf-text.js';

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

describe('statement PDF with very long fields', () => {
  it('cuts a 1 MB name, code, item number and company name with an ellipsis, measuring only line-sized text', async () => {
    const measured = { calls: 0, chars: 0 };
    // Every document copies its methods from jsPDF.API when it is made, so a spy there sees all calls.
    const api = jsPDF.API as unknown as { getTextWidth(this: jsPDF, text: string): number };
    const getTextWidth = api.getTextWidth;
    vi.spyOn(api, 'getTextWidth').mockImplementation(function (this: jsPDF, text: string) {
      measured.calls += 1;
      measured.chars += text.length;
      return getTextWidth.call(this, text);
    });
    const who = customer('en', { name: `Long ${'n'.repeat(MB)}`, code: `C${'c'.repeat(MB)}` });
    const message = planned('en', 'first', [line(`INV-${'9'.repeat(MB)}`, 12345, 20, { case: `K${'k'.repeat(MB)}` })], { customer: who });
    const company = { ...settings, company: { ...settings.company, name: `Acme ${'a'.repeat(MB)}` } };
    const model = buildStatement(message, company, asOf);

    const pdf = renderStatementPdf(model, templates.labels('en'), { fonts });

    // Every measurement is of at most a line's worth of text, and there are few of them.
    expect(measured.chars).toBeLessThan(200_000);
    expect(measured.calls).toBeLessThan(500);
    // The fields are not copied whole into the file (a normal statement is ~30 KiB).
    expect(pdf.byteLength).toBeLessThan(100 * 1024);
    const text = (await pdfPages(pdf)).join(' ');
    expect(text).toMatch(/Long n+…/);
    expect(text).toMatch(/Acme a+…/);
    expect(text).toMatch(/INV-9+…/);
    expect(text).toMatch(/Customer no\. Cc+…/);
    expect(text).toContain('Page 1 of 1');
  });
});
