/**
 * Sending a copy of an earlier message (docs/reference/cli.md §11.5): the archived bytes with the
 * body unchanged, the subject marked as a copy in the customer's language, to the same or another
 * address; a new history row of kind `copy` naming the original, sent at most once like every
 * message. The TUI's History and `duedesk history resend` call it; review mode refuses it.
 */
import { randomBytes } from 'node:crypto';
import { localDate } from '../core/dates.js';
import { UserError } from '../core/exit-codes.js';
import type { MessageRecord } from '../core/domain.js';
import { loadTemplatesFor } from '../documents/load-templates.js';
import type { HistoryRecord } from '../delivery/journal.js';
import { copyMessage } from '../mail/copy-message.js';
import { envelopeAddress } from '../mail/envelope.js';
import { makeMessageId, messageIdDomain } from '../mail/message-id.js';
import { senderOf } from '../mail/sender.js';
import { getCustomer } from '../storage/customers.js';
import { idOfMessage } from '../storage/messages.js';
import { defineAction } from './action.js';
import { archivedBytes, messageById } from './archive.js';
import { actorOf, settingsOf, type ActionDeps } from './deps.js';

/** Which message to send again, and where (absent: to the addresses it went to). */
export interface CopyRequest {
  id: number;
  to?: string | undefined;
}

/** How a copy went: its own history id (null when nothing was recorded), where, and the verdict. */
export interface SentCopy {
  id: number | null;
  of: number;
  to: string[];
  status: 'sent' | 'failed' | 'uncertain' | 'stopped';
  error: string | null;
}

/** The addresses a copy goes to: the one asked for, checked, or those the message went to. */
function recipientsOf(record: MessageRecord, to: string | undefined): string[] {
  if (to === undefined) {
    if (record.to.length === 0) throw new UserError(`message ${record.id} went to no e-mail address (a letter only): name one to send the copy to`);
    return record.to;
  }
  const address = envelopeAddress(to.trim());
  if (address === null) throw new UserError(`"${to}" is not a plain e-mail address (name@example.com)`);
  return [address];
}

/** Send a copy of message `id`; resolves to how it went. A send the transport refused is a result, not an error. */
export const sendMessageCopy = defineAction({
  name: 'send message copy',
  changes: true,
  refused: 'sending a copy',
  // A send: the history is its record (docs/reference/roles.md §4).
  audit: false,
  run: async (deps: ActionDeps, { id, to }: CopyRequest): Promise<SentCopy> => {
    const asked = await messageById(deps.ledger, id);
    // A copy of a copy is a copy of the original: the subject is marked once.
    const original = asked.kind === 'copy' && asked.copyOf !== undefined ? await messageById(deps.ledger, asked.copyOf) : asked;
    // Without --to it goes where the message asked for went (a copy's address for a copy).
    const recipients = recipientsOf(asked, to);
    const bytes = await archivedBytes(deps.ledger, `message ${original.id}`, original.archive);
    const settings = settingsOf(deps);
    const from = envelopeAddress(senderOf(settings));
    if (from === null) throw new UserError(`sending a copy: the sender "${senderOf(settings)}" (smtp.from) is not a plain e-mail address`);
    const customer = await deps.ledger.read((sql) => getCustomer(sql, original.customerCode));
    const word = loadTemplatesFor(settings, deps.place.cwd).labels(customer?.language ?? 'en').copy;
    const now = deps.context.now();
    const asOf = localDate(now);
    const subject = `${word}: ${original.subject}`;
    const messageId = makeMessageId(`copy-${original.id}`, asOf, messageIdDomain(settings), randomBytes(6).toString('hex'));
    const raw = copyMessage(bytes, { subject, to: recipients.join(', '), messageId, date: now });
    const record: HistoryRecord = {
      key: `copy-${original.id}`,
      customerCode: original.customerCode,
      kind: 'copy',
      level: null,
      currency: original.currency,
      asOf,
      to: recipients,
      cc: [],
      bcc: [],
      subject,
      messageId,
      total: original.total,
      fee: original.fee,
      interest: original.interest,
      unapplied: original.unapplied,
      outstanding: original.outstanding,
      operator: actorOf(deps).operator,
      items: [],
      cases: [],
      copyOf: original.id,
    };
    const guard = { customerCode: original.customerCode, currency: original.currency, asOf, kind: 'copy', level: null, items: [], copy: { of: original.id, to: recipients } };
    const alreadySent = `a copy of message ${original.id} to ${recipients.join(', ')} was sent today already`;
    const { deliverCopy } = await import('../delivery/deliver-copy.js');
    const context = { ...deps.context, stderr: deps.session.warnings };
    const ending = await deliverCopy({ raw, record, envelope: { from, to: recipients }, guard, alreadySent }, context, { sessionPassword: deps.session.password });
    const newId = await deps.ledger.read((sql) => idOfMessage(sql, messageId));
    return { id: newId, of: original.id, to: recipients, status: ending.status, error: ending.error };
  },
});
