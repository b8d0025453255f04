/** The collections texts in five languages: the broken-promise sentence, disputed lines, the agent's notification. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplateSet, type TemplateSet } from '../../src/documents/load-templates.js';
import { buildStatement } from '../../src/core/statement.js';
import { buildView } from '../../src/core/templates/view-model.js';
import { disputeView } from '../../src/core/templates/dispute-view.js';
import { renderTexts } from '../../src/core/templates/render.js';
import type { Language } from '../../src/core/domain.js';
import { asOf, customer, line, planned, settings } from './fixtures.js';

let templates: TemplateSet;
beforeAll(() => {
  templates = loadTemplateSet();
});

const promise = {
  id: 1, customerCode: 'C-001', madeOn: '2026-03-01', promisedDate: '2026-03-12', amount: 50000, currency: 'EUR',
  items: ['F-1'], note: '', operator: 'ana', createdAt: '2026-03-01T09:00:00Z',
};

describe.each<[Language, string, string, string]>([
  ['en', 'you promised to pay €500.00', 'disputed', 'disputes document F-1'],
  ['it', 'si era impegnato a pagare 500,00 €', 'contestato', 'contesta il documento F-1'],
  ['el', 'δεσμευτήκατε να καταβάλετε 500,00 €', 'αμφισβητείται', 'αμφισβητεί το παραστατικό F-1'],
  ['bg', 'поехте ангажимент да платите 500,00 €', 'оспорен', 'оспорва документ F-1'],
  ['pt', 'comprometeu-se a pagar 500,00 €', 'contestado', 'contesta o documento F-1'],
])('%s', (language, promised, disputed, notice) => {
  it('a reminder after a broken promise says when and how much was promised, in text and HTML', () => {
    const message = planned(language, 'second', [line('F-1', 128450)], { promise });
    const texts = renderTexts(templates.template(language, 'second'), buildView(buildStatement(message, settings, asOf)));
    expect(texts.text).toContain(promised);
    // Amounts in HTML are held together by no-break spaces; a reader sees the same words.
    expect(texts.html.replace(/\u00a0/g, ' ')).toContain(promised);
    expect(texts.text).toContain('12');
    const plain = renderTexts(templates.template(language, 'second'), buildView(buildStatement(planned(language, 'second', [line('F-1', 128450)]), settings, asOf)));
    expect(plain.text).not.toContain(promised);
  });

  it('a statement marks a disputed line and does not ask for it', () => {
    const lines = [line('F-1', 10000), line('F-2', 7000, 30, { dispute: 'damaged' })];
    const message = planned(language, 'statement', lines, { total: 10000 });
    const model = buildStatement(message, settings, asOf);
    const texts = renderTexts(templates.template(language, 'statement'), buildView(model));
    expect(texts.text).toMatch(new RegExp(`F-2[^\\n]*\\(${disputed}\\)`));
    expect(texts.text).not.toMatch(new RegExp(`F-1[^\\n]*\\(${disputed}\\)`));
    expect(model.totals[0]?.dueMinor).toBe(10000);
    expect(templates.labels(language).disputed).toBe(disputed);
  });

  it("the sales agent's notification names the customer, the item, the reason and who recorded it", () => {
    const item = line('F-1', 128450).item;
    const view = disputeView({ customer: customer(language), item, reason: 'goods <damaged>', operator: 'ana', asOf }, settings);
    const texts = renderTexts(templates.template(language, 'dispute'), view);
    expect(texts.subject).toContain('F-1');
    expect(texts.subject).toContain('Customer Ltd');
    for (const text of [texts.text, texts.html]) {
      expect(text).toContain(notice);
      expect(text).toContain('ana');
    }
    expect(texts.text).toContain('goods <damaged>');
    expect(texts.html).toContain('goods &lt;damaged&gt;');
  });
});
