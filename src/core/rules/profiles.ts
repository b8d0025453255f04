/**
 * Dunning profiles (docs/reference/rules.md §9.1): each customer is reminded by the ladder,
 * statement interval and scope of its profile. `default` is the top-level policy; the others come
 * from `policy.profiles`.
 */
import type { Customer } from '../domain.js';
import { DEFAULT_PROFILE, type Policy, type Profile } from '../plan.js';
import { makeLadder, type Ladder } from './ladder.js';

/** A profile prepared for one planning run. */
export interface ProfileRun {
  name: string;
  ladder: Ladder;
  scope: Profile['scope'];
  statementEveryDays: number | null;
}

/** Every profile of the policy by name, `default` included, each ladder prepared once. */
export function prepareProfiles(policy: Policy): ReadonlyMap<string, ProfileRun> {
  const runs = new Map<string, ProfileRun>();
  const add = (name: string, profile: Profile): void => {
    runs.set(name, { name, ladder: makeLadder(profile.levels, profile.escalation), scope: profile.scope, statementEveryDays: profile.statementEveryDays });
  };
  add(DEFAULT_PROFILE, policy);
  for (const [name, profile] of Object.entries(policy.profiles)) if (name !== DEFAULT_PROFILE) add(name, profile);
  return runs;
}

/** The profile name a customer is on (`default` when it names none). */
export function profileName(customer: Customer): string {
  return customer.profile ?? DEFAULT_PROFILE;
}

/** Every profile name a customer may name: `default` first, then the policy's own, sorted. */
export function profileNames(policy: Pick<Policy, 'profiles'>): string[] {
  const named = Object.keys(policy.profiles).filter((name) => name !== DEFAULT_PROFILE).sort();
  return [DEFAULT_PROFILE, ...named];
}

/** Whether a customer's statements are on: its own switch, else (older data) its reminders switch. */
export function statementsOn(customer: Customer): boolean {
  return customer.statements ?? customer.reminders;
}
