/**
 * The statement model: everything the PDF and the e-mail templates show for one planned message,
 * already formatted for the customer's language. Pure data built from the plan, the company
 * settings and the as-of date; the renderers only lay it out.
 */
import type { ActivityKind, ActivityStatement } from './activity.js';
import type { IsoDate, ItemKind, Minor } from './domain.js';
import { LANGUAGES } from './domain.js';
import type { PlannedMessage } from './plan.js';
import type { LetterWindow, Settings } from './settings.js';
import { settingDefault } from './settings-table.js';
import { addressLines } from './postal-address.js';
import { addDays } from './dates.js';
import { formatAmount, formatDate, formatInteger, formatLongDate, formatLongDates, formatMoney } from './format.js';
import { formatRfReference, messageRfReference } from './rf-reference.js';
import { textLines } from './text-lines.js';
import { formatIban, isValidBic, isValidIban } from './iban.js';
import { epcPayload } from './epc-qr.js';
import { currencyDigits, formatMinor } from './money.js';
import { fillPayLink, payLinkProblem } from './pay-link.js';
import { isDisputed } from './disputes.js';
import { announces, askedFor, dueByDate } from './rules/demand.js';
import { currencyTotals, type CurrencyTotal } from './statement-totals.js';

export type { AmountKind, AmountLine, CurrencyTotal } from './statement-totals.js';

/**
 * Days from the as-of date to the new payment deadline of a reminder or statement: long enough
 * for a transfer to arrive, short enough to be taken seriously.
 */
export const PAYMENT_DEADLINE_DAYS = 10;

/** One row of the items table, formatted. */
export interface StatementRow {
  number: string;
  kind: ItemKind;
  issueDate: string;
  dueDate: string;
  /** Days overdue as shown (`0` on the due date, negative before it). */
  daysOverdue: string;
  /** Due by date: a debt past its due date, a credit from its own date. */
  overdue: boolean;
  /** Part of the amount the message asks for (see rules/demand.ts). */
  asked: boolean;
  /** True when this message reminds of the item (it reached a level now). */
  pending: boolean;
  amount: string;
  open: string;
  interest: string | null;
  currency: string;
  /** The customer disputes it: shown, but not part of the amount asked. */
  disputed: boolean;
}

/** One installment case on an installment notice, formatted. */
export interface StatementCase {
  case: string;
  installment: string;
  expectedDate: string;
  missed: boolean;
  total: string;
  paid: string;
  remaining: string;
  /** Paid this month towards the installment, and what is missing (formatted only when missed). */
  paidThisMonth: string;
  shortfall: string;
}

/** A payment on account, listed below the items: date, bank reference and the amount written negative. */
export interface StatementPayment {
  date: string;
  reference: string;
  amount: string;
  currency: string;
}

/** One movement of an activity statement, formatted; debit and credit are empty when zero. */
export interface ActivityRow {
  date: string;
  kind: ActivityKind;
  reference: string;
  /** The item a payment pays, or the case it counts for; empty otherwise. */
  appliesTo: string;
  debit: string;
  credit: string;
  balance: string;
}

/** The activity part of a statement (one currency), formatted. */
export interface StatementActivity {
  from: string;
  to: string;
  opening: string;
  closing: string;
  debits: string;
  credits: string;
  rows: ActivityRow[];
}

/** Bank details printed (and encoded in the QR code) when company.iban is a valid IBAN. */
export interface BankDetails {
  name: string;
  iban: string;
  bic: string | null;
}

