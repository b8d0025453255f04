/** Previews: a planned message rendered for the preview window, or written as .eml and .pdf files. */
import type { PlannedMessage } from '../core/plan.js';
import type { MessageRenderer } from '../delivery/render.js';
import { previewDir as previewFolder } from '../settings/paths.js';
import { defineAction } from './action.js';
import { settingsOf, todayOf, type ActionDeps } from './deps.js';
import type { PreviewView } from './desk-views.js';
import { plannedOnly } from './plan.js';
import { statementSummary } from './statement-summary.js';
import { letterPreview } from './letter-preview.js';

/** The documents renderer for today, rebuilt when the day or the settings change (templates, company). */
async function rendererOf(deps: ActionDeps): Promise<MessageRenderer> {
  const asOf = todayOf(deps);
  const { session } = deps;
  if (session.renderer === null || session.renderer.asOf !== asOf) {
    const { defaultRenderer } = await import('../delivery/render.js');
    session.renderer = { asOf, value: defaultRenderer(settingsOf(deps), deps.context.cwd, asOf) };
  }
  return session.renderer.value;
}

/** Render a planned message for the preview window; a message that cannot be rendered says why. */
export const preview = defineAction({
  name: 'preview',
  changes: false,
  run: async (deps: ActionDeps, message: PlannedMessage): Promise<PreviewView> => {
    const summary = statementSummary(message);
    const letter = letterPreview(message, settingsOf(deps), todayOf(deps));
    try {
      const out = await (await rendererOf(deps)).render(message);
      return { subject: out.subject, text: out.text, to: out.to, cc: out.cc, statementSummary: summary, ...(letter ? { letter } : {}) };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      // The letter's window does not depend on the e-mail's templates: the clerk still checks the address.
      return { subject: '(not rendered)', text: `The e-mail could not be rendered: ${why}`, to: message.to, cc: message.cc, statementSummary: summary, ...(letter ? { letter } : {}) };
    }
  },
});

/** Where a preview is written by default. */
export const previewDir = defineAction({ name: 'preview folder', changes: false, run: (deps: ActionDeps, _input: void): string => previewFolder(deps.place) });

/** Write the message as .eml and .pdf into `dir` (default: the preview folder); returns the paths. */
export const writePreview = defineAction({
  name: 'write preview',
  changes: false,
  run: async (deps: ActionDeps, { message, dir }: { message: PlannedMessage; dir?: string | undefined }): Promise<string[]> => {
    const { writePreviews } = await import('../delivery/write-previews.js');
    return writePreviews(plannedOnly(deps, [message]), dir ?? previewDir.run(deps), deps.context);
  },
});
