/**
 * The combined print file of one run's letters (docs/reference/messages.md §4.3): every letter
 * the run wrote, in send order, one after the other in one PDF, so a clerk prints once.
 */
import type { IsoDate } from '../core/domain.js';
import type { PlannedMessage } from '../core/plan.js';
import type { Settings } from '../core/settings.js';
import { buildStatement } from '../core/statement.js';
import type { DocumentAssets } from './assets.js';
import { renderLettersPdf } from './pdf/render-statement.js';

/** The letters of `messages` (in that order) in one PDF. */
export function combinedLettersPdf(messages: readonly PlannedMessage[], settings: Settings, asOf: IsoDate, assets: DocumentAssets): Uint8Array {
  const letters = messages.map((planned) => {
    const model = buildStatement(planned, settings, asOf);
    return { model, labels: assets.templates.labels(model.language) };
  });
  const company = settings.company?.name?.trim() ?? '';
  return renderLettersPdf(letters, { fonts: assets.fonts, logo: assets.logo }, { asOf, title: `Letters ${asOf}`, author: company });
}

/** The file name of a run's combined letters: `<asOf>-letters.pdf`, `<asOf>-letters-N.pdf` for the day's Nth run. */
export function lettersFileName(asOf: IsoDate, run = 1): string {
  return run === 1 ? `${asOf}-letters.pdf` : `${asOf}-letters-${run}.pdf`;
}
