import { describe, expect, it } from 'vitest';
import { loadTemplateSet } from '../../src/documents/load-templates.js';
import { buildStatement } from '../../src/core/statement.js';
import { buildView } from '../../src/core/templates/view-model.js';
import { renderTexts } from '../../src/core/templates/render.js';
import type { Language } from '../../src/core/domain.js';
import { asOf, line, planned, settings } from './fixtures.js';

// A first-time user previews before filling in company data: subjects must still read as sentences.
describe('subjects when company.name is not set', () => {
  const templates = loadTemplateSet();
  const noCompany = { ...settings, company: { ...settings.company, name: '' } };

  it.each<Language>(['en', 'it', 'el', 'bg', 'pt'])('%s: no dangling dash or comma', (language) => {
    for (const template of ['upcoming', 'first', 'second', 'final', 'statement', 'installment']) {
      const message = planned(language, template, [line('F-1', 128450)]);
      const model = buildStatement(message, noCompany, asOf);
      const { subject } = renderTexts(templates.template(model.language, message.template), buildView(model));
      expect(subject).not.toMatch(/–\s*(,|$)|\s,/);
      expect(subject.trim()).toBe(subject);
    }
  });

  it('keeps the company name when it is set', () => {
    const message = planned('en', 'first', [line('F-1', 128450)]);
    const model = buildStatement(message, settings, asOf);
    const { subject } = renderTexts(templates.template('en', 'first'), buildView(model));
    expect(subject).toBe(`Payment reminder – ${settings.company?.name}, customer C-001`);
  });
});
