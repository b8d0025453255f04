/**
 * The policy the rules engine applies: the settings' `policy.*` (and the mail keys that shape a
 * message) with the SPEC §3 defaults filled in, plus the checks a reminder ladder must pass.
 * Pure: no file, no clock.
 */
import type { Level, Policy, Profile } from './plan.js';
import type { Settings } from './settings.js';

/** The default ladder of SPEC §3: upcoming −7, first 7, second 21, final 45 repeating every 30. */
export const DEFAULT_LEVELS: readonly Readonly<Level>[] = Object.freeze([
  Object.freeze({ id: 'upcoming', name: 'Upcoming payment', days: -7, template: 'upcoming' }),
  Object.freeze({ id: 'first', name: 'First reminder', days: 7, template: 'first' }),
  Object.freeze({ id: 'second', name: 'Second reminder', days: 21, template: 'second' }),
  Object.freeze({ id: 'final', name: 'Final notice', days: 45, template: 'final', repeatEveryDays: 30 }),
]);

/** Default language and currency when the settings name none. */
export const DEFAULT_LANGUAGE = 'en';
/** Default currency for customers and items that name none. */
export const DEFAULT_CURRENCY = 'EUR';

/** Level ids and template names end up in file names, so they are kept to a safe alphabet. */
const SAFE_NAME = /^[a-z0-9_-]+$/;

/** The policy for these settings, every unset key replaced by its SPEC §3 default. */
export function resolvePolicy(settings: Settings): Policy {
  const policy = settings.policy ?? {};
  const levels = policy.levels ?? DEFAULT_LEVELS;
  const bcc = settings.mail?.bcc;
  const scope = policy.scope ?? 'overdue';
  const statementEveryDays = policy.statementEveryDays ?? null;
  const escalation = policy.escalation ?? 'days';
  const profiles: Record<string, Profile> = {};
  for (const [name, profile] of Object.entries(policy.profiles ?? {})) {
    profiles[name] = {
      levels: (profile.levels ?? levels).map((level) => ({ ...level })),
      scope: profile.scope ?? scope,
      statementEveryDays: profile.statementEveryDays ?? statementEveryDays,
      escalation: profile.escalation ?? escalation,
    };
  }
  return {
    // Copies, so a caller that edits its policy never edits the settings or the defaults.
    levels: levels.map((level) => ({ ...level })),
    profiles,
    scope,
    escalation,
    grouping: policy.grouping ?? 'customer',
    minAmount: policy.minAmount ?? 0,
    defaultLanguage: policy.defaultLanguage ?? DEFAULT_LANGUAGE,
    defaultCurrency: policy.defaultCurrency ?? DEFAULT_CURRENCY,
    statementEveryDays,
    statementKind: policy.statementKind ?? 'open-items',
    interestRatePercent: policy.interestRatePercent ?? null,
    installments: {
      enabled: policy.installments?.enabled ?? true,
      graceDays: policy.installments?.graceDays ?? 0,
    },
    promiseGraceDays: policy.promiseGraceDays ?? 0,
    recipients: settings.mail?.recipients ?? 'primary',
    bcc: bcc === undefined ? [] : typeof bcc === 'string' ? [bcc] : [...bcc],
  };
}

/**
 * Problems of a reminder ladder, one readable message each (empty when the ladder is usable):
 * ids unique, days strictly increasing, only the last level repeating, repeatEveryDays ≥ 1,
 * ids and template names from [a-z0-9_-].
 */
export function validateLevels(levels: readonly Level[]): string[] {
  const problems: string[] = [];
  if (levels.length === 0) problems.push('the ladder needs at least one level');
  const seen = new Set<string>();
  levels.forEach((level, index) => {
    const where = `level ${index + 1} ("${level.id}")`;
    if (!SAFE_NAME.test(level.id)) {
      problems.push(`${where}: id must use only a-z, 0-9, "-" and "_"`);
    }
    if (seen.has(level.id)) problems.push(`${where}: id "${level.id}" is used twice; level ids must be unique`);
    seen.add(level.id);
    if (!SAFE_NAME.test(level.template)) {
      problems.push(`${where}: template "${level.template}" must use only a-z, 0-9, "-" and "_"`);
    }
    const previous = levels[index - 1];
    if (previous !== undefined && !(level.days > previous.days)) {
      problems.push(
        `${where}: days must be greater than the previous level's (${level.days} after ${previous.days}); days must strictly increase`,
      );
    }
    if (level.maxRepeats !== undefined) {
      if (level.repeatEveryDays === undefined) {
        problems.push(`${where}: maxRepeats needs repeatEveryDays (only a repeating level can cap its repeats)`);
      }
      if (!Number.isInteger(level.maxRepeats) || level.maxRepeats < 0) {
        problems.push(`${where}: maxRepeats must be a whole number, at least 0 (got ${level.maxRepeats})`);
      }
    }
    if (level.repeatEveryDays !== undefined) {
      if (index !== levels.length - 1) {
        problems.push(`${where}: only the last level may have repeatEveryDays`);
      }
      if (!Number.isInteger(level.repeatEveryDays) || level.repeatEveryDays < 1) {
        problems.push(`${where}: repeatEveryDays must be a whole number of days, at least 1 (got ${level.repeatEveryDays})`);
      }
    }
  });
  return problems;
}
