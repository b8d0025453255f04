/**
 * The texts of a message (subject, plain text, HTML) without its PDF, and the check that renders
 * the templates of a whole plan: cheap, so a dry run and every send do it first, and a template
 * fault stops the run (exit 2, file and tag named) before anything is sent.
 */
import type { IsoDate } from '../core/domain.js';
import type { PlannedMessage } from '../core/plan.js';
import { buildStatement, documentLanguage, type StatementModel } from '../core/statement.js';
import { renderTexts, type RenderedTexts } from '../core/templates/render.js';
import { buildView } from '../core/templates/view-model.js';
import type { Settings } from '../core/settings.js';
import type { TemplateSet } from './load-templates.js';

/** What the texts of a message are rendered with. */
export interface TextDeps {
  settings: Settings;
  asOf: IsoDate;
  templates: TemplateSet;
}

/** The statement model of `planned` and its rendered texts; throws a UserError for a template fault. */
export function messageTexts(planned: PlannedMessage, deps: TextDeps): { model: StatementModel; texts: RenderedTexts } {
  const model = buildStatement(planned, deps.settings, deps.asOf);
  const template = deps.templates.template(model.language, planned.template);
  return { model, texts: renderTexts(template, buildView(model)) };
}

/**
 * Render the texts that every message of a plan would get, throwing at the first template fault
 * (a UserError, exit 2). Each template a message uses (language and name) is rendered once, with
 * the first message using it: whether Mustache can render a template does not depend on the
 * values, since load checks every tag, section and partial against the view's shape, so one
 * message per template finds every fault a message could hit. Rendering all of them costs about
 * 75 µs each (a fresh 1M-item plan has ~68,000 messages: 5 s, twice the dry run's CPU budget).
 */
export function checkMessageTexts(messages: readonly PlannedMessage[], deps: TextDeps): void {
  const rendered = new Set<string>();
  for (const planned of messages) {
    const used = `${documentLanguage(planned.customer.language)}/${planned.template}`;
    if (rendered.has(used)) continue;
    rendered.add(used);
    messageTexts(planned, deps);
  }
}
