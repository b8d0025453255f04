/**
 * Template checking at load time: every tag must name a variable of the view (viewSchema), no tag
 * may reach into JavaScript prototypes, partials may not include themselves, and HTML templates
 * may not switch escaping off. Errors name the file and the tag, so `Dear ,` never goes out.
 */
import Mustache from 'mustache';
import { templateFault } from './mustache-errors.js';
import { TemplateError } from './template-error.js';
import type { SchemaNode } from './view-model.js';
import { viewSchema } from './view-model.js';
import type { TemplateSource } from './template-source.js';

/** What a template is checked for. */
export interface ValidateOptions {
  /** Partials by name. */
  partials: ReadonlyMap<string, TemplateSource>;
  /** HTML output: unescaped tags (`{{{x}}}`, `{{&x}}`) are refused. */
  html: boolean;
}

/** Names that would reach Object.prototype or Function internals through a view lookup. */
const prototypeNames = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  // Function internals, but not `name`/`length`, which are ordinary view fields.
  ...['prototype', '__proto__', 'apply', 'bind', 'call', 'caller', 'callee', 'arguments'],
]);

/** Partial names are plain words: they become file names. */
export const partialNamePattern = /^[a-z0-9][a-z0-9_-]*$/i;

type Fields = Record<string, SchemaNode>;
type Token = [string, string, number, number, ...unknown[]];

/** Check one template; throws TemplateError at the first fault. */
export function validateTemplate(template: TemplateSource, options: ValidateOptions): void {
  walk(template, parse(template), [viewSchema], [], options);
}

function parse(template: TemplateSource): Token[] {
  try {
    return Mustache.parse(template.source) as unknown as Token[];
  } catch (error) {
    throw templateFault(template, error);
  }
}

function walk(template: TemplateSource, tokens: Token[], stack: Fields[], including: string[], options: ValidateOptions): void {
  for (const token of tokens) {
    const [type, name] = token;
    switch (type) {
      case 'text':
      case '!':
      case '=':
        break;
      case 'name':
        resolve(template, name, `{{${name}}}`, stack, true);
        break;
      case '&':
        if (options.html) {
          throw new TemplateError(template.file, `{{{${name}}}}`, 'HTML templates must escape every value; refused');
        }
        resolve(template, name, `{{{${name}}}}`, stack, true);
        break;
      case '#':
      case '^': {
        const node = resolve(template, name, `{{${type}${name}}}`, stack, false);
        const inner = type === '#' && node !== 'value' ? ('list' in node ? node.list : node.fields) : null;
        walk(template, (token[4] as Token[]) ?? [], inner ? [...stack, inner] : stack, including, options);
        break;
      }
      case '>':
        includePartial(template, name, stack, including, options);
        break;
      default:
        throw new TemplateError(template.file, `{{${type}${name}}}`, 'unsupported tag');
    }
  }
}

function includePartial(template: TemplateSource, name: string, stack: Fields[], including: string[], options: ValidateOptions): void {
  const tag = `{{> ${name}}}`;
  if (!partialNamePattern.test(name)) throw new TemplateError(template.file, tag, 'partial names are letters, digits, - and _:');
  if (including.includes(name)) {
    throw new TemplateError(template.file, tag, `partial includes itself (${[...including, name].join(' → ')}):`);
  }
  const partial = options.partials.get(name);
  if (!partial) throw new TemplateError(template.file, tag, 'unknown partial');
  walk(partial, parse(partial), stack, [...including, name], options);
}

/**
 * Resolve a dotted name like Mustache does (first context from the innermost outwards that has
 * the first segment, then down the rest). `.` is the current section value.
 */
function resolve(template: TemplateSource, name: string, tag: string, stack: Fields[], leaf: boolean): SchemaNode {
  if (name === '.') {
    if (stack.length > 1 || !leaf) return 'value';
    throw new TemplateError(template.file, tag, 'the current value {{.}} is only known inside a section:');
  }
  const segments = name.split('.');
  for (const segment of segments) {
    if (prototypeNames.has(segment)) throw new TemplateError(template.file, tag, 'refers to a built-in property, refused:');
  }
  const [first = '', ...rest] = segments;
  let fields = [...stack].reverse().find((frame) => Object.hasOwn(frame, first));
  let node: SchemaNode | undefined = fields?.[first];
  for (const segment of rest) {
    if (node === undefined || node === 'value' || 'list' in node) {
      node = undefined;
      break;
    }
    fields = node.fields;
    node = Object.hasOwn(fields, segment) ? fields[segment] : undefined;
  }
  if (node === undefined) throw new TemplateError(template.file, tag, 'unknown variable');
  if (leaf && node !== 'value') throw new TemplateError(template.file, tag, 'is a group, not a value (use a section):');
  return node;
}
