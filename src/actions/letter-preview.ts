/**
 * What the preview window shows of a printed letter (docs/reference/messages.md §5): the envelope
 * window as the post will read it, so a clerk checks the address before anything is sent (pure).
 */
import type { IsoDate } from '../core/domain.js';
import type { PlannedMessage } from '../core/plan.js';
import type { Settings } from '../core/settings.js';
import { buildStatement } from '../core/statement.js';

/** The lines of the letter's window block, and where the letter goes; null when the message is no letter. */
export function letterPreview(message: PlannedMessage, settings: Settings, asOf: IsoDate): string[] | null {
  if (!message.letter) return null;
  const model = buildStatement(message, settings, asOf);
  const sender = [model.company.name, ...model.company.addressLines].filter(Boolean).join(' · ');
  return [
    `Printed letter, window ${model.letterWindow} (w writes the PDF)`,
    ...(sender === '' ? [] : [`  ${sender}`]),
    ...[model.customer.name, model.customer.contactPerson ?? '', ...model.customer.postalLines].filter(Boolean).map((line) => `  │ ${line}`),
    `  ${model.date} · ${model.customer.code}`,
  ];
}
