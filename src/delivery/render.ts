/** The seam between delivery and the documents layer: planned message → e-mail → MIME bytes. */
import type { OutgoingMessage } from '../core/message.js';
import type { PlannedMessage } from '../core/plan.js';
import type { Settings } from '../settings/types.js';
import type { CommandContext } from '../cli/context.js';
import type { Store } from '../storage/store.js';
import { UserError } from '../core/exit-codes.js';

/** Turns planned messages into what is sent (documents layer in production, fakes in tests). */
export interface MessageRenderer {
  /** Build the e-mail (Message-ID decided here, before anything is sent). */
  render(planned: PlannedMessage): Promise<OutgoingMessage>;
  /** Serialise to MIME; BCC never appears in the headers. */
  compose(message: OutgoingMessage, date: Date): Promise<Buffer>;
}

/** The production renderer (templates and statement PDF from the documents layer). */
export async function defaultRenderer(_settings: Settings, _ctx: CommandContext, _store: Store): Promise<MessageRenderer> {
  throw new UserError('e-mail rendering is not available in this build');
}
