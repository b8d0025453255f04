/**
 * Loading the Mustache templates and PDF labels from disk: the shipped `templates/` folder, with a
 * user's `templatesDir` overriding single files (`<templatesDir>/<lang>/<file>`). Everything is
 * read and checked once, when loaded, so a broken template stops a run before anything is sent.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGUAGES } from '../core/domain.js';
import { UserError } from '../core/exit-codes.js';
import { TemplateError } from '../core/templates/template-error.js';
import type { TemplateSource } from '../core/templates/template-source.js';
import { partialNamePattern, validateTemplate } from '../core/templates/validate.js';
import { mergeLabels, parseLabels, type Labels, type PartialLabels } from '../core/templates/labels.js';
import type { MessageTemplate } from '../core/templates/render.js';
import type { Settings } from '../core/settings.js';

/** The shipped templates folder (same relative place from src/ and from the built dist/). */
export const SHIPPED_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Every template and label file for every language, checked. */
export interface TemplateSet {
  /** Languages with templates (shipped and the user's own). */
  readonly languages: readonly string[];
  /** Template `name` for `language` (unknown language → en); throws a UserError if there is none. */
  template(language: string, name: string): MessageTemplate;
  /** PDF labels for `language` (unknown language → en). */
  labels(language: string): Labels;
}

/** Where templates come from. */
export interface TemplateSources {
  /** The user's folder (settings `templatesDir`); absent or null = shipped files only. */
  templatesDir?: string | null;
  /** Shipped folder (tests may point elsewhere). */
  shippedDir?: string;
}

const templateFile = /^([a-z0-9][a-z0-9_-]*)\.(subject|text|html)\.mustache$/i;

/** One language's files: name → source, with the user's files laid over the shipped ones. */
interface LanguageFiles {
  templates: Map<string, TemplateSource>;
  partials: Map<string, TemplateSource>;
  labels: PartialLabels[];
}

/** Read, merge and check all templates; throws TemplateError naming file and tag on the first fault. */
export function loadTemplateSet(sources: TemplateSources = {}): TemplateSet {
  const shipped = sources.shippedDir ?? SHIPPED_TEMPLATES_DIR;
  const user = sources.templatesDir ?? null;
  if (user !== null && !isDirectory(user)) throw new UserError(`templatesDir: ${user} is not a folder`);
  const languages = new Set<string>(LANGUAGES);
  if (user !== null) for (const entry of readdirSync(user)) if (isDirectory(join(user, entry)) && /^[a-z]{2,3}$/.test(entry)) languages.add(entry);

  const english = readLanguage('en', shipped, user);
  if (english.templates.size === 0) throw new UserError(`no templates found in ${join(shipped, 'en')}`);
  const templates = new Map<string, MessageTemplate>();
  const labels = new Map<string, Labels>();
  for (const language of languages) {
    const own = language === 'en' ? english : readLanguage(language, shipped, user);
    // A file missing in a language falls back to the English one, so a partial translation works.
    const files = new Map([...english.templates, ...own.templates]);
    const partials = new Map([...english.partials, ...own.partials]);
    const names = new Set([...files.keys()].map((file) => file.replace(/\.(subject|text|html)$/, '')));
    for (const name of names) {
      const part = (kind: string): TemplateSource => {
        const source = files.get(`${name}.${kind}`);
        if (!source) throw new TemplateError(join(language, `${name}.${kind}.mustache`), '', 'is missing: every template needs a subject, a text and an HTML part');
        return source;
      };
      const template: MessageTemplate = { name, language, subject: part('subject'), text: part('text'), html: part('html'), partials };
      validateTemplate(template.subject, { partials, html: false });
      validateTemplate(template.text, { partials, html: false });
      validateTemplate(template.html, { partials, html: true });
      templates.set(`${language}/${name}`, template);
    }
    const [base, ...layers] = [...english.labels, ...(language === 'en' ? [] : own.labels)];
    labels.set(language, mergeLabels(base ?? {}, ...layers));
  }
  const pick = (language: string): string => (languages.has(language) ? language : 'en');
  return {
    languages: [...languages],
    template(language, name) {
      const found = templates.get(`${pick(language)}/${name}`);
      if (!found) throw new UserError(`template "${name}" does not exist (looked for ${pick(language)}/${name}.subject.mustache)`);
      return found;
    },
    labels: (language) => labels.get(pick(language)) ?? labels.get('en')!,
  };
}

function readLanguage(language: string, shipped: string, user: string | null): LanguageFiles {
  const result: LanguageFiles = { templates: new Map(), partials: new Map(), labels: [] };
  for (const root of user === null ? [shipped] : [shipped, user]) {
    const dir = join(root, language);
    if (!isDirectory(dir)) continue;
    for (const entry of readdirSync(dir).sort()) {
      const file = join(dir, entry);
      const match = templateFile.exec(entry);
      if (match) result.templates.set(`${match[1]}.${match[2]}`, read(file));
      else if (entry === 'labels.json') result.labels.push(parseLabels(readFileSync(file, 'utf8'), file));
    }
    const partialsDir = join(dir, 'partials');
    if (!isDirectory(partialsDir)) continue;
    for (const entry of readdirSync(partialsDir).sort()) {
      const name = entry.replace(/\.mustache$/, '');
      if (entry.endsWith('.mustache') && partialNamePattern.test(name)) result.partials.set(name, read(join(partialsDir, entry)));
    }
  }
  return result;
}

function read(file: string): TemplateSource {
  return { file, source: readFileSync(file, 'utf8') };
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/**
 * The checked templates for `settings` (shipped, with templatesDir resolved against `cwd` over them).
 * Here rather than beside the fonts, so a dry run checks its texts without loading the PDF code.
 */
export function loadTemplatesFor(settings: Settings, cwd: string): TemplateSet {
  return loadTemplateSet({ templatesDir: settings.templatesDir ? resolve(cwd, settings.templatesDir) : null });
}
