/**
 * The settings table (declared in core/settings-table.ts, where the engine reads its defaults)
 * turned into what the settings room and the TUI need: the nested JSON schema of the settings
 * file, and the keys the TUI's Settings screen edits. Nothing here is declared per key.
 */
import { object, type SchemaNode } from '../core/settings-schema.js';
import { SETTING_GROUPS, SETTINGS_TABLE, TABLE_KEYS, type SettingGroup, type SettingKey } from '../core/settings-table.js';

export { SETTINGS_TABLE, TABLE_KEYS, settingRow, type SettingKey } from '../core/settings-table.js';

/** Top-level properties of the settings file, in the shape conf's `schema` option takes. */
export const settingsProperties: Record<string, SchemaNode> = nestedProperties();

/** The whole settings file as one schema. */
export const settingsSchema: SchemaNode = object(settingsProperties, 'the settings');

/** The keys the TUI's Settings screen edits, in display order. */
export const TUI_SETTING_KEYS: readonly SettingKey[] = TABLE_KEYS.filter((key) => 'tui' in SETTINGS_TABLE[key]);

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
