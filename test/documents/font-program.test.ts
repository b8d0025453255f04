import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { buildStatement } from '../../src/core/statement.js';
import type { Language } from '../../src/core/domain.js';
import { loadTemplateSet } from '../../src/documents/load-templates.js';
import { loadStatementFonts } from '../../src/documents/pdf/fonts.js';
import { renderStatementPdf } from '../../src/documents/pdf/render-statement.js';
import { asOf, customer, line, planned, settings } from './fixtures.js';
import { pdfPages } from './pdf-text.js';

// jspdf's own font writers, counted before the first statement installs the hand-over (this file has its own module scope).
const events = (jsPDF.API as unknown as { events: Array<[string, unknown]> }).events;
const fontWriters = events.filter(([event]) => event === 'putFont').length;
const templates = loadTemplateSet();
const fonts = loadStatementFonts();

function pdfOf(language: Language, name: string, lines: number): Buffer {
  const items = Array.from({ length: lines }, (_, at) => line(`Α-${at}`, 1_000 + at * 77, 10 + at));
  const model = buildStatement(planned(language, 'second', items, { customer: customer(language, { name }) }), settings, asOf);
  return Buffer.from(renderStatementPdf(model, templates.labels(model.language), { fonts }));
}

describe('the embedded font program handed to jspdf', () => {
  it('gives the bytes jspdf writes by itself, for new and repeated glyph sets and over several pages', async () => {
    const cases: Array<[Language, string, number]> = [['el', 'Ζαχαρίου Ψ.', 3], ['bg', 'Щерев ЕООД', 60], ['el', 'Ζαχαρίου Ψ.', 3], ['pt', 'Conceição Lda.', 1]];
    const handed = cases.map(([language, name, lines]) => pdfOf(language, name, lines));
    const added = events.filter(([event]) => event === 'putFont').length - fontWriters;
    expect(added).toBe(1);
    const at = events.findLastIndex(([event]) => event === 'putFont');
    const [handOver] = events.splice(at, 1);
    try {
      const own = cases.map(([language, name, lines]) => pdfOf(language, name, lines));
      handed.forEach((pdf, index) => expect(pdf.equals(own[index]!), cases[index]![1]).toBe(true));
    } finally {
      events.splice(at, 0, handOver!);
    }
    expect((await pdfPages(handed[1]!)).join(' ')).toContain('Щерев ЕООД');
  });
});
