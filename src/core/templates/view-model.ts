/**
 * The Mustache view of a message: the variables every template may use, built from the statement
 * model. `viewSchema` describes the same shape so templates are checked against it when loaded.
 */
import type { AmountKind, AmountLine, StatementActivity, StatementModel } from '../statement.js';

/** A node of the view schema: a plain value, an object with known fields, or a list of objects. */
export type SchemaNode = 'value' | { fields: Record<string, SchemaNode> } | { list: Record<string, SchemaNode> };

const value = 'value' as const;

/** One listed item as templates see it. */
const itemFields = {
  number: value, issueDate: value, dueDate: value, daysOverdue: value, amount: value, open: value,
  interest: value, overdue: value, pending: value, creditNote: value, currency: value, disputed: value,
};

/** One line of the amounts block as templates see it: the amount and one flag naming its kind. */
const amountLineFields = {
  amount: value, outstanding: value, notYetDue: value, unapplied: value, fee: value, interest: value, due: value,
};

/** The variables of every template (subject, text, HTML, partials). */
export const viewSchema: Record<string, SchemaNode> = {
  customer: { fields: { name: value, code: value, addressee: value } },
  company: { fields: { name: value, address: value, vatId: value, email: value, phone: value, iban: value, bic: value } },
  date: value,
  deadline: value,
  reference: value,
  level: value,
  currency: value,
  items: { list: itemFields },
  hasItems: value,
  overdueItems: { list: itemFields },
  notDueItems: { list: itemFields },
  laterItems: { list: itemFields },
  splitItems: value,
  overdueHeading: value,
  notDueHeading: value,
  notYetDue: value,
  statement: value,
  payments: { list: { date: value, reference: value, amount: value, currency: value } },
  hasPayments: value,
  cases: {
    list: {
      case: value, installment: value, expectedDate: value, missed: value, total: value, paid: value, remaining: value,
      paidThisMonth: value, shortfall: value,
    },
  },
  hasCases: value,
  totals: {
    list: { currency: value, open: value, notYetDue: value, unapplied: value, fee: value, interest: value, due: value, lines: { list: amountLineFields } },
  },
  open: value,
  unapplied: value,
  fee: value,
  interest: value,
  total: value,
  bank: { fields: { name: value, iban: value, bic: value } },
  qr: value,
  payUrl: value,
  promise: { fields: { date: value, amount: value } },
  earlier: { fields: { dates: value, single: value } },
  dispute: { fields: { item: value, issueDate: value, dueDate: value, amount: value, open: value, reason: value, operator: value } },
  activity: {
    fields: {
      from: value, to: value, opening: value, closing: value, debits: value, credits: value,
      lines: { list: { date: value, reference: value, appliesTo: value, debit: value, credit: value, balance: value, invoice: value, charge: value, creditNote: value, payment: value } },
    },
  },
};

/** One listed item as the view holds it. */
export type ItemView = Record<keyof typeof itemFields, string | boolean>;

/** The view object handed to Mustache (shape of viewSchema). */
export interface MessageView {
  /** `addressee`: the contact person when the customer has one, else the name (the greeting's). */
  customer: { name: string; code: string; addressee: string };
  company: { name: string; address: string; vatId: string; email: string; phone: string; iban: string; bic: string };
  date: string;
  deadline: string;
  reference: string;
  level: string;
  currency: string;
  items: ItemView[];
  hasItems: boolean;
  /** The items due by date (overdue debts, credits from their date): asked for unless disputed. */
  overdueItems: ItemView[];
  /** Items not yet overdue that the message asks for all the same: those a pre-due notice announces. */
  notDueItems: ItemView[];
  /** Items not yet overdue that the message lists but does not ask for; `notYetDue` is their subtotal. */
  laterItems: ItemView[];
  /** True when the message lists more than one of these groups. */
  splitItems: boolean;
  /** Whether the overdue, and the announced, group needs its own heading (another group is listed too). */
  overdueHeading: boolean;
  notDueHeading: boolean;
  /** Subtotal of `laterItems`, formatted; '' when there are none. */
  notYetDue: string;
  /** A statement of account (it asks for the amount to pay now), not a reminder or notice. */
  statement: boolean;
  payments: StatementModel['payments'];
  hasPayments: boolean;
  cases: StatementModel['cases'];
  hasCases: boolean;
  totals: Array<{ currency: string; open: string; notYetDue: string; unapplied: string; fee: string; interest: string; due: string; lines: AmountLineView[] }>;
  open: string;
  /** Payments on account netted in the message currency, written negative ('' when none). */
  unapplied: string;
  fee: string;
  interest: string;
  total: string;
  /** False when no valid IBAN is set, so `{{#bank}}` hides the bank block. */
  bank: { name: string; iban: string; bic: string } | false;
  qr: boolean;
  /** The filled pay link ('' when none is set or the message asks for nothing), so `{{#payUrl}}` hides the button. */
  payUrl: string;
  /** False on an open-items statement, so `{{#activity}}` hides the activity block. */
  activity: ActivityViewModel | false;
  /** The broken promise a reminder follows up; false when none, so `{{#promise}}` hides the sentence. */
  promise: { date: string; amount: string } | false;
  /**
   * The earlier reminders on record for the items of a reminder above the first overdue level:
   * their dates as one list in the customer's language, and whether there is one (singular
   * wording); false when none is on record, so `{{#earlier}}` claims no earlier contact.
   */
  earlier: { dates: string; single: boolean } | false;
  /** The item a dispute notification to the sales agent is about; false in every message to a customer. */
  dispute: DisputeView | false;
}

