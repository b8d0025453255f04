/**
 * Checks of `policy.profiles` that the schema subset cannot express (it has no maps): each name
 * is usable in a customers file and is not `default` (that profile is `policy.levels`), each value
 * has the profile shape, and each profile's own ladder passes the checks `policy.levels` passes.
 */
import { validateLevels } from '../core/policy.js';
import { DEFAULT_PROFILE, type Level } from '../core/plan.js';
import { checkSchema, type SchemaError } from './check-schema.js';
import { levelFeeProblems } from './level-fees.js';
import { profileSchema } from '../core/settings-schema.js';
import type { SettingsProblem } from './settings-problem.js';

/** Profile names end up in CSV cells and on screen: the same safe alphabet as level ids. */
const PROFILE_NAME = /^[a-z0-9_-]{1,32}$/;

/** Schema violations inside each profile, with paths from the settings root. */
export function profileSchemaErrors(profiles: unknown): SchemaError[] {
  if (typeof profiles !== 'object' || profiles === null || Array.isArray(profiles)) return [];
  return Object.entries(profiles).flatMap(([name, profile]) => checkSchema(profileSchema, profile, ['policy', 'profiles', name]));
}

/** Problems of the names and ladders of schema-valid profiles; `defaultCurrency` prices number fees. */
export function profileProblems(profiles: Record<string, { levels?: Level[] }>, defaultCurrency: string): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  for (const [name, profile] of Object.entries(profiles)) {
    const key = `policy.profiles.${name}`;
    if (name === DEFAULT_PROFILE) {
      problems.push({ key, message: 'the profile "default" is policy.levels itself; set policy.levels instead' });
    } else if (!PROFILE_NAME.test(name)) {
      problems.push({ key, message: `"${name}" is not a profile name (1 to 32 of a-z, 0-9, "-" and "_")` });
    }
    if (profile.levels === undefined) continue;
    for (const message of validateLevels(profile.levels)) problems.push({ key: `${key}.levels`, message });
    problems.push(...levelFeeProblems(profile.levels, defaultCurrency, `${key}.levels`));
  }
  return problems;
}
