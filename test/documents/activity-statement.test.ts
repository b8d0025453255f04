/** The activity statement as the customer reads it: e-mail text, HTML and PDF in every language. */
import { beforeAll, describe, expect, it } from 'vitest';
import { activityStatement } from '../../src/core/activity.js';
import type { Language } from '../../src/core/domain.js';
import { buildMessage } from '../../src/documents/build-message.js';
import { loadStatementFonts } from '../../src/documents/pdf/fonts.js';
import { loadTemplateSet, type TemplateSet } from '../../src/documents/load-templates.js';
import { asOf, line, planned, settings } from './fixtures.js';
import { pdfPages } from './pdf-text.js';

let templates: TemplateSet;
beforeAll(() => {
  templates = loadTemplateSet();
});

const activity = activityStatement(
  [
    { number: 'F-1', kind: 'invoice', issueDate: '2026-01-15', amount: 128450 },
    { number: 'F-2', kind: 'invoice', issueDate: '2026-03-02', amount: 50000 },
    { number: 'NC-1', kind: 'credit_note', issueDate: '2026-03-05', amount: -10000 },
  ],
  [{ reference: 'BON-77', date: '2026-03-10', amount: 28450, itemNumber: 'F-1', case: null }],
  '2026-03-01',
  asOf,
);

async function build(language: Language, count = 1) {
  const lines = Array.from({ length: count }, () => activity.lines).flat();
  const message = planned(language, 'activity', [line('F-1', 100000), line('F-2', 50000, -5)], {
    kind: 'statement',
    level: null,
    key: 'C-001-EUR-statement',
    activity: { ...activity, lines },
  });
  return buildMessage(message, { settings, asOf, templates, fonts: loadStatementFonts(), messageId: '<t@acme.test>' });
}

describe('activity statement documents', () => {
  it.each<[Language, string[]]>([
    ['en', ['Account activity', 'Opening balance', 'Closing balance', 'Payment for F-1', 'Credit note']],
    ['it', ['Movimenti del conto', 'Saldo iniziale', 'Saldo finale', 'Pagamento rif. F-1', 'Nota di credito']],
    ['el', ['Κίνηση λογαριασμού', 'Υπόλοιπο από μεταφορά', 'Υπόλοιπο τέλους περιόδου', 'Πληρωμή έναντι F-1', 'Πιστωτικό']],
    ['bg', ['Движение по сметката', 'Начално салдо', 'Крайно салдо', 'Плащане по F-1', 'Кредитно известие']],
    ['pt', ['Movimentos da conta', 'Saldo inicial', 'Saldo final', 'Pagamento referente a F-1', 'Nota de crédito']],
  ])('%s: the e-mail shows the period, opening balance, every movement and the closing balance', async (language, words) => {
    const message = await build(language);
    expect(message.subject).toContain(words[0]);
    for (const word of words.slice(1)) {
      expect(message.text).toContain(word);
      expect(message.html).toContain(word);
    }
    expect(message.text).not.toContain('{{');
    // Opening 1,284.50 (F-1 before the period); closing 1,284.50 + 500 − 100 − 284.50 = 1,400.00.
    const separator = { en: ',', el: '.', it: '.', bg: ' ', pt: ' ' }[language];
    const opening = language === 'en' ? '€1,284.50' : `1${separator}284,50 €`;
    const closing = language === 'en' ? '€1,400.00' : `1${separator}400,00 €`;
    expect(message.text).toContain(opening);
    expect(message.text).toContain(closing);
  });

  it.each<[Language, string, string]>([
    ['en', 'Opening balance', 'Closing balance'],
    ['el', 'Υπόλοιπο από μεταφορά', 'Υπόλοιπο τέλους περιόδου'],
    ['bg', 'Начално салдо', 'Крайно салдо'],
  ])('%s: the PDF has the activity table with opening and closing balance as text', async (language, opening, closing) => {
    const text = (await pdfPages((await build(language)).pdf)).join(' ');
    expect(text).toContain(opening);
    expect(text).toContain(closing);
    expect(text).toContain('BON-77');
    expect(text).toContain('NC-1');
  });

  it('repeats the headings when the activity runs over several pages', async () => {
    const pages = await pdfPages((await build('en', 60)).pdf);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages.slice(1, -1)) {
      expect(page).toContain('Account activity (continued)');
      for (const heading of ['Debit', 'Credit', 'Balance', 'Description']) expect(page).toContain(heading);
    }
  });
});