/** One line of the amounts block: its amount and a flag per kind, so each language words it. */
export type AmountLineView = { amount: string } & Record<AmountKind, boolean>;

/** What the sales agent is told about a newly disputed item. */
export interface DisputeView {
  item: string;
  issueDate: string;
  dueDate: string;
  amount: string;
  open: string;
  reason: string;
  operator: string;
}

/** The activity block of the view: the kind of each line as flags, so templates word it. */
export type ActivityViewModel = Omit<StatementActivity, 'rows'> & {
  lines: Array<Omit<StatementActivity['rows'][number], 'kind'> & Record<'invoice' | 'charge' | 'creditNote' | 'payment', boolean>>;
};

/** Build the template view from a statement model (empty strings hide `{{#fee}}` sections). */
export function buildView(model: StatementModel): MessageView {
  const own = model.totals.find((total) => total.currency === model.currency) ?? model.totals[0];
  const items = model.rows.map((row): ItemView => ({
    number: row.number,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    daysOverdue: row.daysOverdue,
    amount: row.amount,
    open: row.open,
    interest: row.interest ?? '',
    overdue: row.overdue,
    pending: row.pending,
    creditNote: row.kind === 'credit_note',
    currency: row.currency,
    disputed: row.disputed,
  }));
  const overdueItems = items.filter((_, index) => model.rows[index]!.overdue);
  const notDueItems = items.filter((_, index) => !model.rows[index]!.overdue && model.rows[index]!.asked);
  const laterItems = items.filter((_, index) => !model.rows[index]!.overdue && !model.rows[index]!.asked);
  const groups = [overdueItems, notDueItems, laterItems].filter((group) => group.length > 0).length;
  return {
    customer: { name: model.customer.name, code: model.customer.code, addressee: model.customer.addressee },
    company: {
      name: model.company.name,
      address: model.company.addressLines.join(', '),
      vatId: model.company.vatId,
      email: model.company.email,
      phone: model.company.phone,
      iban: model.bank?.iban ?? '',
      bic: model.bank?.bic ?? '',
    },
    date: model.date,
    deadline: model.deadline,
    reference: model.reference,
    level: model.level ?? model.kind,
    currency: model.currency,
    items,
    hasItems: model.rows.length > 0,
    overdueItems,
    notDueItems,
    laterItems,
    splitItems: groups > 1,
    overdueHeading: groups > 1 && overdueItems.length > 0,
    notDueHeading: groups > 1 && notDueItems.length > 0,
    notYetDue: laterItems.length > 0 ? model.notYetDue : '',
    statement: model.kind === 'statement',
    payments: model.payments,
    hasPayments: model.payments.length > 0,
    cases: model.cases,
    hasCases: model.cases.length > 0,
    totals: model.totals.map((total) => ({
      currency: total.currency,
      open: total.open,
      notYetDue: total.notYetDue ?? '',
      unapplied: total.unapplied ?? '',
      fee: total.fee ?? '',
      interest: total.interest ?? '',
      due: total.due,
      lines: total.lines.map(amountLineView),
    })),
    open: own?.open ?? '',
    unapplied: own?.unapplied ?? '',
    fee: own?.fee ?? '',
    interest: own?.interest ?? '',
    total: own?.due ?? '',
    bank: model.bank ? { name: model.bank.name, iban: model.bank.iban, bic: model.bank.bic ?? '' } : false,
    qr: model.qrPayload !== null,
    payUrl: model.payUrl ?? '',
    activity: model.activity ? activityOf(model.activity) : false,
    promise: model.promise ?? false,
    earlier: model.earlier ? { dates: model.earlier.dates, single: model.earlier.count === 1 } : false,
    dispute: false,
  };
}

const AMOUNT_KINDS: readonly AmountKind[] = ['outstanding', 'notYetDue', 'unapplied', 'fee', 'interest', 'due'];

/** Every kind flag present (false but one), so a `{{#fee}}` inside a line never reads an outer `fee`. */
function amountLineView(line: AmountLine): AmountLineView {
  const flags = Object.fromEntries(AMOUNT_KINDS.map((kind) => [kind, kind === line.kind])) as Record<AmountKind, boolean>;
  return { amount: line.amount, ...flags };
}

function activityOf(activity: StatementActivity): ActivityViewModel {
  const { rows, ...balances } = activity;
  return {
    ...balances,
    lines: rows.map(({ kind, ...row }) => ({ ...row, invoice: kind === 'invoice', charge: kind === 'charge', creditNote: kind === 'credit_note', payment: kind === 'payment' })),
  };
}
