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
  | 'preview'
  | 'write'
  | 'send'
  | 'open'
  | 'back'
  | 'help'
  | 'quit'
  | 'nextScreen'
  | 'screen1'
  | 'screen2'
  | 'screen3'
  | 'screen4'
  | 'skipped'
  | 'hold'
  | 'reminders'
  | 'interval'
  | 'pane'
  | 'retry'
  | 'problemsOnly'
  | 'markDelivered'
  | 'markNotDelivered'
  | 'edit'
  | 'testMail'
  | 'importCsv'
  | 'password'
  | 'refresh';

/** Where a binding applies: everywhere, or only on one screen or view. */
export type KeyScope = 'global' | 'list' | 'due' | 'customer' | 'history' | 'settings';

/** One binding: the keys, the command, where it works and what the help says. */
export interface KeyBinding {
  command: Command;
  /** Human names of the keys, as the help shows them. */
  keys: string[];
  scope: KeyScope;
  help: string;
  /** Printable characters that trigger it. */
  chars?: string[];
  /** Special keys (ink Key flags) that trigger it. */
  special?: SpecialKey[];
}

/** Special (non-printable) keys the table can name. */
export type SpecialKey = 'upArrow' | 'downArrow' | 'pageUp' | 'pageDown' | 'return' | 'escape' | 'tab' | 'home' | 'end';

/** The one key-binding table. Order is the order of the help screen. */
export const KEY_BINDINGS: readonly KeyBinding[] = [
  { command: 'up', keys: ['↑', 'k'], scope: 'list', help: 'move up', chars: ['k'], special: ['upArrow'] },
  { command: 'down', keys: ['↓', 'j'], scope: 'list', help: 'move down', chars: ['j'], special: ['downArrow'] },
  { command: 'pageUp', keys: ['PgUp'], scope: 'list', help: 'page up', special: ['pageUp'] },
  { command: 'pageDown', keys: ['PgDn'], scope: 'list', help: 'page down', special: ['pageDown'] },
  { command: 'home', keys: ['Home', 'g'], scope: 'list', help: 'first row', chars: ['g'], special: ['home'] },
  { command: 'end', keys: ['End', 'G'], scope: 'list', help: 'last row', chars: ['G'], special: ['end'] },
  { command: 'toggle', keys: ['space'], scope: 'list', help: 'select / deselect the row', chars: [' '] },
  { command: 'selectAll', keys: ['a'], scope: 'list', help: 'select all visible rows', chars: ['a'] },
  { command: 'selectNone', keys: ['n'], scope: 'list', help: 'select none', chars: ['n'] },
  { command: 'search', keys: ['/'], scope: 'list', help: 'search (any case, accents ignored)', chars: ['/'] },
  { command: 'filters', keys: ['f'], scope: 'list', help: 'filters', chars: ['f'] },
  { command: 'open', keys: ['Enter'], scope: 'list', help: 'open the row', special: ['return'] },
  { command: 'preview', keys: ['p'], scope: 'due', help: 'preview the e-mail and statement (a customer: statement now)', chars: ['p'] },
  { command: 'write', keys: ['w'], scope: 'due', help: 'write .eml and .pdf of the selected (or current) message', chars: ['w'] },
  { command: 'send', keys: ['s'], scope: 'due', help: 'send the selected messages (asks first)', chars: ['s'] },
  { command: 'skipped', keys: ['x'], scope: 'due', help: 'show skipped customers / planned messages', chars: ['x'] },
  { command: 'hold', keys: ['h'], scope: 'customer', help: 'set or clear a hold-until date', chars: ['h'] },
  { command: 'reminders', keys: ['r'], scope: 'customer', help: 'reminders on / off', chars: ['r'] },
  { command: 'interval', keys: ['i'], scope: 'customer', help: 'statement interval (days)', chars: ['i'] },
  { command: 'pane', keys: ['Tab'], scope: 'customer', help: 'switch between open items and history', special: ['tab'] },
  { command: 'retry', keys: ['r'], scope: 'history', help: 'retry a failed message', chars: ['r'] },
  { command: 'markDelivered', keys: ['d'], scope: 'history', help: 'mark an uncertain message as delivered', chars: ['d'] },
  { command: 'problemsOnly', keys: ['x'], scope: 'history', help: 'only uncertain and failed / all', chars: ['x'] },
  { command: 'markNotDelivered', keys: ['u'], scope: 'history', help: 'mark an uncertain message as not delivered', chars: ['u'] },
  { command: 'edit', keys: ['Enter'], scope: 'settings', help: 'edit the field', special: ['return'] },
  { command: 'password', keys: ['P'], scope: 'settings', help: 'type the SMTP password (this session only)', chars: ['P'] },
  { command: 'testMail', keys: ['m'], scope: 'settings', help: 'send a test e-mail', chars: ['m'] },
  { command: 'importCsv', keys: ['I'], scope: 'settings', help: 'import a CSV file', chars: ['I'] },
  { command: 'refresh', keys: ['R'], scope: 'global', help: 'reload data', chars: ['R'] },
  { command: 'nextScreen', keys: ['Tab'], scope: 'global', help: 'next screen', special: ['tab'] },
  { command: 'screen1', keys: ['1'], scope: 'global', help: 'Due now', chars: ['1'] },
  { command: 'screen2', keys: ['2'], scope: 'global', help: 'Customers', chars: ['2'] },
  { command: 'screen3', keys: ['3'], scope: 'global', help: 'History', chars: ['3'] },
  { command: 'screen4', keys: ['4'], scope: 'global', help: 'Settings', chars: ['4'] },
  { command: 'back', keys: ['Esc'], scope: 'global', help: 'close the window / go back / stop sending', special: ['escape'] },
  { command: 'help', keys: ['?'], scope: 'global', help: 'this help', chars: ['?'] },
  { command: 'quit', keys: ['q'], scope: 'global', help: 'quit', chars: ['q'] },
];

/** Titles of the scopes in the help screen. */
export const SCOPE_TITLES: Record<KeyScope, string> = {
  global: 'Everywhere',
  list: 'Lists',
  due: 'Due now; on Customers and a customer: statement now',
  customer: 'Customer',
  history: 'History',
  settings: 'Settings',
};

/**
 * The command a key press means in the given scopes (first match in scope order wins), or null.
 * Scopes are listed most specific first so a screen key shadows a list key.
 */
export function commandFor(input: string, key: Key, scopes: readonly KeyScope[]): Command | null {
  for (const scope of scopes) {
    for (const binding of KEY_BINDINGS) {
      if (binding.scope !== scope) continue;
      if (binding.special?.some((name) => key[name] === true)) return binding.command;
      if (!key.ctrl && !key.meta && binding.chars?.includes(input)) return binding.command;
    }
  }
  return null;
}
