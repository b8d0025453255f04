/**
 * The amounts block is one list in the statement model: the e-mail text, the HTML and the PDF all
 * iterate it, so every line that makes up the amount asked (payments on account, fee, interest, the
 * part set aside as not yet due) appears in all three, for every kind of message and language. The
 * EPC QR code and the letter's own sentence carry the same amount asked.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityStatement } from '../../src/core/activity.js';
import { keepAmountsWhole } from '../../src/core/format.js';
import type { Language } from '../../src/core/domain.js';
import type { PlannedMessage } from '../../src/core/plan.js';
import { demand } from '../../src/core/rules/demand.js';
import { buildStatement } from '../../src/core/statement.js';
import { renderTexts } from '../../src/core/templates/render.js';
import { buildView } from '../../src/core/templates/view-model.js';
import { loadTemplateSet, type TemplateSet } from '../../src/documents/load-templates.js';
import { loadStatementFonts, type StatementFonts } from '../../src/documents/pdf/fonts.js';
import { renderStatementPdf } from '../../src/documents/pdf/render-statement.js';
import { asOf, customer, line, planned, settings } from './fixtures.js';

let templates: TemplateSet;
let fonts: StatementFonts;
const dir = mkdtempSync(join(tmpdir(), 'duedesk-amounts-'));
beforeAll(() => {
  templates = loadTemplateSet();
  fonts = loadStatementFonts();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LANGUAGES: Language[] = ['en', 'it', 'el', 'bg', 'pt'];

/** A message whose amounts come from the demand rule, as the engine makes them. */
function withDemand(message: PlannedMessage, fee = 0): PlannedMessage {
  return { ...message, ...demand(message.kind, message.lines, message.payments), fee };
}

/** 1,000.00 overdue 20 days with interest, 400.00 due in 10 days, 150.00 paid on account, a 10.00 fee. */
function mixedReminder(language: Language): PlannedMessage {
  const overdue = { ...line('F-OLD', 100000, 20), interest: 438 };
  const later = { ...line('F-NEW', 40000, -10, { dueDate: '2026-03-30' }), pending: false, reached: null };
  const message = planned(language, 'final', [overdue, later], { payments: [{ reference: 'PAY-1', date: '2026-03-01', amount: 15000 }] });
  return withDemand(message, 1000);
}

/** An activity statement of the same account: the e-mail used to leave its interest out. */
function activityMessage(language: Language): PlannedMessage {
  const lines = [{ ...line('F-OLD', 100000, 20), pending: false, interest: 438 }];
  const activity = activityStatement([{ number: 'F-OLD', kind: 'invoice', issueDate: '2026-01-15', amount: 100000 }], [], '2026-01-01', asOf);
  const message = planned(language, 'statement', lines, { template: 'activity', activity });
  return withDemand(message);
}

function installmentNotice(language: Language): PlannedMessage {
  const cases = [{ case: 'K-1', installment: 20000, expectedDate: '2026-03-01', missed: true, total: 200000, paid: 20100, remaining: 179900, paidThisMonth: 100, shortfall: 19900, currency: 'EUR' }];
  return planned(language, 'installment', [], { cases, reminds: ['K-1'], total: 19900 });
}

/** What pdftotext reads from the rendered PDF, runs of spaces squeezed. */
function pdfText(bytes: Uint8Array, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
}

describe('the statement model', () => {
  it('lists the amount lines top to bottom and reconciles them with the amount asked, which the QR code carries', () => {
    const model = buildStatement(mixedReminder('en'), settings, asOf);
    const [total] = model.totals;
    expect(total?.lines).toEqual([
      { kind: 'outstanding', amount: '€1,400.00' },
      { kind: 'notYetDue', amount: '-€400.00' },
      { kind: 'unapplied', amount: '-€150.00' },
      { kind: 'fee', amount: '€10.00' },
      { kind: 'interest', amount: '€4.38' },
      { kind: 'due', amount: '€864.38' },
    ]);
    expect(total?.dueMinor).toBe(100000 - 15000 + 1000 + 438);
    expect(model.qrPayload?.split('\n')).toContain('EUR864.38');
    expect(model.rows.map((row) => [row.number, row.overdue, row.asked])).toEqual([['F-OLD', true, true], ['F-NEW', false, false]]);
  });

  it('gives the templates the item set apart under its own heading with its subtotal', () => {
    const view = buildView(buildStatement(mixedReminder('en'), settings, asOf));
    expect(view.overdueItems.map((item) => item.number)).toEqual(['F-OLD']);
    expect(view.laterItems.map((item) => item.number)).toEqual(['F-NEW']);
    expect(view.notDueItems).toEqual([]);
    expect([view.overdueHeading, view.notDueHeading, view.notYetDue, view.total]).toEqual([true, false, '€400.00', '€864.38']);
    expect(view.totals[0]?.lines.map((entry) => Object.entries(entry).filter(([, on]) => on === true).map(([kind]) => kind))).toEqual([
      ['outstanding'], ['notYetDue'], ['unapplied'], ['fee'], ['interest'], ['due'],
    ]);
  });

  it('a pre-due notice asks for what it announces: nothing is set apart', () => {
    const soon = line('F-SOON', 30000, -5);
    const view = buildView(buildStatement(withDemand(planned('en', 'upcoming', [soon])), settings, asOf));
    expect([view.notDueItems.map((item) => item.number), view.laterItems, view.notYetDue, view.total]).toEqual([['F-SOON'], [], '', '€300.00']);
  });
});

describe.each(LANGUAGES)('%s: every amount line in the e-mail text, the HTML and the PDF', (language) => {
  it.each([
    ['a final notice with an item not yet due', mixedReminder],
    ['an activity statement with interest', activityMessage],
    ['an installment notice', installmentNotice],
  ] as const)('%s', (name, make) => {
    const message = make(language);
    const model = buildStatement(message, settings, asOf);
    const texts = renderTexts(templates.template(model.language, message.template), buildView(model));
    const pdf = pdfText(renderStatementPdf(model, templates.labels(model.language), { fonts }), `${language}-${message.template}`);
    const amounts = model.totals.flatMap((total) => total.lines.map((entry) => entry.amount));
    expect(amounts.length).toBeGreaterThan(0);
    let inText = 0;
    let inPdf = 0;
    for (const amount of amounts) {
      // In order, each after the one before.
      const textAt = texts.text.indexOf(`: ${amount}`, inText);
      expect(textAt, `${name}: ${amount} in the text`).toBeGreaterThan(-1);
      inText = textAt + 1;
      const pdfAt = pdf.indexOf(amount, inPdf);
      expect(pdfAt, `${name}: ${amount} in the PDF`).toBeGreaterThan(-1);
      inPdf = pdfAt + 1;
      // The HTML keeps an amount on one line: its inner spaces are no-break there.
      expect(texts.html).toContain(keepAmountsWhole(amount));
    }
  });
});
