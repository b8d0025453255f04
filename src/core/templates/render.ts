/**
 * Rendering a message's subject, plain text and HTML with Mustache. Plain text and the subject are
 * never HTML-escaped (an `O'Brien & <Sons>` stays as typed); the HTML body always is.
 */
import Mustache from 'mustache';
import { keepAmountsWhole } from '../format.js';
import { templateFault } from './mustache-errors.js';
import type { TemplateSource } from './template-source.js';
import type { MessageView } from './view-model.js';

/** A checked template: the three parts and the partials they may include. */
export interface MessageTemplate {
  name: string;
  language: string;
  subject: TemplateSource;
  text: TemplateSource;
  html: TemplateSource;
  partials: ReadonlyMap<string, TemplateSource>;
}

/** The rendered texts of a message. */
export interface RenderedTexts {
  subject: string;
  text: string;
  html: string;
}

const verbatim = (value: unknown): string => String(value);

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML escaping of the characters that matter in text and attributes; `/` and `=` stay readable. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (char) => htmlEntities[char] ?? char);
}

/**
 * Render the three parts of `template` for `view`. Whatever Mustache throws becomes a
 * TemplateError naming the part's file, so no caller ever reports it as an internal error.
 */
export function renderTexts(template: MessageTemplate, view: MessageView): RenderedTexts {
  const partials = (name: string): string | undefined => template.partials.get(name)?.source;
  const render = (part: TemplateSource, escape: (value: unknown) => string): string => {
    try {
      return Mustache.render(part.source, view, partials, { escape });
    } catch (error) {
      throw templateFault(part, error);
    }
  };
  return {
    // A header is one line: folding and encoding are the MIME composer's job, line breaks are not.
    subject: render(template.subject, verbatim).replace(/\s*[\r\n]+\s*/g, ' ').trim(),
    text: render(template.text, verbatim),
    // Every value of the HTML body, so amounts in any template (the user's too) never break a line.
    html: render(template.html, (value) => keepAmountsWhole(escapeHtml(value))),
  };
}
