/**
 * What the level templates claim, rendered in all five languages: a reminder above the first
 * overdue level cites the earlier reminders it carries (one or several dates) and claims none
 * without them; a pre-due notice that also lists overdue items says only the others fall due soon.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplateSet, type TemplateSet } from '../../src/documents/load-templates.js';
import { loadStatementFonts, type StatementFonts } from '../../src/documents/pdf/fonts.js';
import { renderStatementPdf } from '../../src/documents/pdf/render-statement.js';
import { buildStatement } from '../../src/core/statement.js';
import { buildView } from '../../src/core/templates/view-model.js';
import { renderTexts } from '../../src/core/templates/render.js';
import type { Language } from '../../src/core/domain.js';
import type { PlannedMessage } from '../../src/core/plan.js';
import { asOf, line, planned, settings } from './fixtures.js';

let templates: TemplateSet;
beforeAll(() => {
  templates = loadTemplateSet();
});

/** Subject, text and HTML (tags out, spaces folded) of a message. */
function render(message: PlannedMessage): { subject: string; text: string; html: string } {
  const model = buildStatement(message, settings, asOf);
  const texts = renderTexts(templates.template(model.language, message.template), buildView(model));
  return { subject: texts.subject, text: texts.text.replace(/\s+/g, ' '), html: texts.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') };
}

const CASES: Array<{ language: Language; one: string; two: string; claim: RegExp; split: string; whole: string }> = [
  {
    language: 'en', one: 'We sent you a reminder on 2 March 2026.', two: 'We sent you reminders on 16 February 2026 and 2 March 2026.',
    claim: /We sent you|earlier reminder|several times/,
    split: 'the items below that are not yet overdue will fall due shortly; the others are already overdue:', whole: 'the following items will fall due shortly:',
  },
  {
    language: 'it', one: 'Le abbiamo già inviato un sollecito in data 2 marzo 2026.', two: 'Le abbiamo già inviato solleciti in data 16 febbraio 2026 e 2 marzo 2026.',
    claim: /Le abbiamo già|precedente sollecito|più volte/,
    split: 'i documenti elencati di seguito non ancora scaduti giungeranno presto a scadenza; gli altri sono già scaduti:', whole: 'i seguenti documenti giungeranno presto a scadenza:',
  },
  {
    language: 'el', one: 'Σας στείλαμε υπενθύμιση στις 2 Μαρτίου 2026.', two: 'Σας στείλαμε υπενθυμίσεις στις 16 Φεβρουαρίου 2026 και 2 Μαρτίου 2026.',
    claim: /Σας στείλαμε|προηγούμενη υπενθύμιση|επανειλημμένα/,
    split: 'τα παρακάτω παραστατικά που δεν έχουν ακόμη λήξει λήγουν σύντομα· τα υπόλοιπα έχουν ήδη λήξει:', whole: 'τα παρακάτω παραστατικά λήγουν σύντομα:',
  },
  {
    language: 'bg', one: 'На 2 март 2026 г. Ви изпратихме напомняне за плащане.', two: 'На 16 февруари 2026 г. и 2 март 2026 г. Ви изпратихме напомняния за плащане.',
    claim: /Ви изпратихме|предишното ни напомняне|Неколкократно/,
    split: 'падежът на посочените по-долу документи, които все още не са просрочени, наближава; останалите вече са просрочени:', whole: 'падежът на следните документи наближава:',
  },
  {
    language: 'pt', one: 'Esta mensagem dá seguimento ao nosso lembrete de 2 de março de 2026.', two: 'Esta mensagem dá seguimento aos nossos lembretes de 16 de fevereiro de 2026 e 2 de março de 2026.',
    claim: /dá seguimento|lembrete anterior|vários lembretes/,
    split: 'os documentos abaixo ainda não vencidos vencem em breve; os restantes já se encontram vencidos:', whole: 'os seguintes documentos vencem em breve:',
  },
];

describe.each(CASES)('$language', ({ language, one, two, claim, split, whole }) => {
  it.each(['second', 'final'])('%s cites one or two earlier reminders, or claims none', (template) => {
    const lines = [line('F-1', 128450, 50)];
    const cited = render(planned(language, template, lines, { earlier: ['2026-02-16', '2026-03-02'] }));
    expect(cited.text).toContain(two);
    expect(cited.html).toContain(two);
    const single = render(planned(language, template, lines, { earlier: ['2026-03-02'] }));
    expect(single.text).toContain(one);
    expect(single.html).toContain(one);
    for (const earlier of [[], undefined]) {
      const none = render(planned(language, template, lines, earlier ? { earlier } : {}));
      expect(none.text).not.toMatch(claim);
      expect(none.html).not.toMatch(claim);
      expect(none.subject).not.toMatch(/Second|Secondo|Δεύτερη|Второ|Segundo/);
    }
  });

  it('a pre-due notice listing overdue items too says only the others fall due soon', () => {
    const soon = { ...line('S-1', 10000, -3), reached: 'upcoming' };
    const late = { ...line('L-1', 5000, 3), reached: null, pending: false };
    const both = render(planned(language, 'upcoming', [late, soon]));
    expect(both.text).toContain(split);
    expect(both.html).toContain(split);
    const only = render(planned(language, 'upcoming', [soon]));
    expect(only.text).toContain(whole);
    expect(only.html).toContain(whole);
  });
});

describe('the PDF title of a second reminder', () => {
  let fonts: StatementFonts;
  const dir = mkdtempSync(join(tmpdir(), 'duedesk-titles-'));
  beforeAll(() => {
    fonts = loadStatementFonts();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** What pdftotext reads from a message's PDF, runs of white space folded. */
  function pdfTextOf(message: PlannedMessage, name: string): string {
    const model = buildStatement(message, settings, asOf);
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, renderStatementPdf(model, templates.labels(model.language), { fonts }));
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  }

  it.each(CASES.map(({ language }) => language))('%s: says "second" only with a reminder on record', (language) => {
    const labels = templates.labels(language);
    const second = labels.titles.second!;
    expect(second).not.toBe(labels.titles.reminder);
    const lines = [line('F-1', 128450, 50)];
    expect(pdfTextOf(planned(language, 'second', lines, { earlier: ['2026-03-02'] }), `${language}-cited`)).toContain(second);
    const none = pdfTextOf(planned(language, 'second', lines), `${language}-none`);
    expect(none).not.toContain(second);
    expect(none).toContain(labels.titles.reminder);
  });
});
