/** The seam between delivery and the documents layer: planned message → e-mail → MIME bytes. */
import { randomBytes } from 'node:crypto';
import type { IsoDate } from '../core/domain.js';
import type { OutgoingMessage } from '../core/message.js';
import type { PlannedMessage } from '../core/plan.js';
import type { Settings } from '../settings/types.js';
import { loadDocumentAssets } from '../documents/assets.js';
import { buildMessage } from '../documents/build-message.js';
import { composeMime } from '../mail/compose.js';
import { makeMessageId, messageIdDomain } from '../mail/message-id.js';

/** Turns planned messages into what is sent (documents layer in production, fakes in tests). */
export interface MessageRenderer {
  /** Build the e-mail (Message-ID decided here, before anything is sent). */
  render(planned: PlannedMessage): Promise<OutgoingMessage>;
  /** Serialise to MIME; BCC never appears in the headers. */
  compose(message: OutgoingMessage, date: Date): Promise<Buffer>;
}

/**
 * The production renderer: templates, statement PDF and invoice attachments from the documents
 * layer. Each attempt gets a fresh random Message-ID nonce: a failed message planned again the
 * same day must not collide with its earlier history row (message_id is unique).
 */
export function defaultRenderer(settings: Settings, cwd: string, asOf: IsoDate): MessageRenderer {
  const assets = loadDocumentAssets(settings, cwd);
  const domain = messageIdDomain(settings);
  return {
    render: (planned) =>
      buildMessage(planned, {
        settings,
        asOf,
        ...assets,
        messageId: makeMessageId(planned.key, asOf, domain, randomBytes(6).toString('hex')),
        cwd,
      }),
    compose: composeMime,
  };
}
