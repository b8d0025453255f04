/** The keys of Customers and of one customer opened from it. */
import type { ScopeKeys } from '../keys.js';

/** The Customers list's key scope. */
export const CUSTOMERS_KEYS: ScopeKeys = {
  scope: 'customers',
  title: 'Customers',
  bindings: [
    { command: 'disputesOnly', keys: ['D'], help: 'only customers with a disputed item / all', short: 'disputes', chars: ['D'] },
  ],
};

/** The customer detail's key scope. */
export const CUSTOMER_KEYS: ScopeKeys = {
  scope: 'customer',
  title: 'Customer',
  bindings: [
    { command: 'hold', keys: ['h'], help: 'set or clear a hold-until date', short: 'hold', changes: true, chars: ['h'] },
    { command: 'itemHold', keys: ['H'], help: 'hold the open item under the cursor until a date', short: 'hold item', changes: true, chars: ['H'] },
    { command: 'reminders', keys: ['r'], help: 'reminders on / off', short: 'reminders', changes: true, chars: ['r'] },
    { command: 'interval', keys: ['i'], help: 'statement interval (days)', short: 'interval', changes: true, chars: ['i'] },
    { command: 'statements', keys: ['S'], help: 'statements on / off (apart from reminders)', short: 'statements', changes: true, chars: ['S'] },
    { command: 'profile', keys: ['L'], help: 'dunning profile (ladder): default or one of policy.profiles', short: 'profile', changes: true, action: 'setProfile', chars: ['L'] },
    { command: 'promise', keys: ['P'], help: 'record a promise to pay (date, amount, note)', short: 'promise', changes: true, chars: ['P'] },
    { command: 'dispute', keys: ['D'], help: 'dispute the open item under the cursor, or resolve its dispute', short: 'dispute', changes: true, chars: ['D'] },
    { command: 'note', keys: ['N'], help: 'add a note, optionally with a follow-up date', short: 'note', changes: true, chars: ['N'] },
    { command: 'pane', keys: ['Tab'], help: 'switch between open items and history', short: 'items/history', special: ['tab'] },
  ],
};
