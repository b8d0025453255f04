/**
 * The policy the rules engine applies: the settings' `policy.*` (and the mail keys that shape a
 * message) with the defaults of docs/reference/settings.md §3.5 filled in, plus the checks a
 * reminder ladder must pass.
 * Pure: no file, no clock.
 */
import type { Level, Policy, Profile } from './plan.js';
import type { Settings } from './settings.js';
import { settingDefault } from './settings-table.js';

/**
 * The default ladder (docs/reference/rules.md §2.1; the table's `policy.levels` default), for code
 * that builds ladders from it.
 */
export const DEFAULT_LEVELS: readonly Readonly<Level>[] = settingDefault('policy.levels');

/** Level ids and template names end up in file names, so they are kept to a safe alphabet. */
const SAFE_NAME = /^[a-z0-9_-]+$/;

/** The policy for these settings, every unset key replaced by its default (docs/reference/settings.md §3.5). */
export function resolvePolicy(settings: Settings): Policy {
  const policy = settings.policy ?? {};
  const levels = policy.levels ?? DEFAULT_LEVELS;
  const bcc = settings.mail?.bcc;
  const scope = policy.scope ?? settingDefault('policy.scope');
  const statementEveryDays = policy.statementEveryDays ?? null;
  const escalation = policy.escalation ?? settingDefault('policy.escalation');
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
    grouping: policy.grouping ?? settingDefault('policy.grouping'),
    minAmount: policy.minAmount ?? settingDefault('policy.minAmount'),
    defaultLanguage: policy.defaultLanguage ?? settingDefault('policy.defaultLanguage'),
    defaultCurrency: policy.defaultCurrency ?? settingDefault('policy.defaultCurrency'),
    statementEveryDays,
    statementKind: policy.statementKind ?? settingDefault('policy.statementKind'),
    interestRatePercent: policy.interestRatePercent ?? null,
    installments: {
      enabled: policy.installments?.enabled ?? settingDefault('policy.installments.enabled'),
      graceDays: policy.installments?.graceDays ?? settingDefault('policy.installments.graceDays'),
    },
    promiseGraceDays: policy.promiseGraceDays ?? settingDefault('policy.promiseGraceDays'),
    replyPauseDays: policy.replyPauseDays ?? settingDefault('policy.replyPauseDays'),
    recipients: settings.mail?.recipients ?? settingDefault('mail.recipients'),
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
