/**
 * The texts of a message (subject, plain text, HTML) without its PDF, and the check that renders
 * them for a whole plan: cheap next to the PDFs, so a dry run and every send do it first, and a
 * template fault stops the run (exit 2, file and tag named) before anything is sent.
 */
import type { IsoDate } from '../core/domain.js';
import type { PlannedMessage } from '../core/plan.js';
import { buildStatement, type StatementModel } from '../core/statement.js';
import { renderTexts, type RenderedTexts } from '../core/templates/render.js';
import { buildView } from '../core/templates/view-model.js';
import type { Settings } from '../settings/types.js';
import type { TemplateSet } from './templates/load-templates.js';

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

/** Render the texts of every message; throws at the first template fault (a UserError, exit 2). */
export function checkMessageTexts(messages: readonly PlannedMessage[], deps: TextDeps): void {
  for (const planned of messages) messageTexts(planned, deps);
}
