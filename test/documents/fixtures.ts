/** Planned messages and settings for document tests, built by hand (no database, no rules engine). */
import type { Customer, Item, Language } from '../../src/core/domain.js';
import type { PlannedLine, PlannedMessage } from '../../src/core/plan.js';
import type { Settings } from '../../src/core/settings.js';

/** A customer speaking `language`. */
export function customer(language: Language, overrides: Partial<Customer> = {}): Customer {
  return {
    code: 'C-001', name: 'Customer Ltd', email: 'ap@customer.test', email2: null, email3: null, language,
    currency: 'EUR', reminders: true, statementEveryDays: null, agentEmail: null, holdUntil: null, notes: '',
    ...overrides,
  };
}

/** A planned line for an invoice with `open` minor units, `daysOverdue` days late on 2026-03-20. */
export function line(number: string, open: number, daysOverdue = 20, overrides: Partial<Item> = {}): PlannedLine {
  return {
    item: {
      customerCode: 'C-001', number, kind: 'invoice', issueDate: '2026-01-15', dueDate: '2026-02-28', amount: open,
      openAmount: open, currency: 'EUR', reference: null, case: null, holdUntil: null, ...overrides,
    },
    daysOverdue, reached: daysOverdue >= 7 ? 'first' : null, pending: true, interest: 0,
  };
}

/** A planned reminder at `template` listing `lines`. */
export function planned(language: Language, template: string, lines: PlannedLine[], overrides: Partial<PlannedMessage> = {}): PlannedMessage {
  const who = overrides.customer ?? customer(language);
  const currency = overrides.currency ?? 'EUR';
  return {
    key: `${who.code}-${currency}-${template}`, customer: who, kind: template === 'statement' ? 'statement' : template === 'installment' ? 'installment' : 'reminder',
    level: ['statement', 'installment'].includes(template) ? null : template, template, currency,
    to: ['ap@customer.test'], cc: [], bcc: [], lines, cases: [], reminds: lines.filter((l) => l.pending).map((l) => l.item.number), payments: [], unapplied: 0,
    total: lines.reduce((sum, l) => sum + l.item.openAmount, 0), notYetDue: 0, fee: 0, interest: 0, letter: false, attachInvoices: false,
    ...overrides,
  };
}

/** Company settings with a valid Greek IBAN. */
export const settings: Settings = {
  company: {
    name: 'Acme Εμπορική Α.Ε.', address: 'Σταδίου 10; 105 64 Αθήνα', vatId: 'EL094019245', email: 'ar@acme.test',
    phone: '+30 210 0000000', iban: 'GR16 0110 1250 0000 0001 2300 695', bic: 'ETHNGRAA',
  },
  smtp: { from: 'Acme Receivables <ar@acme.test>', replyTo: 'accounts@acme.test' },
};

/** The as-of date of every document test. */
export const asOf = '2026-03-20';
