/**
 * What a message asks for (SPEC §3 "Messages"): the one place the amount asked is decided, so the
 * e-mail, the PDF, the payment reference and QR code, the JSON, the history and the minimum and
 * `covered` checks all work from the same figure.
 */
import { isDisputed } from '../disputes.js';
import type { Minor } from '../domain.js';
import type { PlannedLine, PlannedPayment } from '../plan.js';

/** The amounts of a message before fee: what it asks, what it nets, what it sets aside. */
export interface Demand {
  /** Open amount of the lines asked for minus `unapplied`, never below 0. */
  total: Minor;
  /** Payments on account netted: their sum, at most the positive part asked for. */
  unapplied: Minor;
  /** Open amount of the listed lines that are not yet overdue and so not asked for. */
  notYetDue: Minor;
  /** Interest of the lines asked for. */
  interest: Minor;
}

/**
 * Whether a line counts as due on the as-of date: a debt once past its due date, a credit from its
 * own date (it can be offset from that day). The same test decides the `overdue` scope.
 */
export function dueByDate(openAmount: Minor, daysOverdue: number): boolean {
  return openAmount > 0 ? daysOverdue > 0 : daysOverdue >= 0;
}

/**
 * The amounts of a message listing `lines`. A pre-due notice (`announces`) asks for every item it
 * lists, each by its due date, so it sets nothing aside; any other message asks only for what is
 * due by date, and what is not yet due stands apart. A disputed line is neither asked for nor set
 * aside. Payments on account are netted against the part asked for only: when they exceed it, the
 * rest stays a credit and is not spent on items that are not yet due.
 */
export function demand(lines: readonly PlannedLine[], payments: readonly PlannedPayment[], announces: boolean): Demand {
  let asked = 0;
  let notYetDue = 0;
  let interest = 0;
  for (const line of lines) {
    if (isDisputed(line.item)) continue;
    if (announces || dueByDate(line.item.openAmount, line.daysOverdue)) {
      asked += line.item.openAmount;
      interest += line.interest;
    } else {
      notYetDue += line.item.openAmount;
    }
  }
  let paid = 0;
  for (const payment of payments) paid += payment.amount;
  const unapplied = Math.min(paid, Math.max(0, asked));
  return { total: Math.max(0, asked - unapplied), unapplied, notYetDue, interest };
}
