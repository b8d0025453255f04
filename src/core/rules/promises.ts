/**
 * Promises to pay (docs/reference/rules.md §9.2). While a promise is open its items are not
 * reminded; once the date plus `policy.promiseGraceDays` has passed without the promised amount
 * arriving (payments dated from the day it was made), the promise is broken and its items escalate
 * to their next level at once — one time: after a reminder has listed them since the break, the
 * ladder takes over again.
 */
import { addDays } from '../dates.js';
import type { IsoDate, PaymentPromise } from '../domain.js';
import type { PromiseSnapshot } from './input.js';
import type { CandidateDialect, Rule } from './rule.js';

/** Where a promise stands on an as-of date. */
export type PromiseState = 'open' | 'kept' | 'broken';

/** A promise's state on `asOf`, and the first day it counts as broken. */
export function promiseState(snapshot: PromiseSnapshot, asOf: IsoDate, graceDays: number): { state: PromiseState; brokenOn: IsoDate } {
  const { promise, paidSince } = snapshot;
  const brokenOn = addDays(promise.promisedDate, graceDays + 1);
  if (paidSince >= promise.amount) return { state: 'kept', brokenOn };
  return { state: asOf < brokenOn ? 'open' : 'broken', brokenOn };
}

/** What a promise means for one item on the as-of date. */
export type PromiseEffect =
  | { kind: 'none' }
  | { kind: 'protected'; promise: PaymentPromise }
  | { kind: 'broken'; promise: PaymentPromise; brokenOn: IsoDate };

const NO_EFFECTS: ReadonlyMap<string, PromiseEffect> = new Map();

/**
 * The effect of the customer's promises per item number: the latest promise made that covers the
 * item decides (a new promise replaces an older one for the same item). Kept promises have none.
 */
export function promiseEffects(promises: readonly PromiseSnapshot[] | undefined, asOf: IsoDate, graceDays: number): ReadonlyMap<string, PromiseEffect> {
  // Nearly every customer has no promise: planning 100,000 of them allocates nothing for it.
  if (promises === undefined || promises.length === 0) return NO_EFFECTS;
  const effects = new Map<string, PromiseEffect>();
  const latestFirst = [...promises].sort((a, b) => (a.promise.madeOn < b.promise.madeOn ? 1 : a.promise.madeOn > b.promise.madeOn ? -1 : b.promise.id - a.promise.id));
  for (const snapshot of latestFirst) {
    // A promise made after the as-of date did not exist yet on it (a replay with an earlier --as-of).
    if (snapshot.promise.madeOn > asOf) continue;
    const { state, brokenOn } = promiseState(snapshot, asOf, graceDays);
    const effect: PromiseEffect =
      state === 'open' ? { kind: 'protected', promise: snapshot.promise } : state === 'broken' ? { kind: 'broken', promise: snapshot.promise, brokenOn } : { kind: 'none' };
    for (const number of snapshot.promise.items) if (!effects.has(number)) effects.set(number, effect);
  }
  return effects;
}

/** A promise whose date has passed may be broken today: its customer's items escalate at once. */
function promiseCandidates<P>(dialect: CandidateDialect<P>, _policy: unknown, asOf: IsoDate): P[] {
  return [dialect.promiseBefore(asOf)];
}

/** Promises to pay: their effect on each item decided from the snapshot, searched for by promised date. */
export const promiseRule: Rule<typeof promiseEffects> = { id: 'promises', decide: promiseEffects, candidates: promiseCandidates };
