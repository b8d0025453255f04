/**
 * Rendering a message's subject, plain text and HTML with Mustache. Plain text and the subject are
 * never HTML-escaped (an `O'Brien & <Sons>` stays as typed); the HTML body always is.
 */
import Mustache from 'mustache';
import type { TemplateSource } from './validate.js';
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

/** Render the three parts of `template` for `view`. */
export function renderTexts(template: MessageTemplate, view: MessageView): RenderedTexts {
  const partials = (name: string): string | undefined => template.partials.get(name)?.source;
  const subject = Mustache.render(template.subject.source, view, partials, { escape: verbatim });
  return {
    // A header is one line: folding and encoding are the MIME composer's job, line breaks are not.
    subject: subject.replace(/\s*[\r\n]+\s*/g, ' ').trim(),
    text: Mustache.render(template.text.source, view, partials, { escape: verbatim }),
    html: Mustache.render(template.html.source, view, partials, { escape: escapeHtml }),
  };
}
