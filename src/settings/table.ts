/**
 * The settings table (declared in core/settings-table.ts, where the engine reads its defaults)
 * turned into what the settings room, the TUI and the help need: the nested JSON schema of the
 * settings file, the keys the TUI's Settings screen edits, and the key list of `config --help`.
 * Nothing here is declared per key.
 */
import { object, type SchemaNode } from '../core/settings-schema.js';
import { SETTING_GROUPS, SETTINGS_TABLE, settingRow, TABLE_KEYS, type SettingGroup, type SettingKey } from '../core/settings-table.js';

export { SETTINGS_TABLE, TABLE_KEYS, settingRow, type SettingKey } from '../core/settings-table.js';

/** Top-level properties of the settings file, in the shape conf's `schema` option takes. */
export const settingsProperties: Record<string, SchemaNode> = nestedProperties();

/** The whole settings file as one schema. */
export const settingsSchema: SchemaNode = object(settingsProperties, 'the settings');

/** The keys the TUI's Settings screen edits, in display order. */
export const TUI_SETTING_KEYS: readonly SettingKey[] = TABLE_KEYS.filter((key) => settingRow(key)?.tui === true);

/** Every key with its help text and, for a choice, the words it takes: one line each, for `config --help`. */
export function settingKeysText(): string {
  return TABLE_KEYS.map((key) => {
    const schema: SchemaNode = SETTINGS_TABLE[key].schema;
    const values = schema.enum ? ` (${schema.enum.join(' | ')})` : '';
    return `  ${key.padEnd(32)} ${schema.description ?? ''}${values}`;
  }).join('\n');
}

/** The table's dotted rows as nested schema objects, each group with its description, in table order. */
function nestedProperties(): Record<string, SchemaNode> {
  const root: Record<string, SchemaNode> = {};
  for (const key of TABLE_KEYS) {
    const parts = key.split('.');
    const name = parts.pop() ?? key;
    let properties = root;
    parts.forEach((part, depth) => {
      if (!Object.hasOwn(properties, part)) {
        const group = parts.slice(0, depth + 1).join('.') as SettingGroup;
        properties[part] = object({}, SETTING_GROUPS[group]);
      }
      properties = properties[part]?.properties ?? {};
    });
    properties[name] = SETTINGS_TABLE[key].schema;
  }
  return root;
}