/** Everything a statement shows. */
export interface StatementModel {
  key: string;
  /** Language actually used (unknown ones fall back to `en`). */
  language: string;
  template: string;
  kind: PlannedMessage['kind'];
  level: string | null;
  asOf: IsoDate;
  /** The document date, long form. */
  date: string;
  deadlineDate: IsoDate;
  deadline: string;
  company: { name: string; addressLines: string[]; vatId: string; email: string; phone: string };
  /**
   * `addressee`: whom the message greets (the contact person, else the name); `postalLines`: the
   * address below the name in the envelope window (docs/reference/messages.md §5.2), empty when none.
   */
  customer: { code: string; name: string; addressee: string; contactPerson: string | null; postalLines: string[] };
  /** The envelope window the PDF is laid out for (`letters.window`). */
  letterWindow: LetterWindow;
  currency: string;
  rows: StatementRow[];
  /** Payments on account netted in this message's total. */
  payments: StatementPayment[];
  cases: StatementCase[];
  totals: CurrencyTotal[];
  /** Subtotal of the listed items not yet overdue that the message does not ask for (may be 0). */
  notYetDue: string;
  /** Activity statements only: the period's movements between the opening and closing balance. */
  activity: StatementActivity | null;
  /** ISO 11649 reference, print form (`RF18 5390 0754 7034`), and compact. */
  reference: string;
  referenceCompact: string;
  bank: BankDetails | null;
  /** EPC069-12 payload, only for EUR with a valid IBAN and something to pay. */
  qrPayload: string | null;
  /** The pay link filled for this message (docs/reference/settings.md §3.11), only when it asks for money. */
  payUrl: string | null;
  /** The broken promise to pay a reminder follows up, formatted; null when none. */
  promise: { date: string; amount: string } | null;
  /**
   * The earlier reminders on record a reminder above the first overdue level cites, their dates
   * in long form as one list; null when none is on record (the letter then claims none).
   */
  earlier: { dates: string; count: number } | null;
}

/** Language of a customer, falling back to English for one we ship no templates for. */
export function documentLanguage(language: string): string {
  return (LANGUAGES as readonly string[]).includes(language) ? language : 'en';
}

/**
 * The new payment deadline: as-of + PAYMENT_DEADLINE_DAYS; a notice of amounts not yet due
 * (every reminded line before its due date) asks for payment by the earliest such due date instead.
 */
export function paymentDeadline(message: Pick<PlannedMessage, 'lines'>, asOf: IsoDate): IsoDate {
  const reminded = message.lines.filter((line) => line.pending);
  if (reminded.length > 0 && reminded.every((line) => line.daysOverdue < 0)) {
    return reminded.map((line) => line.item.dueDate).sort()[0] ?? addDays(asOf, PAYMENT_DEADLINE_DAYS);
  }
  return addDays(asOf, PAYMENT_DEADLINE_DAYS);
}

