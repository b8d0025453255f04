/**
 * Key bindings as data (SPEC §9): one table maps keys to commands; the handlers and the `?` help
 * screen both read it, so they cannot drift apart.
 */
import type { Key } from 'ink';

/** Everything a key can ask for. */
export type Command =
  | 'up'
  | 'down'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'toggle'
  | 'selectAll'
  | 'selectNone'
  | 'search'
  | 'filters'
  | 'sort'
  | 'sortReverse'
  | 'preview'
  | 'write'
  | 'send'
  | 'open'
  | 'back'
  | 'help'
  | 'quit'
  | 'nextScreen'
  | 'previousScreen'
  | 'screen1'
  | 'screen2'
  | 'screen3'
  | 'screen4'
  | 'skipped'
  | 'hold'
  | 'itemHold'
  | 'reminders'
  | 'interval'
  | 'pane'
  | 'retry'
  | 'retryAll'
  | 'problemsOnly'
  | 'markDelivered'
  | 'markNotDelivered'
  | 'acknowledge'
  | 'edit'
  | 'testMail'
  | 'importCsv'
  | 'password'
  | 'statusDetail'
  | 'refresh'
  | 'profile'
  | 'statements'
  | 'promise'
  | 'dispute'
  | 'note'
  | 'disputesOnly'
  | 'followUpDone'
  | 'reviewProposal'
  | 'approve';

/** Where a binding applies: everywhere, or only on one screen or view. */
export type KeyScope = 'global' | 'list' | 'due' | 'customers' | 'customer' | 'history' | 'settings';

/** One binding: the keys, the command, where it works and what the help says. */
export interface KeyBinding {
  command: Command;
  /** Human names of the keys, as the help shows them (the last one is named in footers). */
  keys: string[];
  scope: KeyScope;
  help: string;
  /** The footer's label; unset: the command is only listed in the help. */
  short?: string;
  /** It sends or changes something: refused in review mode (by the key router) and not hinted. */
  changes?: boolean;
  /** Printable characters that trigger it. */
  chars?: string[];
  /** Special keys (ink Key flags) that trigger it. */
  special?: SpecialKey[];
}

/** Special (non-printable) keys the table can name. */
export type SpecialKey = 'upArrow' | 'downArrow' | 'pageUp' | 'pageDown' | 'return' | 'escape' | 'tab' | 'shiftTab' | 'home' | 'end';

