import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { buildStatement } from '../../src/core/statement.js';
import type { Language } from '../../src/core/domain.js';
import { loadTemplateSet } from '../../src/documents/load-templates.js';
import { loadStatementFonts } from '../../src/documents/pdf/fonts.js';
import { renderStatementPdf } from '../../src/documents/pdf/render-statement.js';
import { installRightToLeftGate, needsRightToLeftPasses } from '../../src/documents/pdf/right-to-left-passes.js';
import { asOf, customer, line, planned, settings } from './fixtures.js';

// jspdf's own text passes, taken before the first statement is rendered (this file runs in its own module scope).
const events = (jsPDF.API as unknown as { events: Array<[string, unknown]> }).events;
const original = events.map((entry) => entry[1]);
const templates = loadTemplateSet();
const fonts = loadStatementFonts();

function pdfOf(language: Language, name: string, number: string): Buffer {
  const model = buildStatement(planned(language, 'second', [line(number, 123_456), line(`${number}-2`, 7_890, 40)], { customer: customer(language, { name }) }), settings, asOf);
  return Buffer.from(renderStatementPdf(model, templates.labels(model.language), { fonts }));
}

describe("jspdf's Arabic shaping and bidi passes", () => {
  it.each([
    ['Latin, digits and €', 'Acme Ltd € 1,234.50', false],
    ['Greek', 'Παπαδόπουλος & Υιοί Ο.Ε.', false],
    ['Cyrillic', 'Щерев ЕООД', false],
    ['lines with positions', [['ΤΔΑ-1', 10, 20], 'Total'], false],
    ['Hebrew', 'שלום בע"מ', true],
    ['Arabic', 'شركة', true],
    ['a right-to-left mark', 'Acme\u200F', true],
    ['Arabic in one of several lines', ['Total', ['شركة', 1, 2]], true],
    ['a supplementary right-to-left letter', 'Acme \u{10900}', true],
  ])('run for %s: %s', (_what, text, expected) => {
    expect(needsRightToLeftPasses(text)).toBe(expected);
  });

  it('are skipped only where they change nothing: every statement keeps its bytes', () => {
    const cases: Array<[Language, string, string]> = [
      ['el', 'Παπαδόπουλος & Υιοί Ο.Ε.', 'ΤΔΑ-1'],
      ['bg', 'Щерев ЕООД', 'ФК-9'],
      ['it', 'Rossi & Figli S.r.l.', 'FT-2026/17'],
      ['pt', 'Conceição Lda.', 'FT 2026/3'],
      ['en', 'Acme Trading Ltd', 'INV-1'],
      ['en', 'שלום בע"מ شركة', 'INV-2'],
    ];
    const gated = cases.map(([language, name, number]) => pdfOf(language, name, number));
    const replaced = events.slice(0, original.length).filter((entry, at) => entry[1] !== original[at]).map(([event]) => event);
    expect(replaced.sort()).toEqual(['postProcessText', 'preProcessText']);
    const gates = events.map((entry) => entry[1]);
    try {
      original.forEach((pass, at) => (events[at]![1] = pass));
      const ungated = cases.map(([language, name, number]) => pdfOf(language, name, number));
      gated.forEach((pdf, at) => expect(pdf.equals(ungated[at]!), cases[at]![1]).toBe(true));
    } finally {
      gates.forEach((pass, at) => (events[at]![1] = pass));
    }
  });

  it('still shape Arabic text, and leave other text as it is', () => {
    installRightToLeftGate();
    const [, shape] = events.find(([event]) => event === 'preProcessText') as [string, (payload: { text: unknown }) => void];
    const arabic = { text: 'شركة' };
    shape(arabic);
    // Joined letters become their presentation forms (U+FE70–U+FEFF).
    expect(arabic.text).not.toBe('شركة');
    expect(arabic.text).toMatch(/^[\uFE70-\uFEFF]+$/);
    const greek = { text: [['Σύνολο', 1, 2]] };
    const before = greek.text;
    shape(greek);
    expect(greek.text).toBe(before);
  });

  it('shape a measured string only when it holds Arabic', () => {
    installRightToLeftGate();
    const shape = (jsPDF.API as unknown as { processArabic: (text: string) => string }).processArabic;
    expect(shape('Σύνολο 1.234,50 €')).toBe('Σύνολο 1.234,50 €');
    expect(shape('شركة')).toMatch(/^[\uFE70-\uFEFF]+$/);
  });
});
