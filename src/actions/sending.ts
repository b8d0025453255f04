/**
 * Sending from the desk: the chosen messages and a retry of failed ones. Delivery loads on first
 * use, so the desk's first frame does not wait for nodemailer.
 */
import type { IsoDate, MessageRecord } from '../core/domain.js';
import type { PlannedMessage } from '../core/plan.js';
import { sendWidth as widthOf, type MessageOutcome } from '../delivery/deliver.js';
import { outboxDir } from '../settings/paths.js';
import { getMessage } from '../storage/messages.js';
import type { Sql } from '../storage/sql.js';
import { defineAction } from './action.js';
import { settingsOf, type ActionDeps } from './deps.js';
import type { SendOutcome, SendProgress, SendResult } from './desk-views.js';
import { planDueNow, plannedOnly } from './plan.js';

/**
 * A delivery outcome as the send window shows it: a message the run did not send (Esc, the
 * server deferred the rest, the daily limit, its customer changed since the plan) is `stopped`,
 * never failed, and its error says why; it stays due.
 */
function toSendOutcome(outcome: MessageOutcome): SendOutcome {
  return { key: outcome.key, status: outcome.status === 'not-sent' ? 'stopped' : outcome.status, messageId: outcome.messageId, error: outcome.error };
}

/** What to send, who hears of each outcome, and the operator's stop. */
export interface SendRequest {
  messages: PlannedMessage[];
  onProgress: SendProgress;
  signal: AbortSignal;
}

/** Send the messages (up to the send width side by side); stops after the messages in flight when `signal` aborts. */
export const send = defineAction({
  name: 'send',
  changes: true,
  refused: 'sending',
  // The history is a send's record (docs/reference/roles.md §4).
  audit: false,
  run: async (deps: ActionDeps, { messages, onProgress, signal }: SendRequest): Promise<SendResult> => {
    const { deliverPlan } = await import('../delivery/deliver.js');
    const { session } = deps;
    // Warnings are kept off the screen; the typed password goes as a value.
    const context = { ...deps.context, stderr: session.warnings };
    const outcome = await deliverPlan(plannedOnly(deps, messages), context, (o, done, total) => onProgress(toSendOutcome(o), done, total), { signal, sessionPassword: session.password });
    const outcomes = outcome.messages.map(toSendOutcome);
    for (const key of outcome.alreadySent ?? []) outcomes.push({ key, status: 'skipped', messageId: null, error: 'already sent today' });
    if (outcome.error && outcomes.every((o) => o.status !== 'sent')) session.warnings.write(outcome.error);
    return { outcomes, stopped: signal.aborted };
  },
});

/** The history record of a failed message, or a clear refusal. */
async function failedRecord(sql: Sql, id: number): Promise<MessageRecord> {
  const record = await getMessage(sql, id);
  if (!record) throw new Error(`message ${id} does not exist`);
  if (record.status !== 'failed') throw new Error(`message ${id} is ${record.status}; only failed messages are retried`);
  return record;
}

/** Whether a planned message is the same message again as a history record. */
function sameMessage(planned: PlannedMessage, record: MessageRecord): boolean {
  return planned.customer.code === record.customerCode && planned.currency === record.currency && planned.kind === record.kind && planned.level === record.level;
}

/** Send failed messages again in one run (re-planned for the day, their customers only); one outcome per message that is still due. */
export const retryMessages = defineAction({
  name: 'retry messages',
  changes: true,
  refused: 'retrying messages',
  audit: false,
  run: async (deps: ActionDeps, { ids, asOf }: { ids: readonly number[]; asOf: IsoDate }): Promise<SendOutcome[]> => {
    const records = await deps.ledger.read(async (sql) => {
      const found: MessageRecord[] = [];
      for (const id of ids) found.push(await failedRecord(sql, id));
      return found;
    });
    // One plan for all of them, of their customers only: planning everyone is the costly part at scale.
    const customers = [...new Set(records.map((r) => r.customerCode))];
    const again = (await planDueNow.run(deps, { asOf, customers })).messages.filter((m) => records.some((r) => sameMessage(m, r)));
    if (again.length === 0) return [];
    return (await send.run(deps, { messages: again, onProgress: () => undefined, signal: new AbortController().signal })).outcomes;
  },
});

/** How many messages a send has in flight at once (the send window shows each). */
export const sendWidth = defineAction({ name: 'send width', changes: false, run: (deps: ActionDeps, _input: void): number => widthOf(settingsOf(deps)) });

/** How messages go out, for the confirmation ("outbox /path" or "smtp host:port"). */
export const transportLabel = defineAction({
  name: 'transport label',
  changes: false,
  run: (deps: ActionDeps, _input: void): string => {
    const s = settingsOf(deps);
    const url = deps.context.env.DUEDESK_SMTP_URL;
    if (url) return `smtp (DUEDESK_SMTP_URL) ${new URL(url).host}`;
    if (s.mail?.transport === 'smtp') return `smtp ${s.smtp?.host ?? '(no host)'}:${s.smtp?.port ?? (s.smtp?.secure ? 465 : 587)}`;
    return `outbox ${outboxDir(s, deps.place)}`;
  },
});
