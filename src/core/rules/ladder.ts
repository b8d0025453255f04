/**
 * The reminder ladder (SPEC §3 "Levels"): which level an item reaches on the as-of date and whether
 * it is pending there. Lower levels are never sent retroactively and only the last level repeats.
 */
import type { IsoDate } from '../domain.js';
import type { Level } from '../plan.js';
import type { LevelSent } from './input.js';

/** The policy ladder prepared for fast lookups during one planning run. */
export interface Ladder {
  levels: readonly Level[];
  /** Level id → position in the ladder (0 = lowest). */
  index: ReadonlyMap<string, number>;
  /** Repeat interval of the last level, or null when it does not repeat. */
  repeatEveryDays: number | null;
}

/** Prepare the ladder; levels are ordered by `days` (the policy validator guarantees it). */
export function makeLadder(levels: readonly Level[]): Ladder {
  const ordered = [...levels].sort((a, b) => a.days - b.days);
  const index = new Map<string, number>();
  ordered.forEach((level, position) => index.set(level.id, position));
  const last = ordered[ordered.length - 1];
  const repeat = last?.repeatEveryDays;
  return { levels: ordered, index, repeatEveryDays: repeat !== undefined && repeat > 0 ? repeat : null };
}

/**
 * Position of the highest level an item reaches with `daysOverdue`, or -1 when none.
 * Only a positive open amount reaches a level; credit notes only reduce totals.
 */
export function reachedLevel(ladder: Ladder, openAmount: number, daysOverdue: number): number {
  if (openAmount <= 0) return -1;
  const { levels } = ladder;
  for (let position = levels.length - 1; position >= 0; position--) {
    if (daysOverdue >= levels[position]!.days) return position;
  }
  return -1;
}

/**
 * Whether an item that reached ladder position `reached` is pending there on `asOfDay` (a day
 * number). Not pending when it was already included at that level, or at any higher level (a
 * level that is no longer reached, e.g. after the ladder changed, is never sent backwards).
 * At the last level with a repeat interval R it is pending again R days after the latest inclusion.
 * History entries for levels no longer in the ladder are ignored: they cannot be ranked.
 */
export function isPending(
  ladder: Ladder,
  reached: number,
  history: readonly LevelSent[] | undefined,
  asOfDay: number,
  dayNumber: (date: IsoDate) => number,
): boolean {
  if (reached < 0) return false;
  if (history === undefined || history.length === 0) return true;
  const last = ladder.levels.length - 1;
  for (const sent of history) {
    const position = ladder.index.get(sent.level);
    if (position === undefined || position < reached) continue;
    if (position > reached) return false;
    if (position !== last || ladder.repeatEveryDays === null) return false;
    if (asOfDay - dayNumber(sent.latest) < ladder.repeatEveryDays) return false;
  }
  return true;
}
