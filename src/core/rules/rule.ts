/**
 * What a rule is: its decision, which the engine applies to one customer's snapshot, and its
 * candidate search, which tells storage which customers that decision could give anything on the
 * as-of date. Both live in the rule's own module, so a rule cannot decide without being searched
 * for. The search is data: the rule states it in the terms of `CandidateDialect`, and storage
 * implements those terms in each database engine's SQL (core holds no SQL and does no I/O).
 */
import type { IsoDate } from '../domain.js';
import type { Policy } from '../plan.js';

/**
 * The counted reminder states (one per item and level) that keep an item from being pending: a
 * state at any of `levels`, counted after `after` when set, and only while the item has no state
 * at any of `noneAt` (which would make another level its highest).
 */
export interface BlockingState {
  levels: readonly string[];
  after: IsoDate | null;
  noneAt: readonly string[];
}

/** One ladder position for the search: an item due on or before `dueBy` reached it; these states block it there. */
export interface ReachedPosition {
  dueBy: IsoDate;
  blockedBy: readonly BlockingState[];
}

/**
 * The pending test of one ladder as data: an open, not held, positive item outside an installment
 * plan in effect, due on or before `dueBy`, at the highest of `positions` its due date reaches
 * (listed from the highest down), with no counted state blocking it there.
 */
export interface PendingSearch {
  asOf: IsoDate;
  positions: readonly ReachedPosition[];
  /** The lowest level's threshold: an item due later reaches nothing. */
  dueBy: IsoDate;
  /**
   * Items due on or before `onOrBefore` and after `after` (no lower bound when null) reach nothing:
   * past their pre-due notices, short of the first overdue level. Null when the ladder has no pre-due level.
   */
  reachesNothing: { onOrBefore: IsoDate; after: IsoDate | null } | null;
}

/** Which dunning profiles a search covers: every customer, those on one profile, or those on none of some. */
export type ProfileFilter = { kind: 'all' } | { kind: 'named'; name: string } | { kind: 'none-of'; names: readonly string[] };

/**
 * The terms a candidate search is written in, each a set of customer codes. Storage implements
 * them for each database engine (`P` is its query part); core only chooses and combines them.
 */
export interface CandidateDialect<P> {
  /** Customers with an item pending under `search`, among the customers `profiles` selects. */
  pendingItems(search: PendingSearch, profiles: ProfileFilter): P;
  /** Customers naming a profile other than `known` (a customer naming none is on `default`). */
  profileNotIn(known: readonly string[]): P;
  /**
   * Customers with an open item and no counted message within their statement interval, the
   * customer's own or else `everyDays` (a positive interval only).
   */
  statementDue(asOf: IsoDate, everyDays: number | null): P;
  /** Customers with an active installment plan. */
  activePlan(): P;
  /** Customers with a promise to pay dated before `date`. */
  promiseBefore(date: IsoDate): P;
}

/** The candidate search of a rule: the parts whose union holds every customer the rule could give anything. */
export type CandidateSearch = <P>(dialect: CandidateDialect<P>, policy: Policy, asOf: IsoDate) => P[];

/** A rule: its id, its decision (whatever it needs from the engine) and its candidate search. */
export interface Rule<Decide extends (...args: never[]) => unknown> {
  readonly id: string;
  readonly decide: Decide;
  readonly candidates: CandidateSearch;
}
