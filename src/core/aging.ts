/**
 * Aging of open items (pure): how much is not yet due, 1–30, 31–60, 61–90 and over 90 days
 * overdue, per currency. Used by the Customers screen bars and the customer detail.
 */
import type { IsoDate, Item, Minor } from '../core/domain.js';
import { daysBetween } from '../core/dates.js';

/** Names of the aging buckets, in display order. */
export const AGING_BUCKETS = ['notDue', 'd1to30', 'd31to60', 'd61to90', 'over90'] as const;
/** One aging bucket. */
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** Labels for the buckets as the operator reads them. */
export const AGING_LABELS: Record<AgingBucket, string> = {
  notDue: 'not yet due',
  d1to30: '1–30',
  d31to60: '31–60',
  d61to90: '61–90',
  over90: '> 90',
};

/** Open amounts per aging bucket for one currency. */
export interface Aging {
  currency: string;
  buckets: Record<AgingBucket, Minor>;
}

/** The bucket an item falls in when it is `daysOverdue` days overdue (0 or less = not yet due). */
export function bucketOf(daysOverdue: number): AgingBucket {
  if (daysOverdue <= 0) return 'notDue';
  if (daysOverdue <= 30) return 'd1to30';
  if (daysOverdue <= 60) return 'd31to60';
  if (daysOverdue <= 90) return 'd61to90';
  return 'over90';
}

function emptyBuckets(): Record<AgingBucket, Minor> {
  return { notDue: 0, d1to30: 0, d31to60: 0, d61to90: 0, over90: 0 };
}

/** Accumulates aging; add items one at a time (cheap for 1,000,000 items), read `result()`. */
export class AgingAccumulator {
  private readonly byCurrency = new Map<string, Record<AgingBucket, Minor>>();

  /** Add an open amount in `currency` that is `daysOverdue` days overdue. */
  add(currency: string, daysOverdue: number, openAmount: Minor): void {
    if (openAmount === 0) return;
    let buckets = this.byCurrency.get(currency);
    if (!buckets) {
      buckets = emptyBuckets();
      this.byCurrency.set(currency, buckets);
    }
    buckets[bucketOf(daysOverdue)] += openAmount;
  }

  /** Merge another aging list into this one (bucket by bucket). */
  merge(agings: readonly Aging[]): void {
    for (const aging of agings) {
      let buckets = this.byCurrency.get(aging.currency);
      if (!buckets) {
        buckets = emptyBuckets();
        this.byCurrency.set(aging.currency, buckets);
      }
      for (const bucket of AGING_BUCKETS) buckets[bucket] += aging.buckets[bucket];
    }
  }

  /** The aging per currency, currencies in alphabetical order. */
  result(): Aging[] {
    return [...this.byCurrency.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, buckets]) => ({ currency, buckets: { ...buckets } }));
  }
}

/** Aging per currency of `items` as of `asOf` (closed items ignored). */
export function agingOf(items: readonly Item[], asOf: IsoDate): Aging[] {
  const acc = new AgingAccumulator();
  for (const item of items) acc.add(item.currency, daysBetween(item.dueDate, asOf), item.openAmount);
  return acc.result();
}
