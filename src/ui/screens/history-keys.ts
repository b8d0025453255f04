/** The keys of History. */
import type { ScopeKeys } from '../keys.js';

/** History's key scope. */
export const HISTORY_KEYS: ScopeKeys = {
  scope: 'history',
  title: 'History',
  bindings: [
    { command: 'retry', keys: ['r'], help: 'retry a failed message', short: 'retry', changes: true, chars: ['r'] },
    { command: 'retryAll', keys: ['A'], help: 'retry all failed messages (asks first)', short: 'retry all', changes: true, chars: ['A'] },
    { command: 'markDelivered', keys: ['d'], help: 'mark an uncertain message as delivered', short: 'delivered', changes: true, chars: ['d'] },
    { command: 'markNotDelivered', keys: ['u'], help: 'mark an uncertain message as not delivered', short: 'not delivered', changes: true, chars: ['u'] },
    { command: 'acknowledge', keys: ['c'], help: 'acknowledge a failed or uncertain message (with your name)', short: 'acknowledge', changes: true, chars: ['c'] },
    { command: 'writeCopy', keys: ['w'], help: "write the message's archived copy (.eml as sent, and its PDF)", short: 'write copy', chars: ['w'] },
    { command: 'showText', keys: ['t'], help: "show the message's text as sent (from its archived copy)", short: 'text', chars: ['t'] },
    { command: 'sendCopy', keys: ['S'], help: 'send a copy of the message (to the same or another address)', short: 'send copy', changes: true, chars: ['S'] },
    { command: 'problemsOnly', keys: ['x'], help: 'only what needs attention / all', short: 'problems only', chars: ['x'] },
  ],
};
