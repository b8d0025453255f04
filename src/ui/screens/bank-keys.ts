/** The keys of Bank (docs/reference/tui.md §2.8). */
import type { ScopeKeys } from '../keys.js';

/** Bank's key scope. */
export const BANK_KEYS: ScopeKeys = {
  scope: 'bank',
  title: 'Bank',
  bindings: [
    { command: 'assignCredit', keys: ['Enter'], help: 'assign the credit: search the customer, then optionally its invoices', short: 'assign', changes: true, action: 'assignCredit', special: ['return'] },
  ],
};
