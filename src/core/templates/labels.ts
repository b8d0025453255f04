/**
 * The words printed on the statement PDF (templates/<lang>/labels.json). A user's labels file may
 * set only some keys; the rest come from the shipped language, then from English.
 */
import { TemplateError } from './template-error.js';

/** Field labels of the PDF. */
export const LABEL_KEYS = [
  'customer', 'customerCode', 'date', 'vatId', 'phone', 'email', 'number', 'issueDate', 'dueDate',
  'daysOverdue', 'amount', 'open', 'creditNote', 'disputed', 'totalOpen', 'fee', 'interest', 'totalDue', 'deadline',
  'reference', 'bankDetails', 'beneficiary', 'iban', 'bic', 'qrHint', 'case', 'installment',
  'expectedDate', 'caseTotal', 'remaining', 'missed', 'page', 'continued', 'overdueItems', 'notDueItems',
  'paymentOnAccount', 'paymentsOnAccount', 'paidSoFar', 'shortfall',
  'openingBalance', 'closingBalance', 'debit', 'credit', 'balance', 'description', 'invoice', 'charge',
  'payment', 'period', 'earlierReminder', 'earlierReminders',
  'notYetDue', 'dueNow',
  // The subject of a message sent again as a copy starts with it (docs/reference/cli.md §11.5).
  'copy',
  'payOnline',
] as const;

/** One field label. */
export type LabelKey = (typeof LABEL_KEYS)[number];

/** All labels of one language: fields, plus a title and an introductory sentence per template. */
export type Labels = Record<LabelKey, string> & {
  titles: Record<string, string>;
  intros: Record<string, string>;
};

/** Labels as read from one file (every key optional). */
export type PartialLabels = Partial<Record<LabelKey, string>> & {
  titles?: Record<string, string>;
  intros?: Record<string, string>;
};

const labelKeys = new Set<string>(LABEL_KEYS);

/** Parse and check a labels.json text; unknown keys and non-text values are refused by name. */
export function parseLabels(text: string, file: string): PartialLabels {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new TemplateError(file, '', `is not valid JSON (${(error as Error).message}):`);
  }
  if (!isRecord(data)) throw new TemplateError(file, '', 'must hold a JSON object:');
  const labels: PartialLabels = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === 'titles' || key === 'intros') {
      if (!isRecord(value)) throw new TemplateError(file, `"${key}"`, 'must be an object of texts by template name:');
      const texts: Record<string, string> = {};
      for (const [name, text] of Object.entries(value)) {
        if (typeof text !== 'string') throw new TemplateError(file, `"${key}.${name}"`, 'must be a text:');
        texts[name] = text;
      }
      labels[key] = texts;
    } else if (labelKeys.has(key)) {
      if (typeof value !== 'string') throw new TemplateError(file, `"${key}"`, 'must be a text:');
      labels[key as LabelKey] = value;
    } else {
      throw new TemplateError(file, `"${key}"`, 'unknown label');
    }
  }
  return labels;
}

/** Layer label files (later wins); the first must be complete (shipped English). */
export function mergeLabels(base: PartialLabels, ...layers: PartialLabels[]): Labels {
  const merged: PartialLabels = { ...base, titles: { ...base.titles }, intros: { ...base.intros } };
  for (const layer of layers) {
    const { titles, intros, ...fields } = layer;
    Object.assign(merged, fields);
    Object.assign(merged.titles!, titles);
    Object.assign(merged.intros!, intros);
  }
  for (const key of LABEL_KEYS) {
    if (typeof merged[key] !== 'string') throw new TemplateError('labels.json', `"${key}"`, 'missing label');
  }
  return merged as Labels;
}

/** The PDF title of a template (custom templates use the generic `reminder` title). */
export function titleFor(labels: Labels, template: string, earlierOnRecord: boolean): string {
  // "Second reminder" claims a first one: without one on record the letter is a plain reminder,
  // as its e-mail subject is.
  const key = template === 'second' && !earlierOnRecord ? 'reminder' : template;
  return (Object.hasOwn(labels.titles, key) ? labels.titles[key] : labels.titles.reminder) ?? '';
}

/** The introductory sentence of a template on the PDF. */
export function introFor(labels: Labels, template: string): string {
  return (Object.hasOwn(labels.intros, template) ? labels.intros[template] : labels.intros.reminder) ?? '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
