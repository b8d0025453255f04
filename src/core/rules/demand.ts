/**
 * What a message asks for (docs/reference/rules.md §3.3): the one place the amount asked is
 * decided, so the e-mail, the PDF, the payment reference and QR code, the JSON, the history and the
 * minimum and `covered` checks all work from the same figure.
 */
import { isDisputed } from '../disputes.js';
import type { MessageKind, Minor } from '../domain.js';
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
 * Whether a message is a pre-due notice: a reminder whose every reminded line is not yet overdue.
 * It announces those lines and asks for them by their due dates. A reminder at an overdue level asks
 * only for what is overdue, even when it also reminds of an item about to fall due.
 */
export function announces(kind: MessageKind, lines: readonly PlannedLine[]): boolean {
  let reminded = false;
  for (const line of lines) {
    if (!line.pending) continue;
    if (line.daysOverdue > 0) return false;
    reminded = true;
  }
  return kind === 'reminder' && reminded;
}

/**
 * Whether a message asks for `line` (`announcing`: see announces): a disputed line never (it is
 * listed, marked, until the dispute is resolved); a line due by date always; a line a pre-due
 * notice announces too.
 */
export function askedFor(line: PlannedLine, announcing: boolean): boolean {
  if (isDisputed(line.item)) return false;
  return dueByDate(line.item.openAmount, line.daysOverdue) || (announcing && line.pending);
}

/**
 * The amounts of a message of `kind` listing `lines`. What it lists and does not ask for is set
 * aside as `notYetDue` (a disputed line counts in neither). Payments on account are netted against
 * the part asked for only: when they exceed it, the rest stays a credit for later and is not spent
 * on items that are not yet due.
 */
export function demand(kind: MessageKind, lines: readonly PlannedLine[], payments: readonly PlannedPayment[]): Demand {
  const announcing = announces(kind, lines);
  let asked = 0;
  let notYetDue = 0;
  let interest = 0;
  for (const line of lines) {
    if (askedFor(line, announcing)) {
      asked += line.item.openAmount;
      interest += line.interest;
    } else if (!isDisputed(line.item)) {
      notYetDue += line.item.openAmount;
    }
  }
  let paid = 0;
  for (const payment of payments) paid += payment.amount;
  const unapplied = Math.min(paid, Math.max(0, asked));
  return { total: Math.max(0, asked - unapplied), unapplied, notYetDue, interest };
}
