/**
 * Changing one setting by its dotted key, as `duedesk config set|unset` and the TUI settings
 * screen do: the key must exist, the value is parsed the way a user types it, and the whole
 * resulting settings object must validate before anyone writes it.
 */
import { UserError } from '../core/exit-codes.js';
import type { Settings } from '../core/settings.js';
import { closeKeys, getPath, schemaAt, withoutPath, withPath, type JsonObject } from './keys.js';
import { formatProblems, isPasswordKey, passwordHint, validateSettings } from './validate.js';

/** Throws a UserError unless `key` names a setting (passwords get their own explanation). */
export function assertKnownKey(key: string): void {
  if (schemaAt(key) !== undefined) return;
  if (isPasswordKey(key)) throw new UserError(`${key}: ${passwordHint(key)}`);
  const close = closeKeys(key);
  const hint = close.length > 0 ? `; did you mean ${close.join(', ')}?` : '';
  throw new UserError(`unknown setting "${key}"${hint} (every key: duedesk config --help)`);
}

/**
 * The value of `raw` as typed on a command line: JSON when it parses, else the text itself. A
 * key that holds only text keeps the text as typed, so `company.vatId 01234567` stays a string.
 */
export function parseSettingValue(key: string, raw: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return raw;
  }
  return schemaAt(key)?.type === 'string' && typeof parsed !== 'string' ? raw : parsed;
}

/** `stored` with `key` set to `value`; throws a UserError naming the problems when invalid. */
export function settingsWith(stored: Settings, key: string, value: unknown): Settings {
  assertKnownKey(key);
  return checked(withPath(stored as JsonObject, key, value) as Settings);
}

/** `stored` without `key`; throws a UserError when what remains is invalid. */
export function settingsWithout(stored: Settings, key: string): Settings {
  assertKnownKey(key);
  return checked(withoutPath(stored as JsonObject, key) as Settings);
}

/** True when `key` is set in `stored` (not counting defaults). */
export function isSet(stored: Settings, key: string): boolean {
  return getPath(stored as JsonObject, key) !== undefined;
}

function checked(next: Settings): Settings {
  const problems = formatProblems(validateSettings(next));
  if (problems.length > 0) throw new UserError(`${problems.join('; ')} (nothing was written)`);
  return next;
}
