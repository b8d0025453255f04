/** A test e-mail through the configured transport, as `duedesk config test-mail` and the desk send it. Mail loads on first use. */
import type { SingleMailResult } from '../mail/single-mail.js';
import { defineAction } from './action.js';
import { actorOf, settingsOf, type ActionDeps } from './deps.js';

/** Send a test e-mail to `address`; resolves to what happened (never rejects for a refused send). */
export const testMail = defineAction({
  name: 'test mail',
  changes: true,
  refused: 'sending a test e-mail',
  audit: false,
  run: async (deps: ActionDeps, address: string): Promise<SingleMailResult> => {
    const { sendTestMail } = await import('../mail/test-mail.js');
    const keeper = { ledger: deps.ledger, operator: actorOf(deps).operator };
    return sendTestMail(address, settingsOf(deps), deps.context.env, deps.place, deps.context.now(), keeper, deps.session.password);
  },
});

/** Send a test e-mail to `address`; resolves with a one-line description, rejects with what went wrong. */
export const sendTestMail = defineAction({
  name: 'send test mail (status line)',
  changes: true,
  refused: 'sending a test e-mail',
  audit: false,
  run: async (deps: ActionDeps, address: string): Promise<string> => {
    const result = await testMail.run(deps, address);
    if (!result.ok) throw new Error(`test e-mail to ${address} via ${result.transport} failed: ${result.detail}`);
    return `test e-mail sent to ${address} via ${result.transport}: ${result.detail}`;
  },
});
