/** Facts about a planned message the tables and filters show (pure, cached per message object). */
import { currencyDigits } from '../core/money.js';
import type { PlannedMessage } from '../core/plan.js';

/** Derived figures of one planned message. */
export interface MessageFacts {
  /** Days overdue of the most overdue line; null when it lists no items (installment notice). */
  oldestDaysOverdue: number | null;
  /** How many items or cases it reminds of. */
  itemCount: number;
  /** Total plus fee plus interest, in major units (for filters only, never for display). */
  totalMajor: number;
  /** Level id, or the kind for statements and installment notices. */
  kindLabel: string;
}

const cache = new WeakMap<PlannedMessage, MessageFacts>();

/** The facts of a message (computed once per message object). */
export function messageFacts(message: PlannedMessage): MessageFacts {
  let facts = cache.get(message);
  if (!facts) {
    let oldest: number | null = null;
    for (const line of message.lines) {
      if (line.item.openAmount > 0 && (oldest === null || line.daysOverdue > oldest)) oldest = line.daysOverdue;
    }
    facts = {
      oldestDaysOverdue: oldest,
      itemCount: message.reminds.length,
      totalMajor: (message.total + message.fee + message.interest) / 10 ** currencyDigits(message.currency),
      kindLabel: message.level ?? message.kind,
    };
    cache.set(message, facts);
  }
  return facts;
}
