/**
 * Mustache's own errors ("Unclosed section "items" at 27") turned into TemplateErrors that name
 * the file, the line and the tag at fault, as a person reading the template would look for it.
 */
import { TemplateError } from './template-error.js';
import type { TemplateSource } from './template-source.js';

/** 1-based line of a character position in `source`. */
function lineAt(source: string, position: number): number {
  return source.slice(0, position).split('\n').length;
}

/** Position of the last opening tag of section `name` at or before `before` (or -1). */
function lastOpening(source: string, name: string, before: number): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`\\{\\{\\s*[#^]\\s*${escaped}\\s*\\}\\}`, 'g');
  let found = -1;
  for (const match of source.matchAll(pattern)) if (match.index <= before) found = match.index;
  return found;
}

/** The TemplateError for an error Mustache threw while parsing or rendering `template`. */
export function templateFault(template: TemplateSource, error: unknown): TemplateError {
  if (error instanceof TemplateError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const { file, source } = template;
  const unclosedSection = /^Unclosed section "(.*)" at (\d+)$/.exec(message);
  if (unclosedSection) {
    const [, name = '', at = '0'] = unclosedSection;
    const opening = lastOpening(source, name, Number(at));
    const line = lineAt(source, opening >= 0 ? opening : Number(at));
    return new TemplateError(file, `{{#${name}}}`, `line ${line}: section never closed (no {{/${name}}} after it):`);
  }
  const unopened = /^Unopened section "(.*)" at (\d+)$/.exec(message);
  if (unopened) {
    const [, name = '', at = '0'] = unopened;
    return new TemplateError(file, `{{/${name}}}`, `line ${lineAt(source, Number(at))}: closes a section that was never opened:`);
  }
  const unclosedTag = /^Unclosed tag at (\d+)$/.exec(message);
  if (unclosedTag) {
    const opening = source.lastIndexOf('{{', Number(unclosedTag[1]));
    const tag = source.slice(Math.max(opening, 0)).split('\n')[0]?.slice(0, 40) ?? '';
    return new TemplateError(file, tag, `line ${lineAt(source, Math.max(opening, 0))}: tag never closed (no }}):`);
  }
  return new TemplateError(file, '', `cannot be used (${message})`);
}
