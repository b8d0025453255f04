/**
 * Control characters in settings text, refused the way an import refuses them in its cells: in
 * every string of the settings (names, addresses, paths, commands, level names and ids), because a
 * CR/LF in `company.name` splits e-mail headers and PDF lines and a TAB or escape breaks terminal
 * tables. The exception is a key the settings table marks multiline (`company.address`), whose
 * lines are separated by line feeds: each of its lines is checked on its own.
 */
import { fieldProblem, type FieldRule } from '../core/csv/field-rules.js';
import type { SettingsProblem } from './settings-problem.js';
import { settingRow, TABLE_KEYS } from './table.js';

/** One line of settings text; 4096 characters is the longest path a Linux system takes. */
const LINE: FieldRule = { maxLength: 4096, multiline: false, text: true };

/** Keys whose value may hold line feeds between lines. */
const MULTILINE_KEYS = new Set<string>(TABLE_KEYS.filter((key) => settingRow(key)?.multiline === true));

/** A problem for every string in `value` (a whole settings object) that holds a control character. */
export function textProblems(value: unknown, key = ''): SettingsProblem[] {
  if (typeof value === 'string') return stringProblems(key, value);
  if (Array.isArray(value)) return value.flatMap((entry, index) => textProblems(entry, `${key}[${index}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([name, entry]) => textProblems(entry, key === '' ? name : `${key}.${name}`));
}

function stringProblems(key: string, text: string): SettingsProblem[] {
  const multiline = MULTILINE_KEYS.has(key);
  for (const line of multiline ? text.split('\n') : [text]) {
    const problem = fieldProblem(line, LINE);
    if (problem === null) continue;
    const rule = multiline ? 'its lines are separated by \\n, and hold no other control character' : 'settings text is one line without control characters (CR, LF, TAB…)';
    return [{ key, message: `${problem}; ${rule}` }];
  }
  return [];
}
