/**
 * The one registry of screens: each screen's id, tab title, key scopes (with their bindings, in
 * help order), component and command handlers. The App's tabs and their digit keys, the `?` help
 * and the desk's key table are all derived from this list, so adding a screen means adding its
 * own files and one entry here.
 */
import type React from 'react';
import type { CommandHandlers } from '../command-handlers.js';
import type { ScreenId, ScreenProps } from '../desk-context.js';
import { globalKeys, keyTable, LIST_KEYS, type KeyTable, type ScopeKeys } from '../keys.js';
import { COLLECTION_COMMANDS } from './collection-keys.js';
import { CUSTOMER_KEYS, CUSTOMERS_KEYS } from './customers-keys.js';
import { CustomersScreen, CUSTOMERS_COMMANDS } from './customers.js';
import { DETAIL_COMMANDS } from './customer-detail.js';
import { DUE_KEYS } from './due-keys.js';
import { DUE_COMMANDS, DueScreen, PLANNED_COMMANDS, SKIPPED_COMMANDS } from './due.js';
import { HISTORY_KEYS } from './history-keys.js';
import { HISTORY_COMMANDS, HistoryScreen } from './history.js';
import { BANK_KEYS } from './bank-keys.js';
import { BANK_COMMANDS, BankScreen } from './bank.js';
import { INBOX_KEYS } from './inbox-keys.js';
import { INBOX_COMMANDS, InboxScreen } from './inbox.js';
import { SETTINGS_KEYS } from './settings-keys.js';
import { SETTINGS_COMMANDS, SettingsScreen } from './settings.js';

/** One screen of the desk. */
export interface ScreenEntry {
  id: ScreenId;
  /** Its tab title (also the help line of its digit key). */
  title: string;
  /** The key scopes it owns, in the order the help lists them. */
  keys: readonly ScopeKeys[];
  component: (props: ScreenProps) => React.JSX.Element;
  /** What its commands do, one map per view (the screen picks the map for the view it shows). */
  handlers: readonly CommandHandlers<never>[];
}

/** The screens, in Tab order (the first is the start screen; digit keys count from 1). */
export const SCREEN_REGISTRY: readonly ScreenEntry[] = [
  { id: 'due', title: 'Due now', keys: [DUE_KEYS], component: DueScreen, handlers: [PLANNED_COMMANDS, SKIPPED_COMMANDS, DUE_COMMANDS] },
  {
    id: 'customers',
    title: 'Customers',
    keys: [CUSTOMERS_KEYS, CUSTOMER_KEYS],
    component: CustomersScreen,
    handlers: [CUSTOMERS_COMMANDS, DETAIL_COMMANDS, COLLECTION_COMMANDS],
  },
  { id: 'history', title: 'History', keys: [HISTORY_KEYS], component: HistoryScreen, handlers: [HISTORY_COMMANDS] },
  { id: 'settings', title: 'Settings', keys: [SETTINGS_KEYS], component: SettingsScreen, handlers: [SETTINGS_COMMANDS] },
  { id: 'bank', title: 'Bank', keys: [BANK_KEYS], component: BankScreen, handlers: [BANK_COMMANDS] },
  { id: 'inbox', title: 'Inbox', keys: [INBOX_KEYS], component: InboxScreen, handlers: [INBOX_COMMANDS] },
];

/** The desk's one key table: the global keys (with a digit per screen), the list keys, then every screen's scopes. */
export const KEY_TABLE: KeyTable = keyTable([globalKeys(SCREEN_REGISTRY.map((s) => s.title)), LIST_KEYS, ...SCREEN_REGISTRY.flatMap((s) => s.keys)]);

/** Every key binding, as the help lists them. */
export const KEY_BINDINGS = KEY_TABLE.bindings;
