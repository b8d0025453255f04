/**
 * Dotted setting keys (`smtp.host`, `policy.installments.graceDays`): which exist, what schema
 * each has, and reading or changing one inside a plain settings object without touching the rest.
 */
import { editDistance } from '../core/close-match.js';
import type { SchemaNode } from '../core/settings-schema.js';
import { settingsProperties } from './table.js';

/** Every key a user may name: objects (`smtp`) and their leaves (`smtp.host`), in schema order. */
export const SETTING_KEYS: readonly string[] = collectKeys(settingsProperties, '');

function collectKeys(properties: Record<string, SchemaNode>, prefix: string): string[] {
  const keys: string[] = [];
  for (const [name, node] of Object.entries(properties)) {
    const key = prefix + name;
    keys.push(key);
    if (node.type === 'object' && node.properties) keys.push(...collectKeys(node.properties, `${key}.`));
  }
  return keys;
}

/** The schema of one dotted key, or undefined when no such setting exists. */
export function schemaAt(key: string): SchemaNode | undefined {
  let properties: Record<string, SchemaNode> | undefined = settingsProperties;
  let node: SchemaNode | undefined;
  for (const part of key.split('.')) {
    if (properties === undefined || !Object.hasOwn(properties, part)) return undefined;
    node = properties[part];
    properties = node?.properties;
  }
  return node;
}

/**
 * True for leaf keys (values rather than groups of keys); `policy.levels` is a leaf, and so is a
 * map such as `policy.profiles` (an object whose keys the user names), set as one JSON value.
 */
export function isLeafKey(key: string): boolean {
  const node = schemaAt(key);
  return node?.type !== 'object' || node.properties === undefined;
}

/** Known keys that look like `key` (typo distance ≤ 2, or sharing its last part), best first. */
export function closeKeys(key: string, limit = 5): string[] {
  const wanted = key.toLowerCase();
  const last = wanted.split('.').pop() ?? wanted;
  const scored = SETTING_KEYS.map((candidate) => {
    const lower = candidate.toLowerCase();
    const candidateLast = lower.split('.').pop() ?? lower;
    const distance = Math.min(editDistance(wanted, lower), editDistance(last, candidateLast) + 1);
    const related = lower.includes(wanted) || (last.length >= 3 && candidateLast.includes(last));
    return { candidate, score: related ? Math.min(distance, 2) : distance };
  });
  return scored
    .filter(({ score }) => score <= 3)
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** A plain JSON object. */
export type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted key, or undefined when it (or a parent) is not set. */
export function getPath(root: JsonObject, key: string): unknown {
  let value: unknown = root;
  for (const part of key.split('.')) {
    if (!isObject(value) || !Object.hasOwn(value, part)) return undefined;
    value = value[part];
  }
  return value;
}

/** A deep copy of `root` with `key` set to `value` (parents created as needed). */
export function withPath(root: JsonObject, key: string, value: unknown): JsonObject {
  const copy = structuredClone(root);
  const parts = key.split('.');
  const last = parts.pop() ?? key;
  let target = copy;
  for (const part of parts) {
    const next = target[part];
    if (!isObject(next)) target[part] = {};
    target = target[part] as JsonObject;
  }
  target[last] = value;
  return copy;
}

/** A deep copy of `root` without `key`; parents left empty by the removal are removed too. */
export function withoutPath(root: JsonObject, key: string): JsonObject {
  const copy = structuredClone(root);
  const parts = key.split('.');
  const chain: JsonObject[] = [copy];
  for (const part of parts.slice(0, -1)) {
    const next = chain[chain.length - 1]?.[part];
    if (!isObject(next)) return copy;
    chain.push(next);
  }
  for (let depth = parts.length - 1; depth >= 0; depth -= 1) {
    const holder = chain[depth];
    const part = parts[depth];
    if (holder === undefined || part === undefined) break;
    const child = holder[part];
    if (depth === parts.length - 1 || (isObject(child) && Object.keys(child).length === 0)) delete holder[part];
    else break;
  }
  return copy;
}

/** Every leaf value set in `root` as [dotted key, value] pairs, in the order of SETTING_KEYS. */
export function leafEntries(root: JsonObject): [string, unknown][] {
  const entries: [string, unknown][] = [];
  for (const key of SETTING_KEYS) {
    if (!isLeafKey(key)) continue;
    const value = getPath(root, key);
    if (value !== undefined) entries.push([key, value]);
  }
  return entries;
}
