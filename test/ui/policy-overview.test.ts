/** The Settings screen's policy lines name the dunning profiles and the caps of repeating levels. */
import { expect, it } from 'vitest';
import { resolvePolicy } from '../../src/core/policy.js';
import { policyOverview } from '../../src/actions/policy-overview.js';

it('lists each profile with its levels, the promise grace and a capped level', () => {
  const policy = resolvePolicy({
    policy: {
      promiseGraceDays: 3,
      levels: [{ id: 'final', name: 'Final', days: 45, template: 'final', repeatEveryDays: 30, maxRepeats: 2 }],
      profiles: { gentle: { levels: [{ id: 'friendly', name: 'Friendly', days: 14, template: 'first' }] } },
    },
  });
  const overview = policyOverview(policy, true);
  expect(overview.lines).toContain('profiles gentle (friendly 14) · promise grace 3 days');
  expect(overview.levels[0]?.repeat).toBe('every 30 d, 2× then handover');
  expect(policyOverview(resolvePolicy({}), true).lines).toContain('profiles default only · promise grace 0 days');
});
