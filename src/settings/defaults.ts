/**
 * The values duedesk uses for settings that are not set, as one settings-shaped object, so that
 * `config get` can show the value in effect. They are the settings table's defaults, the same
 * ones the engine reads (resolvePolicy, the as-of limit).
 */
import type { Settings } from '../core/settings.js';
import { getPath, withPath, type JsonObject } from './keys.js';
import { settingRow, TABLE_KEYS } from './table.js';

/** Settings with every key that has a default set to it. */
export function defaultSettings(): Settings {
  let defaults: JsonObject = {};
  for (const key of TABLE_KEYS) {
    const row = settingRow(key);
    if (row?.default !== undefined) defaults = withPath(defaults, key, row.default);
  }
  return defaults as Settings;
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