/** The one key-binding table. Order is the order of the help screen. */
export const KEY_BINDINGS: readonly KeyBinding[] = [
  { command: 'up', keys: ['↑', 'k'], scope: 'list', help: 'move up', chars: ['k'], special: ['upArrow'] },
  { command: 'down', keys: ['↓', 'j'], scope: 'list', help: 'move down', chars: ['j'], special: ['downArrow'] },
  { command: 'pageUp', keys: ['PgUp'], scope: 'list', help: 'page up', special: ['pageUp'] },
  { command: 'pageDown', keys: ['PgDn'], scope: 'list', help: 'page down', special: ['pageDown'] },
  { command: 'home', keys: ['Home', 'g'], scope: 'list', help: 'first row', chars: ['g'], special: ['home'] },
  { command: 'end', keys: ['End', 'G'], scope: 'list', help: 'last row', chars: ['G'], special: ['end'] },
  { command: 'open', keys: ['Enter'], scope: 'list', help: 'open the row', short: 'open', special: ['return'] },
  { command: 'toggle', keys: ['space'], scope: 'list', help: 'select / deselect the row', short: 'select', chars: [' '] },
  { command: 'selectAll', keys: ['a'], scope: 'list', help: 'select all visible rows', short: 'all', chars: ['a'] },
  { command: 'selectNone', keys: ['n'], scope: 'list', help: 'select none', short: 'none', chars: ['n'] },
  { command: 'search', keys: ['/'], scope: 'list', help: 'search (any case, accents ignored)', short: 'search', chars: ['/'] },
  { command: 'filters', keys: ['f'], scope: 'list', help: 'filters', short: 'filters', chars: ['f'] },
  { command: 'sort', keys: ['o'], scope: 'list', help: 'sort by the next column (total, days overdue, name, level…)', short: 'sort', chars: ['o'] },
  { command: 'sortReverse', keys: ['O'], scope: 'list', help: 'reverse the sort order', chars: ['O'] },
  { command: 'preview', keys: ['p'], scope: 'due', help: 'preview the e-mail and statement (a customer: statement now)', short: 'preview', chars: ['p'] },
  { command: 'write', keys: ['w'], scope: 'due', help: 'write .eml and .pdf of the selected (or current) message', short: 'write', chars: ['w'] },
  { command: 'send', keys: ['s'], scope: 'due', help: 'send the selected messages (asks first)', short: 'send', changes: true, chars: ['s'] },
  { command: 'followUpDone', keys: ['F'], scope: 'due', help: 'mark the first follow-up task done', short: 'task done', changes: true, chars: ['F'] },
  { command: 'reviewProposal', keys: ['A'], scope: 'due', help: 'review the proposal awaiting approval (space removes a line)', short: 'proposal', chars: ['A'] },
  { command: 'approve', keys: ['Y'], scope: 'due', help: 'in the proposal: approve it without the removed lines', short: 'approve', changes: true, chars: ['Y'] },
  { command: 'disputesOnly', keys: ['D'], scope: 'customers', help: 'only customers with a disputed item / all', short: 'disputes', chars: ['D'] },
  { command: 'skipped', keys: ['x'], scope: 'due', help: 'show skipped customers / planned messages', short: 'skipped', chars: ['x'] },
  { command: 'hold', keys: ['h'], scope: 'customer', help: 'set or clear a hold-until date', short: 'hold', changes: true, chars: ['h'] },
  { command: 'itemHold', keys: ['H'], scope: 'customer', help: 'hold the open item under the cursor until a date', short: 'hold item', changes: true, chars: ['H'] },
  { command: 'reminders', keys: ['r'], scope: 'customer', help: 'reminders on / off', short: 'reminders', changes: true, chars: ['r'] },
  { command: 'interval', keys: ['i'], scope: 'customer', help: 'statement interval (days)', short: 'interval', changes: true, chars: ['i'] },
  { command: 'statements', keys: ['S'], scope: 'customer', help: 'statements on / off (apart from reminders)', short: 'statements', changes: true, chars: ['S'] },
  { command: 'profile', keys: ['L'], scope: 'customer', help: 'dunning profile (ladder): default or one of policy.profiles', short: 'profile', changes: true, chars: ['L'] },
  { command: 'promise', keys: ['P'], scope: 'customer', help: 'record a promise to pay (date, amount, note)', short: 'promise', changes: true, chars: ['P'] },
  { command: 'dispute', keys: ['D'], scope: 'customer', help: 'dispute the open item under the cursor, or resolve its dispute', short: 'dispute', changes: true, chars: ['D'] },
  { command: 'note', keys: ['N'], scope: 'customer', help: 'add a note, optionally with a follow-up date', short: 'note', changes: true, chars: ['N'] },
  { command: 'pane', keys: ['Tab'], scope: 'customer', help: 'switch between open items and history', short: 'items/history', special: ['tab'] },
  { command: 'retry', keys: ['r'], scope: 'history', help: 'retry a failed message', short: 'retry', changes: true, chars: ['r'] },
  { command: 'retryAll', keys: ['A'], scope: 'history', help: 'retry all failed messages (asks first)', short: 'retry all', changes: true, chars: ['A'] },
  { command: 'markDelivered', keys: ['d'], scope: 'history', help: 'mark an uncertain message as delivered', short: 'delivered', changes: true, chars: ['d'] },
  { command: 'markNotDelivered', keys: ['u'], scope: 'history', help: 'mark an uncertain message as not delivered', short: 'not delivered', changes: true, chars: ['u'] },
  { command: 'acknowledge', keys: ['c'], scope: 'history', help: 'acknowledge a failed or uncertain message (with your name)', short: 'acknowledge', changes: true, chars: ['c'] },
  { command: 'problemsOnly', keys: ['x'], scope: 'history', help: 'only what needs attention / all', short: 'problems only', chars: ['x'] },
  { command: 'edit', keys: ['Enter'], scope: 'settings', help: 'edit the field', short: 'edit', changes: true, special: ['return'] },
  { command: 'password', keys: ['P'], scope: 'settings', help: 'type the SMTP password (this session only)', short: 'password', changes: true, chars: ['P'] },
  { command: 'testMail', keys: ['m'], scope: 'settings', help: 'send a test e-mail', short: 'test e-mail', changes: true, chars: ['m'] },
  { command: 'importCsv', keys: ['I'], scope: 'settings', help: 'import a CSV file', short: 'import CSV', changes: true, chars: ['I'] },
  { command: 'refresh', keys: ['R'], scope: 'global', help: 'reload data', chars: ['R'] },
  { command: 'nextScreen', keys: ['Tab'], scope: 'global', help: 'next screen', special: ['tab'] },
  { command: 'previousScreen', keys: ['Shift-Tab'], scope: 'global', help: 'previous screen', special: ['shiftTab'] },
  { command: 'screen1', keys: ['1'], scope: 'global', help: 'Due now', chars: ['1'] },
  { command: 'screen2', keys: ['2'], scope: 'global', help: 'Customers', chars: ['2'] },
  { command: 'screen3', keys: ['3'], scope: 'global', help: 'History', chars: ['3'] },
  { command: 'screen4', keys: ['4'], scope: 'global', help: 'Settings', chars: ['4'] },
  { command: 'statusDetail', keys: ['e'], scope: 'global', help: 'the status line in full, with the raw error text', chars: ['e'] },
  { command: 'back', keys: ['Esc'], scope: 'global', help: 'close the window / go back / stop sending', special: ['escape'] },
  { command: 'help', keys: ['?'], scope: 'global', help: 'this help', chars: ['?'] },
  { command: 'quit', keys: ['q'], scope: 'global', help: 'quit (while sending: asks first)', chars: ['q'] },
];

/** Titles of the scopes in the help screen. */
export const SCOPE_TITLES: Record<KeyScope, string> = {
  global: 'Everywhere',
  list: 'Lists',
  due: 'Due now; on Customers and a customer: statement now',
  customers: 'Customers',
  customer: 'Customer',
  history: 'History',
  settings: 'Settings',
};

/** Whether `key` is the special key `name` (Tab and Shift-Tab are told apart by the shift flag). */
function specialPressed(name: SpecialKey, key: Key): boolean {
  if (name === 'shiftTab') return key.tab && key.shift;
  if (name === 'tab') return key.tab && !key.shift;
  return key[name] === true;
}

/**
 * The command a key press means in the given scopes (first match in scope order wins), or null.
 * Scopes are listed most specific first so a screen key shadows a list key.
 */
export function commandFor(input: string, key: Key, scopes: readonly KeyScope[]): Command | null {
  for (const scope of scopes) {
    for (const binding of KEY_BINDINGS) {
      if (binding.scope !== scope) continue;
      if (binding.special?.some((name) => specialPressed(name, key))) return binding.command;
      if (!key.ctrl && !key.meta && binding.chars?.includes(input)) return binding.command;
    }
  }
  return null;
}
