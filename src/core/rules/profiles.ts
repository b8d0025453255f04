/**
 * Dunning profiles (docs/reference/rules.md §9.1): each customer is reminded by the ladder,
 * statement interval and scope of its profile. `default` is the top-level policy; the others come
 * from `policy.profiles`.
 */
import type { Customer } from '../domain.js';
import { DEFAULT_PROFILE, type PlanProblem, type Policy, type Profile } from '../plan.js';
import { makeLadder, type Ladder } from './ladder.js';
import type { CandidateDialect, Rule } from './rule.js';

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

/**
 * The problem of a customer naming a profile the settings lack (`known`: the profiles by name), or
 * null: such a customer gets nothing, never a ladder nobody chose for it, until the profile is fixed.
 */
function unknownProfile(customer: Customer, known: ReadonlyMap<string, unknown>, policy: Policy): PlanProblem | null {
  const name = profileName(customer);
  if (known.has(name)) return null;
  const message = `profile "${name}" is not in policy.profiles (known: ${profileNames(policy).join(', ')}); nothing is planned for this customer`;
  return { customer: customer.code, field: 'profile', message };
}

/**
 * Customers naming a profile the settings lack, whatever their items: found only through a pending
 * item, the problem would be reported on some days and not others.
 */
function profileCandidates<P>(dialect: CandidateDialect<P>, policy: Policy): P[] {
  return [dialect.profileNotIn(profileNames(policy))];
}

/** Profiles: the unknown-profile problem decided per customer, searched for by profile name. */
export const profileRule: Rule<typeof unknownProfile> = { id: 'profiles', decide: unknownProfile, candidates: profileCandidates };
