/** The keys of Settings. */
import type { ScopeKeys } from '../keys.js';

/** Settings' key scope. */
export const SETTINGS_KEYS: ScopeKeys = {
  scope: 'settings',
  title: 'Settings',
  bindings: [
    { command: 'edit', keys: ['Enter'], help: 'edit the field', short: 'edit', changes: true, action: 'updateSetting', special: ['return'] },
    { command: 'password', keys: ['P'], help: 'type the SMTP password (this session only)', short: 'password', changes: true, chars: ['P'] },
    { command: 'testMail', keys: ['m'], help: 'send a test e-mail', short: 'test e-mail', changes: true, chars: ['m'] },
    { command: 'importCsv', keys: ['I'], help: 'import a CSV file', short: 'import CSV', changes: true, action: 'importCsv', chars: ['I'] },
  ],
};
