/**
 * Putting a customer on a dunning profile (docs/reference/rules.md §9.1): only a profile the
 * settings have is accepted.
 */
import { UserError } from '../core/exit-codes.js';
import { DEFAULT_PROFILE, type Policy } from '../core/plan.js';
import { profileNames } from '../core/rules/profiles.js';
import { setProfile } from '../storage/customers.js';
import type { Ledger } from '../storage/ledger.js';

/** Put customer `code` on `name` (`default` or empty: the default ladder). Throws UserError for an unknown profile or customer. */
export async function chooseProfile(ledger: Ledger, policy: Pick<Policy, 'profiles'>, code: string, name: string): Promise<void> {
  const wanted = name.trim();
  const known = profileNames(policy);
  if (wanted !== '' && !known.includes(wanted)) {
    throw new UserError(`unknown profile "${wanted}" (known: ${known.join(', ')}; profiles are set in policy.profiles)`);
  }
  await ledger.write((sql) => setProfile(sql, code, wanted === '' || wanted === DEFAULT_PROFILE ? null : wanted));
}
