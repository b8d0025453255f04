/**
 * The values duedesk uses for settings that are not set, as one settings-shaped object, so that
 * `config get` can show the value in effect. Policy defaults come from resolvePolicy: one source.
 */
import { resolvePolicy } from '../core/policy.js';
import type { Settings } from '../core/settings.js';
import { DEFAULT_MAX_AS_OF_DAYS } from '../core/send-as-of.js';
import { getPath, type JsonObject } from './keys.js';

/** Settings with every key that has a default set to it. */
export function defaultSettings(): Settings {
  const policy = resolvePolicy({});
  return {
    mail: { transport: 'outbox', recipients: policy.recipients },
    policy: {
      scope: policy.scope,
      escalation: policy.escalation,
      grouping: policy.grouping,
      minAmount: policy.minAmount,
      defaultLanguage: policy.defaultLanguage,
      defaultCurrency: policy.defaultCurrency,
      statementKind: policy.statementKind,
      levels: policy.levels,
      installments: { ...policy.installments },
    },
    schedule: { autoSend: true, maxAsOfDays: DEFAULT_MAX_AS_OF_DAYS },
  };
}

/** `stored` with the defaults under it: objects merge key by key, lists and values replace. */
export function effectiveSettings(stored: Settings): Settings {
  return merge(defaultSettings() as JsonObject, stored as JsonObject) as Settings;
}

/** The value in effect for a dotted key (stored, else default), or undefined when neither exists. */
export function effectiveValue(stored: Settings, key: string): unknown {
  return getPath(effectiveSettings(stored) as JsonObject, key);
}

function merge(base: JsonObject, over: JsonObject): JsonObject {
  const result: JsonObject = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = result[key];
    result[key] = isPlainObject(under) && isPlainObject(value) ? merge(under, value) : value;
  }
  return result;
}

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
