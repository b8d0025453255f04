/** From a planned and rendered message to the history record kept in the journal and database. */
import type { IsoDate } from '../core/domain.js';
import type { OutgoingMessage } from '../core/message.js';
import type { PlannedMessage } from '../core/plan.js';
import type { GuardKey } from '../storage/delivery-history.js';
import type { Ledger } from '../storage/ledger.js';
import type { HistoryRecord } from './journal.js';

/**
 * The operator recorded with every message, approval, promise, dispute, note and change: who the
 * ledger says is connected (`ledger.user`), with the `operator` setting only as a display name
 * beside it — `alice (Alice Martin)` (docs/reference/roles.md §1). The one place it is composed.
 */
export function operatorName(ledger: Pick<Ledger, 'user'>, display: string | undefined): string {
  const name = display?.trim() ?? '';
  if (name === '' || name === ledger.user) return ledger.user;
  return ledger.user === '' ? name : `${ledger.user} (${name})`;
}

/**
 * The history record of one message. Pending lines are recorded at the level they reached
 * (that is what makes them not pending next time); other listed lines without a level.
 */
export function historyRecord(
  planned: PlannedMessage,
  message: OutgoingMessage,
  asOf: IsoDate,
  operator: string,
  outstanding: number,
): HistoryRecord {
  return {
    key: planned.key,
    customerCode: planned.customer.code,
    kind: planned.kind,
    level: planned.level,
    currency: planned.currency,
    asOf,
    to: message.to,
    cc: message.cc,
    bcc: message.bcc,
    subject: message.subject,
    messageId: message.messageId,
    total: planned.total,
    fee: planned.fee,
    interest: planned.interest,
    unapplied: planned.unapplied,
    outstanding,
    operator,
    items: planned.lines.map((line) => ({
      itemNumber: line.item.number,
      level: line.pending ? line.reached : null,
      openAmount: line.item.openAmount,
    })),
    cases: planned.cases.map((c) => c.case),
  };
}

/** The double-send guard key of a planned message. */
export function guardKeyOf(planned: PlannedMessage, asOf: IsoDate): GuardKey {
  return {
    customerCode: planned.customer.code,
    currency: planned.currency,
    asOf,
    kind: planned.kind,
    level: planned.level,
    items: planned.lines.filter((line) => line.pending).map((line) => line.item.number),
  };
}
