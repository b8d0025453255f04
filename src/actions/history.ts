/** The history of messages: listing it, and what the clerk records about a failed or uncertain one. */
import type { MessageRecord } from '../core/domain.js';
import { operatorName } from '../delivery/record.js';
import { acknowledgeMessage } from '../storage/acknowledgements.js';
import { getMessage, listMessages, updateMessageStatus } from '../storage/messages.js';
import { defineAction } from './action.js';
import { settingsOf, type ActionDeps } from './deps.js';

/** Every message in the history, newest first. */
export const listHistory = defineAction({
  name: 'list history',
  changes: false,
  run: async (deps: ActionDeps, _input: void): Promise<MessageRecord[]> => (await deps.ledger.read((sql) => listMessages(sql))).reverse(),
});

/** Record what the operator found out about an uncertain message. */
export const markUncertain = defineAction({
  name: 'mark uncertain',
  changes: true,
  refused: 'marking a message',
  run: (deps: ActionDeps, { id, delivered }: { id: number; delivered: boolean }): Promise<void> =>
    deps.ledger.write(async (sql) => {
      const record = await getMessage(sql, id);
      if (!record) throw new Error(`message ${id} does not exist`);
      if (record.status !== 'uncertain') throw new Error(`message ${id} is ${record.status}, not uncertain`);
      const error = delivered ? null : `${record.error ? `${record.error}; ` : ''}not delivered (checked by the operator)`;
      await updateMessageStatus(sql, id, delivered ? 'sent' : 'failed', error, deps.context.now().toISOString());
    }),
});

/** Record that the operator acknowledged a failed or uncertain message (with operator and time). */
export const acknowledge = defineAction({
  name: 'acknowledge',
  changes: true,
  refused: 'acknowledging a message',
  run: async (deps: ActionDeps, id: number): Promise<void> => {
    await deps.ledger.write((sql) => acknowledgeMessage(sql, id, operatorName(deps.ledger, settingsOf(deps).operator), deps.context.now().toISOString()));
  },
});
