import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplateSet, type TemplateSet } from '../../src/documents/load-templates.js';
import { buildStatement } from '../../src/core/statement.js';
import { buildView } from '../../src/core/templates/view-model.js';
import { renderTexts } from '../../src/core/templates/render.js';
import type { Language } from '../../src/core/domain.js';
import type { PlannedMessage } from '../../src/core/plan.js';
import { asOf, customer, line, planned, settings } from './fixtures.js';

let templates: TemplateSet;
beforeAll(() => {
  templates = loadTemplateSet();
});

function render(message: PlannedMessage) {
  const model = buildStatement(message, settings, asOf);
  return renderTexts(templates.template(model.language, message.template), buildView(model));
}

describe('templates per language', () => {
  it.each<[Language, string, string[], string]>([
    ['en', 'first', ['Dear', 'overdue', 'Kind regards', 'Total due'], '€1,284.50'],
    ['it', 'first', ['Gentile', 'scaduti', 'Cordiali saluti', 'Totale dovuto'], '1.284,50 €'],
    ['el', 'first', ['Αξιότιμε', 'έχουν λήξει', 'Με εκτίμηση', 'Σύνολο προς πληρωμή'], '1.284,50 €'],
    ['bg', 'first', ['Уважаеми', 'не са платени', 'С уважение', 'Общо дължимо'], '1 284,50 €'],
    ['pt', 'first', ['Estimado', 'vencidos', 'Atenciosamente', 'Total a pagar'], '1 284,50 €'],
  ])('%s %s: real words and amounts in subject, text and HTML', (language, template, words, amount) => {
    const texts = render(planned(language, template, [line('F-1', 128450)]));
    for (const word of words) {
      expect(texts.text).toContain(word);
      expect(texts.html).toContain(word);
    }
    expect(texts.text).toContain(amount);
    // In HTML the spaces inside an amount are no-break spaces, so it never breaks over two lines.
    expect(texts.html).toContain(amount.replace(/ /g, '\u00a0'));
    expect(texts.subject).toContain('C-001');
    expect(texts.text).toContain('F-1');
  });

  it.each<Language>(['en', 'it', 'el', 'bg', 'pt'])('%s: every shipped template renders without empty tags', (language) => {
    for (const template of ['upcoming', 'first', 'second', 'final', 'statement', 'installment']) {
      const message = planned(language, template, [line('F-1', 128450)], {
        fee: 500,
        cases: template === 'installment' ? [{ case: 'K-7', installment: 10000, expectedDate: '2026-03-05', missed: true, total: 500000, paid: 200000, remaining: 300000, paidThisMonth: 100, shortfall: 9900, currency: 'EUR' }] : [],
      });
      const texts = render(message);
      expect(texts.subject).not.toMatch(/\n|\{\{|–\s*$/);
      expect(texts.text).not.toContain('{{');
      expect(texts.text).toContain('Acme Εμπορική Α.Ε.');
      expect(texts.text).toMatch(/RF\d\d /);
      expect(texts.html).toMatch(/^<!DOCTYPE html>/);
      if (template === 'installment') expect(texts.text).toContain('K-7');
      else expect(texts.text).toContain('F-1');
    }
  });

  it('formats the Greek amount and dates in the Greek way', () => {
    const texts = render(planned('el', 'second', [line('Τ-1', 128450)], { fee: 1000 }));
    expect(texts.text).toContain('1.284,50 €');
    expect(texts.text).toContain('1.294,50 €');
    expect(texts.text).toContain('30 Μαρτίου 2026');
    expect(texts.text).toContain('28/02/2026');
  });

  it('keeps names verbatim in plain text and the subject, escaped in HTML', () => {
    const who = customer('en', { name: "O'Brien & <Sons>", code: 'OB&1' });
    const texts = render(planned('en', 'first', [line('A&B<1>', 1000)], { customer: who }));
    expect(texts.text).toContain("Dear O'Brien & <Sons>,");
    expect(texts.text).toContain('A&B<1>');
    expect(texts.subject).toContain('OB&1');
    expect(texts.html).toContain('O&#39;Brien &amp; &lt;Sons&gt;');
    expect(texts.html).not.toContain('<Sons>');
    expect(texts.html).toContain('A&amp;B&lt;1&gt;');
  });

  it.each([
    ['en', 'Dear Jane Smith,'], ['it', 'Gentile Jane Smith,'], ['el', 'Αξιότιμε/η Jane Smith,'],
  ] as const)('%s: greets the contact person when the customer has one, in the text and the HTML', (language, greeting) => {
    const who = customer(language, { name: 'Northern Widgets Ltd', contactPerson: 'Jane Smith' });
    const texts = render(planned(language, 'first', [line('F-1', 1000)], { customer: who }));
    expect(texts.text.split('\n')[0]).toBe(greeting);
    expect(texts.html).toContain(`<p>${greeting}</p>`);
    expect(texts.text).not.toContain('Northern Widgets Ltd');
  });

  it('falls back to English for a language without templates', () => {
    const who = { ...customer('en'), language: 'de' as Language };
    const texts = render(planned('en', 'first', [line('F-1', 1000)], { customer: who }));
    expect(texts.text).toContain('Dear Customer Ltd');
  });

  it('shows the fee and interest only when there are some', () => {
    expect(render(planned('en', 'first', [line('F-1', 1000)])).text).not.toContain('Reminder fee');
    const texts = render(planned('en', 'first', [line('F-1', 1000)], { fee: 250, interest: 13 }));
    expect(texts.text).toContain('Reminder fee: €2.50');
    expect(texts.text).toContain('Interest: €0.13');
    expect(texts.text).toContain('Total due: €12.63');
  });

  it('leaves the bank block out without a valid IBAN', () => {
    const model = buildStatement(planned('en', 'first', [line('F-1', 1000)]), { company: { name: 'X', iban: 'GR00 1234' } }, asOf);
    const texts = renderTexts(templates.template('en', 'first'), buildView(model));
    expect(texts.text).not.toContain('IBAN');
    expect(texts.text).toContain('payment reference RF');
  });
});
