/** The settings schema as a flat list of dotted keys (levels and profiles included), for tests that go through every key. */
import { levelSchema, profileSchema, type SchemaNode } from '../../src/core/settings-schema.js';
import { settingsProperties } from '../../src/settings/table.js';

/** A schema leaf under its dotted key; a ladder's entry as `[0]`, a profile as `policy.profiles.p`. */
export interface Leaf {
  key: string;
  node: SchemaNode;
}

function leaves(properties: Record<string, SchemaNode>, prefix: string): Leaf[] {
  return Object.entries(properties).flatMap(([name, node]): Leaf[] => {
    const key = `${prefix}${name}`;
    if (key === 'policy.profiles') return leaves(profileSchema.properties ?? {}, 'policy.profiles.p.');
    if (node.items === levelSchema) return leaves(levelSchema.properties ?? {}, `${key}[0].`);
    if (node.properties !== undefined) return leaves(node.properties, `${key}.`);
    return [{ key, node }];
  });
}

/** Every leaf of the settings schema. */
export const ALL_LEAVES: readonly Leaf[] = leaves(settingsProperties, '');

const types = (node: SchemaNode): string[] => (Array.isArray(node.type) ? node.type : [node.type ?? '']);

/** Leaves holding a number. */
export const NUMERIC_LEAVES = ALL_LEAVES.filter(({ node }) => types(node).some((type) => type === 'integer' || type === 'number'));

/** Leaves holding text that is not one word of a list. */
export const TEXT_LEAVES = ALL_LEAVES.filter(({ node }) => types(node).includes('string') && node.enum === undefined);

/** The one level of a ladder built by settingsWith: it repeats, so `maxRepeats` is allowed on it. */
export const LEVEL = { id: 'first', name: 'First', days: 7, template: 'first', repeatEveryDays: 30 };

/** A settings object with the dotted `key` (as a Leaf names it) set to `value`. */
export function settingsWith(key: string, value: unknown): Record<string, unknown> {
  const parts = key.split('.');
  const root: Record<string, unknown> = {};
  let holder = root;
  for (const [index, part] of parts.entries()) {
    const list = /^(\w+)\[0\]$/.exec(part);
    if (list !== null) {
      const level: Record<string, unknown> = { ...LEVEL };
      holder[list[1]!] = [level];
      holder = level;
    } else if (index === parts.length - 1) holder[part] = value;
    else holder = (holder[part] = {}) as Record<string, unknown>;
  }
  return root;
}
