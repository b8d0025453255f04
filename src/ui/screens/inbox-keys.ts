/** The keys of Inbox (docs/reference/tui.md §2.9). */
import type { ScopeKeys } from '../keys.js';

/** Inbox's key scope (Enter, the list's open, shows the mail's text). */
export const INBOX_KEYS: ScopeKeys = {
  scope: 'inbox',
  title: 'Inbox',
  bindings: [
    { command: 'mailHandled', keys: ['h'], help: 'mark it handled: it leaves the list, a reply pauses no more', short: 'handled', changes: true, chars: ['h'] },
    { command: 'mailPromise', keys: ['P'], help: 'a promise to pay (date, amount, note), then handled', short: 'promise', changes: true, chars: ['P'] },
    { command: 'mailDispute', keys: ['D'], help: 'a dispute of an open item (number, reason), then handled', short: 'dispute', changes: true, chars: ['D'] },
    { command: 'mailNote', keys: ['N'], help: 'a note on the customer (follow-up date optional), then handled', short: 'note', changes: true, chars: ['N'] },
    { command: 'clearUndeliverable', keys: ['U'], help: "a bounce: the address is deliverable again, then handled", short: 'clear address', changes: true, chars: ['U'] },
    { command: 'fetchInbox', keys: ['R'], help: 'fetch new mail from the mailbox', short: 'fetch', changes: true, chars: ['R'] },
  ],
};
