/** `policy.profiles` and `maxRepeats` in the settings, checked before anything is written. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblems, validateSettings } from '../../src/settings/validate.js';
import { sandbox } from '../cli/io.js';

const problemsOf = (settings: unknown): string[] => formatProblems(validateSettings(settings));
const nudge = [{ id: 'nudge', name: 'Nudge', days: 30, template: 'first' }];

describe('policy.profiles', () => {
  it('accepts named profiles with their own ladder, interval, scope and escalation', () => {
    expect(problemsOf({ policy: { profiles: { gentle: { levels: nudge, statementEveryDays: 7, scope: 'all-open', escalation: 'stepwise' }, weekly: {} } } })).toEqual([]);
  });

  it.each([
    [{ default: {} }, 'policy.profiles.default: the profile "default" is policy.levels itself; set policy.levels instead'],
    [{ 'Big Clients': {} }, 'policy.profiles.Big Clients: "Big Clients" is not a profile name (1 to 32 of a-z, 0-9, "-" and "_")'],
    [{ gentle: { ladder: nudge } }, 'policy.profiles.gentle.ladder: is not a setting duedesk knows (see duedesk config --help)'],
    [{ gentle: { scope: 'some' } }, 'policy.profiles.gentle.scope: must be one of "overdue", "all-open" (got "some")'],
    [{ gentle: { escalation: 'slow' } }, 'policy.profiles.gentle.escalation: must be one of "days", "stepwise" (got "slow")'],
    [{ gentle: { statementEveryDays: 0 } }, 'policy.profiles.gentle.statementEveryDays: must be at least 1 (got 0); allowed: 1 to 3650'],
    [{ gentle: { levels: [{ id: 'a', name: 'A', days: 5, template: 'first' }, { id: 'b', name: 'B', days: 3, template: 'first' }] } },
      `policy.profiles.gentle.levels: level 2 ("b"): days must be greater than the previous level's (3 after 5); days must strictly increase`],
    [{ gentle: { levels: [{ id: 'a', name: 'A', days: 5, template: 'first', fee: { EUR: -1 } }] } }, 'policy.profiles.gentle.levels[0].fee.EUR: must be at least 0 (got -1); allowed: 0 to 100000000000'],
    [{ gentle: 'soft' }, 'policy.profiles.gentle: must be a JSON object (got "soft")'],
  ])('refuses %j', (profiles, problem) => {
    expect(problemsOf({ policy: { profiles } })).toEqual([problem]);
  });
});

describe('maxRepeats', () => {
  it('caps a repeating level', () => {
    const levels = [{ id: 'final', name: 'Final', days: 45, template: 'final', repeatEveryDays: 30, maxRepeats: 2 }];
    expect(problemsOf({ policy: { levels } })).toEqual([]);
  });

  it('is refused on a level that does not repeat', () => {
    const levels = [{ id: 'final', name: 'Final', days: 45, template: 'final', maxRepeats: 2 }];
    expect(problemsOf({ policy: { levels } })).toEqual([
      'policy.levels: level 1 ("final"): maxRepeats needs repeatEveryDays (only a repeating level can cap its repeats)',
    ]);
  });
});

describe('duedesk config and profiles', () => {
  it('sets a profile map as one JSON value, lists it, and refuses a bad one without writing', async () => {
    const box = sandbox();
    const value = JSON.stringify({ gentle: { levels: nudge } });
    let result = await box.run(['config', 'set', 'policy.profiles', value]);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(join(box.configDir, 'config.json'), 'utf8'))).toEqual({ policy: { profiles: { gentle: { levels: nudge } } } });
    result = await box.run(['config', 'set', 'policy.profiles', '{"default":{}}']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('policy.profiles.default: the profile "default" is policy.levels itself');
    expect(JSON.parse(readFileSync(join(box.configDir, 'config.json'), 'utf8')).policy.profiles).toEqual({ gentle: { levels: nudge } });
    result = await box.run(['config', 'list']);
    expect(result.stdout).toContain(`policy.profiles=${value}`);
  });

  it('config --help names the profiles key', async () => {
    const result = await sandbox().run(['config', '--help']);
    expect(result.stdout).toMatch(/policy\.profiles +dunning profiles by name/);
  });
});
