/**
 * The activity statement (ERPNext "Statement of Accounts", OCA partner statements): for one customer,
 * one currency and a period [from, to], the balance brought forward, every document and payment of
 * the period in date order with a running balance, and the closing balance. Pure: built only from
 * the documents and payments passed in, so it shows what duedesk knows (a payment never imported
 * is not on it).
 */
import { addDays } from './dates.js';
import type { IsoDate, ItemKind, Minor } from './domain.js';

/** The template of an activity statement (the open-items one is `statement`). */
export const ACTIVITY_TEMPLATE = 'activity';

/** An invoice, charge or credit note of the account; `amount` is signed (credit notes negative). */
export interface ActivityDocument {
  number: string;
  kind: ItemKind;
  issueDate: IsoDate;
  amount: Minor;
}

/** A payment received; a negative amount (a refund or a reversal) raises the balance again. */
export interface ActivityPayment {
  reference: string;
  date: IsoDate;
  amount: Minor;
  /** The item it pays, if it names one. */
  itemNumber: string | null;
  /** The installment case it counts for, if it names one. */
  case: string | null;
}

/** A customer's documents and payments, by currency. */
export type AccountByCurrency = Map<string, { documents: ActivityDocument[]; payments: ActivityPayment[] }>;

/** What a line of the statement is. */
export type ActivityKind = ItemKind | 'payment';

/** One movement of the account in the period. */
export interface ActivityLine {
  date: IsoDate;
  kind: ActivityKind;
  /** Document number or payment reference. */
  reference: string;
  /** For a payment: the item it pays, else the case it counts for; null for documents. */
  appliesTo: string | null;
  /** What the line adds to the balance (≥ 0) and what it takes off it (≥ 0); one of them is 0. */
  debit: Minor;
  credit: Minor;
  /** The balance after this line. */
  balance: Minor;
}

/** The activity statement of one currency. */
export interface ActivityStatement {
  from: IsoDate;
  to: IsoDate;
  /** Every document minus every payment dated before `from`. */
  opening: Minor;
  lines: ActivityLine[];
  /** Opening plus debits minus credits: what the customer owes at the end of `to`. */
  closing: Minor;
  debits: Minor;
  credits: Minor;
}

/** A line before the running balance, with what orders it. */
interface Movement {
  line: Omit<ActivityLine, 'balance'>;
  /** Documents before payments on the same day: a payment of an invoice issued that day follows it. */
  rank: 0 | 1;
}

/** A signed effect split into the debit and credit columns. */
function columns(effect: Minor): { debit: Minor; credit: Minor } {
  return effect >= 0 ? { debit: effect, credit: 0 } : { debit: 0, credit: -effect };
}

function compare(a: Movement, b: Movement): number {
  if (a.line.date !== b.line.date) return a.line.date < b.line.date ? -1 : 1;
  if (a.rank !== b.rank) return a.rank - b.rank;
  return a.line.reference < b.line.reference ? -1 : a.line.reference > b.line.reference ? 1 : 0;
}

/**
 * The activity statement for [from, to] (both inclusive) from one currency's documents and
 * payments; anything dated after `to` is left out. The caller checks that from ≤ to.
 */
export function activityStatement(
  documents: readonly ActivityDocument[],
  payments: readonly ActivityPayment[],
  from: IsoDate,
  to: IsoDate,
): ActivityStatement {
  let opening = 0;
  const movements: Movement[] = [];
  for (const document of documents) {
    if (document.issueDate > to) continue;
    if (document.issueDate < from) opening += document.amount;
    else {
      const line = { date: document.issueDate, kind: document.kind, reference: document.number, appliesTo: null, ...columns(document.amount) };
      movements.push({ line, rank: 0 });
    }
  }
  for (const payment of payments) {
    if (payment.date > to) continue;
    if (payment.date < from) opening -= payment.amount;
    else {
      const line = { date: payment.date, kind: 'payment' as const, reference: payment.reference, appliesTo: payment.itemNumber ?? payment.case, ...columns(-payment.amount) };
      movements.push({ line, rank: 1 });
    }
  }
  movements.sort(compare);
  let balance = opening;
  let debits = 0;
  let credits = 0;
  const lines = movements.map(({ line }) => {
    balance += line.debit - line.credit;
    debits += line.debit;
    credits += line.credit;
    return { ...line, balance };
  });
  return { from, to, opening, lines, closing: balance, debits, credits };
}

/**
 * The period of an activity statement made on `asOf`: from the day after the previous statement
 * (its as-of date is exclusive: what it showed is not shown again), else the last `days` days.
 */
export function activityPeriod(previous: IsoDate | null, days: number, asOf: IsoDate): { from: IsoDate; to: IsoDate } {
  const from = previous !== null && previous < asOf ? addDays(previous, 1) : addDays(asOf, 1 - Math.max(1, days));
  return { from, to: asOf };
}
