/**
 * `smtp.maxPerDay`: providers cap the messages an account may send per day, so a run sends at
 * most what is left of today's allowance and leaves the rest due for tomorrow. "Today" is the
 * local calendar day of the wall clock (the injected one), not the run's as-of date: the provider
 * counts real sending time.
 */
import { deliveredBetween } from '../storage/delivery-history.js';
import type { Ledger } from '../storage/ledger.js';

/** What is left of today's allowance during one run. */
export interface DailyAllowance {
  limit: number;
  /** Messages this run may still begin. */
  left: number;
  /** Messages this run held back because nothing was left. */
  heldBack: number;
}

/** The allowance left at `now` after what history already holds for today; null when no cap is set. */
export async function dailyAllowance(ledger: Ledger, maxPerDay: number | undefined, now: Date): Promise<DailyAllowance | null> {
  if (maxPerDay === undefined) return null;
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const used = await ledger.read((sql) => deliveredBetween(sql, start.toISOString(), end.toISOString()));
  return { limit: maxPerDay, left: Math.max(0, maxPerDay - used), heldBack: 0 };
}

/** Take one message's place in the allowance; false when none is left (the message stays due). */
export function takePlace(allowance: DailyAllowance | null): boolean {
  if (allowance === null) return true;
  if (allowance.left <= 0) {
    allowance.heldBack += 1;
    return false;
  }
  allowance.left -= 1;
  return true;
}

/** Give a place back: the message failed, so it did not count against the provider's limit. */
export function givePlaceBack(allowance: DailyAllowance | null): void {
  if (allowance !== null) allowance.left += 1;
}

/** The reason given for each message held back. */
export function dailyLimitReason(allowance: DailyAllowance): string {
  return `daily limit of ${allowance.limit} reached`;
}