/** Build the statement model of a planned message. */
export function buildStatement(message: PlannedMessage, settings: Settings, asOf: IsoDate): StatementModel {
  const language = documentLanguage(message.customer.language);
  const money = (amount: Minor, currency: string) => formatMoney(amount, currency, language);
  const company = settings.company ?? {};
  const announcing = announces(message.kind, message.lines);
  const rows: StatementRow[] = message.lines.map((line) => ({
    number: line.item.number,
    kind: line.item.kind,
    issueDate: formatDate(line.item.issueDate, language),
    dueDate: formatDate(line.item.dueDate, language),
    daysOverdue: formatInteger(line.daysOverdue, language),
    overdue: dueByDate(line.item.openAmount, line.daysOverdue),
    asked: askedFor(line, announcing),
    pending: line.pending,
    amount: formatAmount(line.item.amount, line.item.currency, language),
    open: formatAmount(line.item.openAmount, line.item.currency, language),
    interest: line.interest !== 0 ? formatAmount(line.interest, line.item.currency, language) : null,
    currency: line.item.currency,
    disputed: isDisputed(line.item),
  }));
  const totals = currencyTotals(message, money);
  const referenceCompact = messageRfReference(message);
  const bank = bankDetails(company);
  const messageTotal = totals.find((total) => total.currency === message.currency);
  const qrPayload =
    bank && message.currency === 'EUR' && messageTotal && messageTotal.dueMinor > 0 && messageTotal.dueMinor <= 99_999_999_999
      ? epcPayload({ name: bank.name, iban: bank.iban, bic: bank.bic, amount: messageTotal.dueMinor, reference: referenceCompact })
      : null;
  const payTemplate = company.payUrl?.trim() ?? '';
  const payUrl = payTemplate !== '' && payLinkProblem(payTemplate) === null && messageTotal && messageTotal.dueMinor > 0
    ? fillPayLink(payTemplate, {
      amount: formatMinor(messageTotal.dueMinor, currencyDigits(message.currency)),
      currency: message.currency,
      reference: referenceCompact,
      customer: message.customer.code,
    })
    : null;
  const deadlineDate = paymentDeadline(message, asOf);
  return {
    key: message.key,
    language,
    template: message.template,
    kind: message.kind,
    level: message.level,
    asOf,
    date: formatLongDate(asOf, language),
    deadlineDate,
    deadline: formatLongDate(deadlineDate, language),
    company: {
      name: company.name?.trim() ?? '',
      addressLines: textLines(company.address),
      vatId: company.vatId?.trim() ?? '',
      email: company.email?.trim() ?? '',
      phone: company.phone?.trim() ?? '',
    },
    customer: {
      code: message.customer.code,
      name: message.customer.name,
      addressee: message.customer.contactPerson?.trim() || message.customer.name,
      contactPerson: message.customer.contactPerson?.trim() || null,
      postalLines: addressLines(message.customer, {
        companyCountry: company.country ?? null,
        language: settings.policy?.defaultLanguage ?? 'en',
      }),
    },
    letterWindow: settings.letters?.window ?? settingDefault('letters.window'),
    currency: message.currency,
    rows,
    payments: message.payments.map((payment) => ({
      date: formatDate(payment.date, language),
      reference: payment.reference,
      amount: formatAmount(-payment.amount, message.currency, language),
      currency: message.currency,
    })),
    cases: message.cases.map((entry) => ({
      case: entry.case,
      installment: money(entry.installment, entry.currency),
      expectedDate: formatDate(entry.expectedDate, language),
      missed: entry.missed,
      total: money(entry.total, entry.currency),
      paid: money(entry.paid, entry.currency),
      remaining: money(entry.remaining, entry.currency),
      paidThisMonth: money(entry.paidThisMonth, entry.currency),
      shortfall: entry.missed ? money(entry.shortfall, entry.currency) : '',
    })),
    totals,
    notYetDue: money(message.notYetDue, message.currency),
    activity: message.activity ? activityView(message.activity, message.currency, language) : null,
    reference: formatRfReference(referenceCompact),
    referenceCompact,
    bank,
    qrPayload,
    payUrl,
    promise: message.promise
      ? { date: formatLongDate(message.promise.promisedDate, language), amount: money(message.promise.amount, message.promise.currency) }
      : null,
    earlier: message.earlier && message.earlier.length > 0 ? { dates: formatLongDates(message.earlier, language), count: message.earlier.length } : null,
  };
}

/** The activity statement formatted for `language`: amounts with the currency sign, dates short. */
function activityView(activity: ActivityStatement, currency: string, language: string): StatementActivity {
  const money = (amount: Minor) => formatMoney(amount, currency, language);
  const column = (amount: Minor) => (amount === 0 ? '' : money(amount));
  return {
    from: formatDate(activity.from, language),
    to: formatDate(activity.to, language),
    opening: money(activity.opening),
    closing: money(activity.closing),
    debits: money(activity.debits),
    credits: money(activity.credits),
    rows: activity.lines.map((line) => ({
      date: formatDate(line.date, language),
      kind: line.kind,
      reference: line.reference,
      appliesTo: line.appliesTo ?? '',
      debit: column(line.debit),
      credit: column(line.credit),
      balance: money(line.balance),
    })),
  };
}

/** Bank details from the company settings, or null when the IBAN is missing or invalid. */
function bankDetails(company: NonNullable<Settings['company']>): BankDetails | null {
  if (!company.iban || !isValidIban(company.iban)) return null;
  const bic = company.bic && isValidBic(company.bic) ? company.bic.replace(/\s+/g, '').toUpperCase() : null;
  return { name: company.name?.trim() || formatIban(company.iban), iban: formatIban(company.iban), bic };
}
