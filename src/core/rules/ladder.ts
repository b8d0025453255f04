/**
 * The reminder ladder (docs/reference/rules.md §2): which level an item reaches on the as-of date
 * and whether it is pending there. Lower levels are never sent retroactively and only the last
 * level repeats. A level with negative days is a pre-due notice: it is reached only before the due
 * date.
 */
import { addDays } from '../dates.js';
import type { IsoDate } from '../domain.js';
import type { Escalation, Level } from '../plan.js';
import type { LevelSent } from './input.js';
import type { BlockingState, PendingSearch } from './rule.js';

/** The policy ladder prepared for fast lookups during one planning run. */
export interface Ladder {
  levels: readonly Level[];
  /** Level id → position in the ladder (0 = lowest). */
  index: ReadonlyMap<string, number>;
  /** Repeat interval of the last level, or null when it does not repeat. */
  repeatEveryDays: number | null;
  /** Per ladder position: what in the counted history keeps an item that reached it from being pending. */
  blockers: readonly Blockers[];
  /** Position of the first overdue level (days ≥ 0); `levels.length` when every level is a pre-due notice. */
  firstOverdue: number;
  /** `days`: an item is at the level its days overdue reach; `stepwise`: one level per message sent. */
  escalation: Escalation;
}

/**
 * The pending rule of one ladder position, as data: an item that reached it is not pending when
 * it was counted at any of `levels`, or at `repeat.level` less than `repeat.days` days ago.
 * Written once here; the engine applies it to snapshots and storage turns it into its search.
 */
export interface Blockers {
  /** Levels whose counted inclusion always blocks: this one and every higher one. */
  levels: readonly string[];
  /**
   * The repeating last level: blocks while its latest inclusion is newer than `days`, and for
   * good once it was counted `maxSends` times (null: no cap): the item is then handed over.
   */
  repeat: { level: string; days: number; maxSends: number | null } | null;
}

/**
 * Blockers of each position: a level that is no longer reached (e.g. after the ladder changed) is
 * never sent backwards, so higher levels always block; the position's own level blocks unless it
 * is the last one and repeats every R days.
 */
function blockersOf(ordered: readonly Level[], repeatEveryDays: number | null): Blockers[] {
  const last = ordered.length - 1;
  return ordered.map((level, position) => {
    const higher = ordered.slice(position + 1).map((l) => l.id);
    if (position === last && repeatEveryDays !== null) {
      const maxSends = level.maxRepeats === undefined ? null : level.maxRepeats + 1;
      return { levels: higher, repeat: { level: level.id, days: repeatEveryDays, maxSends } };
    }
    return { levels: [level.id, ...higher], repeat: null };
  });
}

/** Prepare the ladder; levels are ordered by `days` (the policy validator guarantees it). */
export function makeLadder(levels: readonly Level[], escalation: Escalation = 'days'): Ladder {
  const ordered = [...levels].sort((a, b) => a.days - b.days);
  const index = new Map<string, number>();
  ordered.forEach((level, position) => index.set(level.id, position));
  const last = ordered[ordered.length - 1];
  const repeat = last?.repeatEveryDays;
  const repeatEveryDays = repeat !== undefined && repeat > 0 ? repeat : null;
  const overdue = ordered.findIndex((level) => level.days >= 0);
  return {
    levels: ordered,
    index,
    repeatEveryDays,
    blockers: blockersOf(ordered, repeatEveryDays),
    firstOverdue: overdue < 0 ? ordered.length : overdue,
    escalation,
  };
}

/**
 * Position of the highest level an item reaches with `daysOverdue`, or -1 when none.
 * Only a positive open amount reaches a level; credit notes only reduce totals. A pre-due level
 * (negative days) announces an amount that is not due yet: once the item is due it is no longer
 * reached, so an item past due that has not reached the first overdue level reaches none.
 */
export function reachedLevel(ladder: Ladder, openAmount: number, daysOverdue: number): number {
  if (openAmount <= 0) return -1;
  const { levels } = ladder;
  for (let position = levels.length - 1; position >= 0; position--) {
    const days = levels[position]!.days;
    if (daysOverdue >= days) return days < 0 && daysOverdue >= 0 ? -1 : position;
  }
  return -1;
}

/**
 * The position an overdue item stands at under `stepwise` escalation, from the position its days
 * overdue reach (`reached`) and its counted history. Its first overdue message is at the first
 * overdue level whatever its age; from the highest overdue level it was counted at (h), it moves
 * to h + 1 only when that counted message is at least (days of h + 1 − days of h) days old and its
 * days overdue reach h + 1. Pre-due positions and items reaching nothing are left as they are.
 * The candidate search (`pendingSearch`) states the same rule for storage.
 */
