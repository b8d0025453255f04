/**
 * Every amount of one document is grouped by thousands the same way: Italian, Portuguese and
 * Bulgarian used to write `6762,36` beside `14.978,71` (Intl groups four-digit numbers only from
 * five digits in those locales). Checked in the e-mail text, its HTML and the PDF.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { buildStatement } from '../../src/core/statement.js';
import { loadTemplateSet, type TemplateSet } from '../../src/documents/load-templates.js';
import { loadStatementFonts } from '../../src/documents/pdf/fonts.js';
import { renderStatementPdf } from '../../src/documents/pdf/render-statement.js';
import { findPdftotext } from '../helpers/system-tools.js';
import { asOf, customer, line, planned, settings } from './fixtures.js';
import { everyMessage } from './long-messages.js';
import { pdftotextOf } from './pdf-text.js';

const pdftotext = findPdftotext();
const LANGUAGES: Language[] = ['en', 'it', 'el', 'bg', 'pt'];
/** Four or more digits in a row before the decimals: an amount left ungrouped. */
const UNGROUPED = /(?<![\d.,\u00a0 ])\d{4,}[.,]\d{2}(?!\d)/g;

let templates: TemplateSet;
beforeAll(() => {
  templates = loadTemplateSet();
});

describe('thousands grouping', () => {
  it.each(LANGUAGES)('%s: no amount in any message text or HTML is left ungrouped', (language) => {
    for (const message of everyMessage(templates, language)) {
      expect(message.texts.text.match(UNGROUPED), `${language}/${message.kind} text`).toBeNull();
      expect(message.texts.html.match(UNGROUPED), `${language}/${message.kind} HTML`).toBeNull();
    }
  });

  it.skipIf(pdftotext === null)('it: the PDF writes 6.762,36 as it writes 14.978,71', () => {
    const message = planned('it', 'first', [line('F-1', 676236), line('F-2', 1497871)], { customer: customer('it') });
    const text = pdftotextOf(pdftotext!, renderStatementPdf(buildStatement(message, settings, asOf), templates.labels('it'), { fonts: loadStatementFonts() }));
    expect(text).toContain('6.762,36');
    expect(text).toContain('14.978,71');
    expect(text.match(UNGROUPED)).toBeNull();
  });
});
