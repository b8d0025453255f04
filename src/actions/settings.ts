/** The settings as the desk shows and edits them, the policy overview, and the session's typed password. */
import { resolvePolicy } from '../core/policy.js';
import { parseSettingValue, settingsWith, settingsWithout } from '../settings/change.js';
import { getPath, type JsonObject } from '../settings/keys.js';
import { TUI_SETTING_KEYS } from '../settings/table.js';
import { defineAction } from './action.js';
import { settingsOf, type ActionDeps } from './deps.js';
import type { PolicyOverview, SettingsValues } from './desk-views.js';
import { policyOverview as overviewOf } from './policy-overview.js';

/** The settings the desk edits (the table's TUI rows) as dotted keys → text values. */
export const readSettings = defineAction({
  name: 'read settings',
  changes: false,
  run: (deps: ActionDeps, _input: void): SettingsValues => {
    const values: SettingsValues = {};
    const stored = settingsOf(deps) as JsonObject;
    for (const key of TUI_SETTING_KEYS) {
      const value = getPath(stored, key);
      values[key] = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    }
    return values;
  },
});

/** Change one setting (validated; empty text removes it); rejects with a clear message on a bad value. */
export const updateSetting = defineAction({
  name: 'update setting',
  changes: true,
  refused: 'changing settings',
  needs: 'admin',
  // Shared settings are recorded where the ledger stores them, key by key (storage/ledger-settings.ts);
  // a file ledger's settings are its user's own file (docs/reference/roles.md §4).
  audit: false,
  run: async (deps: ActionDeps, { key, value }: { key: string; value: string }): Promise<void> => {
    const source = deps.context.settings;
    const write = source.write?.bind(source);
    if (!write) throw new Error('settings cannot be changed in this session');
    const current = settingsOf(deps);
    await write(value.trim() === '' ? settingsWithout(current, key) : settingsWith(current, key, parseSettingValue(key, value.trim())));
    deps.session.renderer = null;
  },
});

/** The policy as readable lines. */
export const policyOverview = defineAction({
  name: 'policy overview',
  changes: false,
  run: (deps: ActionDeps, _input: void): PolicyOverview => {
    const settings = settingsOf(deps);
    return overviewOf(resolvePolicy(settings), settings.schedule?.autoSend !== false, settings.schedule?.approval === true);
  },
});

/** The SMTP password for this session only (never written anywhere); empty forgets it. */
export const setSessionPassword = defineAction({
  name: 'set session password',
  changes: true,
  refused: 'typing a password',
  immediate: true,
  run: (deps: ActionDeps, password: string): void => {
    deps.session.password = password === '' ? null : password;
  },
});

/** Whether a session password has been typed. */
export const hasSessionPassword = defineAction({ name: 'has session password', changes: false, run: (deps: ActionDeps, _input: void): boolean => deps.session.password !== null });