export function stepwiseLevel(
  ladder: Ladder,
  reached: number,
  history: readonly LevelSent[] | undefined,
  asOfDay: number,
  dayNumber: (date: IsoDate) => number,
): number {
  const { firstOverdue, levels } = ladder;
  if (reached < firstOverdue) return reached;
  let highest = -1;
  let latest: IsoDate | null = null;
  for (const sent of history ?? []) {
    const position = ladder.index.get(sent.level);
    if (position === undefined || position < firstOverdue || position < highest) continue;
    if (position > highest || latest === null || sent.latest > latest) latest = sent.latest;
    highest = position;
  }
  if (highest < 0) return firstOverdue;
  // Counted at or above the level the days reach: the days rule's blockers decide from there.
  if (highest >= reached) return reached;
  const gap = levels[highest + 1]!.days - levels[highest]!.days;
  return asOfDay - dayNumber(latest!) >= gap ? highest + 1 : highest;
}

/** Where an item stands at the position it reached: not at any level, pending, waiting, or handed over. */
export type Standing = 'none' | 'pending' | 'waiting' | 'handed-over';

/**
 * Where an item that reached ladder position `reached` stands on `asOfDay` (a day number), by
 * that position's blockers (see `Blockers`). History entries for levels no longer in the ladder
 * are ignored: they cannot be ranked. An item is handed over when its level caps repeats
 * (`maxRepeats`), it was counted there as often as the cap allows and its next repeat would be
 * due now: it is listed for the collection agency and no longer reminded.
 */
export function standing(
  ladder: Ladder,
  reached: number,
  history: readonly LevelSent[] | undefined,
  asOfDay: number,
  dayNumber: (date: IsoDate) => number,
): Standing {
  if (reached < 0) return 'none';
  if (history === undefined || history.length === 0) return 'pending';
  const { levels, repeat } = ladder.blockers[reached]!;
  let capped = false;
  for (const sent of history) {
    if (levels.includes(sent.level)) return 'waiting';
    if (repeat !== null && sent.level === repeat.level) {
      if (asOfDay - dayNumber(sent.latest) < repeat.days) return 'waiting';
      capped = repeat.maxSends !== null && (sent.count ?? 1) >= repeat.maxSends;
    }
  }
  return capped ? 'handed-over' : 'pending';
}

/**
 * The counted states that keep an item that reached `position` from being pending there: the
 * position's blockers and, with `stepwise` escalation, the highest overdue level the item was
 * counted at below it when that was too recent to step up (see `stepwiseLevel`: from level q the
 * item moves on only once its latest counted message at q is (days of q + 1 − days of q) days old,
 * and q is its highest).
 */
function blockingStates(ladder: Ladder, position: number, asOf: IsoDate): BlockingState[] {
  const blockers = ladder.blockers[position]!;
  const states: BlockingState[] = [];
  if (blockers.levels.length > 0) states.push({ levels: blockers.levels, after: null, noneAt: [] });
  if (blockers.repeat !== null) states.push({ levels: [blockers.repeat.level], after: addDays(asOf, -blockers.repeat.days), noneAt: [] });
  if (ladder.escalation === 'stepwise') {
    const { levels, firstOverdue } = ladder;
    for (let step = firstOverdue; step < position; step++) {
      // States at `position` or above are the blockers' own; between `step` and `position` they make `step` not the highest.
      const between = levels.slice(step + 1, position).map((level) => level.id);
      states.push({ levels: [levels[step]!.id], after: addDays(asOf, -(levels[step + 1]!.days - levels[step]!.days)), noneAt: between });
    }
  }
  return states;
}

/**
 * The ladder's pending rule as a candidate search for `asOf` (null for a ladder without levels):
 * the position an item reached decides which states block it, the highest threshold passed wins.
 * A search wider than the engine's rule is harmless; a narrower one would lose reminders.
 */
export function pendingSearch(ladder: Ladder, asOf: IsoDate): PendingSearch | null {
  const lowest = ladder.levels[0];
  if (lowest === undefined) return null;
  const positions = ladder.levels.map((level, position) => ({ dueBy: addDays(asOf, -level.days), blockedBy: blockingStates(ladder, position, asOf) })).reverse();
  // A pre-due level is reached only before the due date: an item due or past due that has not
  // reached the first overdue level reaches nothing.
  const first = ladder.levels[ladder.firstOverdue];
  const reachesNothing = lowest.days >= 0 ? null : { onOrBefore: asOf, after: first === undefined ? null : addDays(asOf, -first.days) };
  return { asOf, positions, dueBy: addDays(asOf, -lowest.days), reachesNothing };
}
