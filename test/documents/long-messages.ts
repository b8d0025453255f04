/**
 * Every kind of message in one language with the data that strains a layout: an 80-character
 * customer name, many items with long numbers, amounts in the millions, a long payment reference,
 * fees, interest, installment cases and a long activity period. Rendered through the same path as a
 * real send (statement model → view → templates).
 */
import { activityStatement } from '../../src/core/activity.js';
import type { Language } from '../../src/core/domain.js';
import { buildStatement } from '../../src/core/statement.js';
import { disputeView } from '../../src/core/templates/dispute-view.js';
import { renderTexts, type RenderedTexts } from '../../src/core/templates/render.js';
import { buildView } from '../../src/core/templates/view-model.js';
import type { TemplateSet } from '../../src/documents/load-templates.js';
import { asOf, customer, line, planned, settings } from './fixtures.js';

/** One rendered message. */
export interface RenderedMessage {
  kind: string;
  language: Language;
  /** What the message asks to be paid ('' for the dispute notice to the agent). */
  total: string;
  reference: string;
  deadline: string;
  texts: RenderedTexts;
}

/** An 80-character customer name. */
export const LONG_NAME = 'Northern Counties Agricultural Machinery Importers and Distributors Limited (UK)';

const MESSAGE_KINDS = ['upcoming', 'first', 'second', 'final', 'statement', 'activity', 'installment'] as const;

/** Many items, amounts from tens to millions, long numbers, a credit note and a disputed item. */
function lines(template: string) {
  const before = template === 'upcoming' ? -5 : 45;
  const result = Array.from({ length: 24 }, (_, index) =>
    line(`INV-2026-${String(100_000 + index * 7919).padStart(9, '0')}`, [520000, 676236, 1497871, 123456789, 4200][index % 5]!, before + index, {
      amount: [520000, 676236, 1497871, 123456789, 4200][index % 5]! + 1000,
    }),
  );
  result.push(line('CN-2026-000000017', -125050, before, { kind: 'credit_note' }));
  if (template === 'statement') result.push(line('INV-2026-000999999', 99999999, 3, { reference: null }));
  return result;
}

/** The activity block: a year of movements, some in the millions. */
function activity() {
  return activityStatement(
    Array.from({ length: 30 }, (_, index) => ({
      number: `INV-2026-${String(200_000 + index).padStart(9, '0')}`,
      kind: index % 7 === 6 ? ('credit_note' as const) : ('invoice' as const),
      issueDate: `2026-0${1 + (index % 3)}-${String(1 + (index % 28)).padStart(2, '0')}`,
      amount: index % 7 === 6 ? -1250000 : 12345678 + index * 1000,
    })),
    [{ reference: 'SEPA-CT-E2E-ACME-GR-0001-2026-03-18', date: '2026-03-10', amount: 98765432, itemNumber: 'INV-2026-000200001', case: null }],
    '2026-01-01',
    asOf,
  );
}

/** The message of `template` in `language`, rendered. */
function renderMessage(templates: TemplateSet, language: Language, template: (typeof MESSAGE_KINDS)[number]): RenderedMessage {
  const who = customer(language, { name: LONG_NAME, code: 'GR-THESS-000017' });
  const message = planned(language, template, lines(template), {
    customer: who,
    fee: template === 'second' || template === 'final' ? 4000 : 0,
    interest: template === 'final' ? 1234567 : 0,
    payments: [{ reference: 'SEPA CT E2E ACME-GR-0001 INV-2026-000123 ORDER 2026-03-18', date: '2026-03-18', amount: 250000 }],
    unapplied: 250000,
    cases: template === 'installment'
      ? ['K-2026-000001', 'K-2026-000002'].map((name, index) => ({
        case: name, installment: 520000, expectedDate: '2026-03-05', missed: index === 0, total: 123456789, paid: 2000000, remaining: 121456789,
        paidThisMonth: 10000, shortfall: 510000, currency: 'EUR',
      }))
      : [],
    ...(template === 'activity' ? { kind: 'statement' as const, level: null, key: `GR-THESS-000017-EUR-activity`, activity: activity() } : {}),
  });
  const model = buildStatement(message, settings, asOf);
  const view = buildView(model);
  return { kind: template, language, total: view.total, reference: view.reference, deadline: view.deadline, texts: renderTexts(templates.template(language, template), view) };
}

/** The dispute notice to the sales agent about a customer's item. */
function renderDispute(templates: TemplateSet, language: Language): RenderedMessage {
  const view = disputeView({
    customer: { code: 'GR-THESS-000017', name: LONG_NAME, language },
    item: { number: 'INV-2026-000123456', issueDate: '2026-01-15', dueDate: '2026-02-28', amount: 123456789, openAmount: 123456789, currency: 'EUR' },
    reason: 'The delivery of 14 March was incomplete: two pallets missing according to the signed delivery note DN-2026-000871.',
    operator: 'maria.papadopoulou',
    asOf,
  }, settings);
  return { kind: 'dispute', language, total: '', reference: '', deadline: '', texts: renderTexts(templates.template(language, 'dispute'), view) };
}

/** Every message kind of `language`: reminders at each level, statement, activity, installment, dispute. */
export function everyMessage(templates: TemplateSet, language: Language): RenderedMessage[] {
  return [...MESSAGE_KINDS.map((template) => renderMessage(templates, language, template)), renderDispute(templates, language)];
}
