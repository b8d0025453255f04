/**
 * A validator for the JSON Schema subset settings use (type, enum, pattern, minLength, minimum,
 * maximum, exclusiveMinimum, minItems, items, properties, required, additionalProperties).
 * Why not ajv at run time: loading and compiling it costs about half a second on every start of
 * duedesk, for a file of a few dozen keys. The tests check that ajv and this agree.
 */
import type { SchemaNode } from '../core/settings-schema.js';

/** One violation, like an ajv error: where, which keyword, the schema node that failed. */
export interface SchemaError {
  /** Object keys and list positions from the root to the value. */
  path: (string | number)[];
  keyword: 'type' | 'enum' | 'pattern' | 'minLength' | 'minimum' | 'maximum' | 'exclusiveMinimum' | 'minItems' | 'required' | 'additionalProperties';
  node: SchemaNode;
  /** The value that failed (for `required`/`additionalProperties`: the object holding the key). */
  value: unknown;
  /** The missing or unexpected key, for `required` and `additionalProperties`. */
  property?: string;
  /** The bound that was crossed, for minimum, maximum, exclusiveMinimum and minItems. */
  limit?: number;
}

const patterns = new Map<string, RegExp>();

function pattern(source: string): RegExp {
  let regexp = patterns.get(source);
  if (regexp === undefined) {
    regexp = new RegExp(source, 'u');
    patterns.set(source, regexp);
  }
  return regexp;
}

function isType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'null':
      return value === null;
    default:
      return false;
  }
}

/** Every way `value` breaks `node` (empty when it conforms). */
export function checkSchema(node: SchemaNode, value: unknown, path: (string | number)[] = []): SchemaError[] {
  const types = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
  if (types.length > 0 && !types.some((type) => isType(value, type))) return [{ path, keyword: 'type', node, value }];
  const errors: SchemaError[] = [];
  const fail = (keyword: SchemaError['keyword'], extra: Partial<SchemaError> = {}): void => {
    errors.push({ path, keyword, node, value, ...extra });
  };
  if (node.enum !== undefined && !node.enum.some((allowed) => allowed === value)) fail('enum');
  if (typeof value === 'string') {
    if (node.minLength !== undefined && [...value].length < node.minLength) fail('minLength', { limit: node.minLength });
    if (node.pattern !== undefined && !pattern(node.pattern).test(value)) fail('pattern');
  }
  if (typeof value === 'number') {
    if (node.minimum !== undefined && value < node.minimum) fail('minimum', { limit: node.minimum });
    if (node.maximum !== undefined && value > node.maximum) fail('maximum', { limit: node.maximum });
    if (node.exclusiveMinimum !== undefined && value <= node.exclusiveMinimum) {
      fail('exclusiveMinimum', { limit: node.exclusiveMinimum });
    }
  }
  if (Array.isArray(value)) {
    if (node.minItems !== undefined && value.length < node.minItems) fail('minItems', { limit: node.minItems });
    const items = node.items;
    if (items !== undefined) value.forEach((item, index) => errors.push(...checkSchema(items, item, [...path, index])));
  }
  if (isType(value, 'object')) {
    const object = value as Record<string, unknown>;
    for (const key of node.required ?? []) if (!Object.hasOwn(object, key)) fail('required', { property: key });
    for (const [key, child] of Object.entries(object)) {
      const childNode = node.properties !== undefined && Object.hasOwn(node.properties, key) ? node.properties[key] : undefined;
      if (childNode !== undefined) errors.push(...checkSchema(childNode, child, [...path, key]));
      else if (node.additionalProperties === false) fail('additionalProperties', { property: key });
    }
  }
  return errors;
}
