/**
 * The totals of a statement model: per currency, the amounts block every rendering lists (the
 * e-mail text, the HTML and the PDF iterate the same lines, so none of them can leave one out).
 */
import { isDisputed } from './disputes.js';
import type { Minor } from './domain.js';
import type { PlannedMessage } from './plan.js';

/** What a line of the amounts block is. */
export type AmountKind = 'outstanding' | 'notYetDue' | 'unapplied' | 'fee' | 'interest' | 'due';

/**
 * One line of the amounts block, formatted. The e-mail text, the HTML and the PDF all list exactly
 * these lines, so every amount that makes up what a message asks for appears in each of them.
 */
export interface AmountLine {
  kind: AmountKind;
  amount: string;
}

/** Totals of one currency (a message has one currency; stray lines in another get their own). */
export interface CurrencyTotal {
  currency: string;
  /** What the listed items add up to, disputed ones left out (installment notice: the shortfalls). */
  open: string;
  /** Listed items not yet overdue, not asked for; null when the message sets nothing aside. */
  notYetDue: string | null;
  /** Payments on account netted, written negative; null when none. */
  unapplied: string | null;
  fee: string | null;
  interest: string | null;
  /** What the message asks: the part due minus payments on account (never below 0), plus fee and interest. */
  due: string;
  dueMinor: Minor;
  /** The amounts block, top to bottom: outstanding, not yet due, payments on account, fee, interest, due. */
  lines: AmountLine[];
}

/**
 * Per-currency totals. The message currency shows what its lines add up to (an installment notice,
 * which lists no items, its planned total), the part set aside as not yet due, the payments on
 * account netted, and as due the planned total (already netted, never below 0) plus fee and interest.
 */
export function currencyTotals(message: PlannedMessage, money: (amount: Minor, currency: string) => string): CurrencyTotal[] {
  const open = new Map<string, Minor>([[message.currency, message.lines.length > 0 ? 0 : message.total]]);
  for (const line of message.lines) {
    // A disputed line is listed but not asked for, as the rules leave it out of the total.
    if (isDisputed(line.item)) continue;
    open.set(line.item.currency, (open.get(line.item.currency) ?? 0) + line.item.openAmount);
  }
  return [...open].map(([currency, amount]) => {
    const own = currency === message.currency;
    const notYetDue = own ? message.notYetDue : 0;
    const unapplied = own ? message.unapplied : 0;
    const fee = own ? message.fee : 0;
    const interest = own ? message.interest : 0;
    const due = (own ? message.total : amount) + fee + interest;
    const shown = (value: Minor): string | null => (value !== 0 ? money(value, currency) : null);
    // An installment notice lists no items: what it asks is the shortfalls, not an outstanding balance.
    const lines: AmountLine[] = message.lines.length > 0 ? [{ kind: 'outstanding', amount: money(amount, currency) }] : [];
    const add = (kind: AmountKind, value: string | null) => {
      if (value !== null) lines.push({ kind, amount: value });
    };
    // Set aside and netted amounts are taken off, so they are written negative.
    add('notYetDue', shown(-notYetDue));
    add('unapplied', shown(-unapplied));
    add('fee', shown(fee));
    add('interest', shown(interest));
    lines.push({ kind: 'due', amount: money(due, currency) });
    return {
      currency,
      open: money(amount, currency),
      notYetDue: shown(notYetDue),
      unapplied: shown(-unapplied),
      fee: shown(fee),
      interest: shown(interest),
      due: money(due, currency),
      dueMinor: due,
      lines,
    };
  });
}
