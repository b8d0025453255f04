/** The keys of Due now (the preview, write and send keys also work on Customers and a customer). */
import type { ScopeKeys } from '../keys.js';

/** Due now's key scope. */
export const DUE_KEYS: ScopeKeys = {
  scope: 'due',
  title: 'Due now; on Customers and a customer: statement now',
  bindings: [
    { command: 'preview', keys: ['p'], help: 'preview the e-mail and statement (a customer: statement now)', short: 'preview', chars: ['p'] },
    { command: 'write', keys: ['w'], help: 'write .eml and .pdf of the selected (or current) message', short: 'write', chars: ['w'] },
    { command: 'send', keys: ['s'], help: 'send the selected messages (asks first)', short: 'send', changes: true, chars: ['s'] },
    { command: 'followUpDone', keys: ['F'], help: 'mark the first follow-up task done', short: 'task done', changes: true, chars: ['F'] },
    { command: 'reviewProposal', keys: ['A'], help: 'review the proposal awaiting approval (space removes a line)', short: 'proposal', chars: ['A'] },
    { command: 'approve', keys: ['Y'], help: 'in the proposal: approve it without the removed lines', short: 'approve', changes: true, action: 'approveProposal', chars: ['Y'] },
    { command: 'skipped', keys: ['x'], help: 'show skipped customers / planned messages', short: 'skipped', chars: ['x'] },
  ],
};
