/** Disputes on the statement PDF (docs/reference/rules.md §9.3): a disputed line says so where the days overdue stand, and is not in the total. */
import { beforeAll, expect, it } from 'vitest';
import { loadTemplateSet, type TemplateSet } from '../../src/documents/load-templates.js';
import { loadStatementFonts, type StatementFonts } from '../../src/documents/pdf/fonts.js';
import { renderStatementPdf } from '../../src/documents/pdf/render-statement.js';
import { buildStatement } from '../../src/core/statement.js';
import { asOf, line, planned, settings } from './fixtures.js';
import { pdfLines } from './pdf-text.js';

let templates: TemplateSet;
let fonts: StatementFonts;
beforeAll(() => {
  templates = loadTemplateSet();
  fonts = loadStatementFonts();
});

it.each([['en', 'disputed', '100.00'], ['el', 'αμφισβητείται', '100,00']] as const)('%s: the disputed line is marked and left out of the total due', async (language, word, due) => {
  const lines = [line('F-1', 10000), line('F-2', 7000, 30, { dispute: 'damaged' })];
  const model = buildStatement(planned(language, 'statement', lines, { total: 10000 }), settings, asOf);
  const text = await pdfLines(renderStatementPdf(model, templates.labels(language), { fonts }));
  const disputedRow = text.find((row) => row.startsWith('F-2'));
  expect(disputedRow).toContain(word);
  expect(text.find((row) => row.startsWith('F-1'))).not.toContain(word);
  expect(text.some((row) => row.includes(due) && !row.startsWith('F-'))).toBe(true);
});
