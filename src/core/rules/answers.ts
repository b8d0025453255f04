/**
 * What came back from customers changes what they are sent (docs/reference/rules.md §8.1, §8.2): an
 * address a permanent bounce reported is never written to, and a reply nobody has handled pauses
 * the customer's reminders for `policy.replyPauseDays`. Pure; the snapshot carries what the inbox
 * filed.
 */
import { addDays } from '../dates.js';
import type { Customer, IsoDate } from '../domain.js';

/** An address of the customer a permanent bounce reported dead. */
export interface UndeliverableMark {
  address: string;
  since: IsoDate;
  reason: string;
}

/** What the inbox filed about one customer. */
export interface AnswersSnapshot {
  undeliverable: readonly UndeliverableMark[];
  /** The day the latest reply nobody has handled came in; null when there is none. */
  openReplyOn: IsoDate | null;
}

const EMAIL_FIELDS = ['email', 'email2', 'email3'] as const;

/** The customer with its undeliverable addresses taken out (each compared without regard to case). */
export function withoutUndeliverable(customer: Customer, answers: AnswersSnapshot | undefined): Customer {
  if (answers === undefined || answers.undeliverable.length === 0) return customer;
  const dead = new Set(answers.undeliverable.map((mark) => mark.address.toLowerCase()));
  const out: Customer = { ...customer };
  for (const field of EMAIL_FIELDS) {
    const value = customer[field];
    if (value !== null && dead.has(value.trim().toLowerCase())) out[field] = null;
  }
  return out;
}

/** The detail of a `bounced` skip: each dead address, since when and why. */
export function bouncedDetail(answers: AnswersSnapshot): string {
  return `every e-mail address is undeliverable: ${answers.undeliverable.map((m) => `${m.address} (since ${m.since}: ${m.reason})`).join('; ')}`;
}

/** The day of the reply that pauses reminders on `asOf`, or null (docs/reference/rules.md §8.2). */
export function pausingReply(answers: AnswersSnapshot | undefined, asOf: IsoDate, pauseDays: number): IsoDate | null {
  const on = answers?.openReplyOn ?? null;
  if (on === null || on > asOf) return null;
  return addDays(on, pauseDays) > asOf ? on : null;
}
