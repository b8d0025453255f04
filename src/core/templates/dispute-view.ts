/**
 * The view of a dispute notification (docs/reference/rules.md §9.3): an e-mail to the customer's
 * sales agent when an item is marked disputed, in the customer's language, rendered by the
 * `dispute` template with the same view shape as every message (lists empty, `dispute` set) so the
 * same checks apply.
 */
import type { Customer, IsoDate, Item } from '../domain.js';
import { formatAmount, formatDate, formatLongDate } from '../format.js';
import type { Settings } from '../settings.js';
import { documentLanguage } from '../statement.js';
import type { MessageView } from './view-model.js';

/** What the agent is told: who disputes which item, why, and who recorded it. */
export interface DisputeNotice {
  customer: Pick<Customer, 'code' | 'name'> & { language: string };
  item: Pick<Item, 'number' | 'issueDate' | 'dueDate' | 'amount' | 'openAmount' | 'currency'>;
  reason: string;
  operator: string;
  asOf: IsoDate;
}

/** The template view of a dispute notification. */
export function disputeView(notice: DisputeNotice, settings: Settings): MessageView {
  const language = documentLanguage(notice.customer.language);
  const { item } = notice;
  const company = settings.company ?? {};
  return {
    customer: { name: notice.customer.name, code: notice.customer.code, addressee: notice.customer.name },
    company: {
      name: company.name?.trim() ?? '', address: '', vatId: company.vatId?.trim() ?? '', email: company.email?.trim() ?? '',
      phone: company.phone?.trim() ?? '', iban: '', bic: '',
    },
    date: formatLongDate(notice.asOf, language),
    deadline: '',
    reference: '',
    level: 'dispute',
    currency: item.currency,
    items: [], hasItems: false, overdueItems: [], notDueItems: [], laterItems: [], splitItems: false, overdueHeading: false, notDueHeading: false,
    payments: [], hasPayments: false, cases: [], hasCases: false, totals: [],
    open: '', notYetDue: '', unapplied: '', fee: '', interest: '', total: '', statement: false,
    bank: false, qr: false, payUrl: '', activity: false, promise: false, earlier: false,
    dispute: {
      item: item.number,
      issueDate: formatDate(item.issueDate, language),
      dueDate: formatDate(item.dueDate, language),
      amount: `${formatAmount(item.amount, item.currency, language)} ${item.currency}`,
      open: `${formatAmount(item.openAmount, item.currency, language)} ${item.currency}`,
      reason: notice.reason,
      operator: notice.operator,
    },
  };
}
