/**
 * Key bindings as data (docs/reference/tui.md §2): one table maps keys to commands; the handlers,
 * the `?` help screen, the footers and review mode's refusal all read it, so they cannot drift
 * apart. The list and global keys are here; each screen declares its own scope of keys in its own
 * file, and the screen registry (screens/registry.ts) puts them together into the desk's one table.
 */
import type { Key } from 'ink';

/**
 * Everything a key can ask for, named by the binding that declares it: the list and global
 * commands below, and each screen's own commands in its key scope.
 */
export type Command = string;

/** Where a binding applies: everywhere (`global`), on every list (`list`), or one screen's scope. */
export type KeyScope = string;

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
  /**
   * The desk method it calls: a session whose role is below what that action needs
   * (docs/reference/roles.md §3.1) is refused the key, like review mode, saying which role it needs.
   */
  action?: string;
  /** Printable characters that trigger it. */
  chars?: string[];
  /** Special keys (ink Key flags) that trigger it. */
  special?: SpecialKey[];
}

/** Special (non-printable) keys the table can name. */
export type SpecialKey = 'upArrow' | 'downArrow' | 'pageUp' | 'pageDown' | 'return' | 'escape' | 'tab' | 'shiftTab' | 'home' | 'end';

/** One scope of the table: its help title and its bindings, in the order the help lists them. */
export interface ScopeKeys {
  scope: KeyScope;
  title: string;
  bindings: readonly Omit<KeyBinding, 'scope'>[];
}

/** The keys of every list: move, page, select, search, filter, sort. */
export const LIST_KEYS: ScopeKeys = {
  scope: 'list',
  title: 'Lists',
  bindings: [
    { command: 'up', keys: ['↑', 'k'], help: 'move up', chars: ['k'], special: ['upArrow'] },
    { command: 'down', keys: ['↓', 'j'], help: 'move down', chars: ['j'], special: ['downArrow'] },
    { command: 'pageUp', keys: ['PgUp'], help: 'page up', special: ['pageUp'] },
    { command: 'pageDown', keys: ['PgDn'], help: 'page down', special: ['pageDown'] },
    { command: 'home', keys: ['Home', 'g'], help: 'first row', chars: ['g'], special: ['home'] },
    { command: 'end', keys: ['End', 'G'], help: 'last row', chars: ['G'], special: ['end'] },
    { command: 'open', keys: ['Enter'], help: 'open the row', short: 'open', special: ['return'] },
    { command: 'toggle', keys: ['space'], help: 'select / deselect the row', short: 'select', chars: [' '] },
    { command: 'selectAll', keys: ['a'], help: 'select all visible rows', short: 'all', chars: ['a'] },
    { command: 'selectNone', keys: ['n'], help: 'select none', short: 'none', chars: ['n'] },
    { command: 'search', keys: ['/'], help: 'search (any case, accents ignored)', short: 'search', chars: ['/'] },
    { command: 'filters', keys: ['f'], help: 'filters', short: 'filters', chars: ['f'] },
    { command: 'sort', keys: ['o'], help: 'sort by the next column (total, days overdue, name, level…)', short: 'sort', chars: ['o'] },
    { command: 'sortReverse', keys: ['O'], help: 'reverse the sort order', chars: ['O'] },
  ],
};

/** The command that shows the `n`th screen (counted from 1), bound to the digit `n`. */
export function screenCommand(n: number): Command {
  return `screen${n}`;
}

/** The keys that work everywhere; `screenTitles` (in Tab order) get the digit keys 1, 2, … */
export function globalKeys(screenTitles: readonly string[]): ScopeKeys {
  return {
    scope: 'global',
    title: 'Everywhere',
    bindings: [
      { command: 'refresh', keys: ['R'], help: 'reload data', chars: ['R'] },
      { command: 'nextScreen', keys: ['Tab'], help: 'next screen', special: ['tab'] },
      { command: 'previousScreen', keys: ['Shift-Tab'], help: 'previous screen', special: ['shiftTab'] },
      ...screenTitles.map((title, i) => ({ command: screenCommand(i + 1), keys: [String(i + 1)], help: title, chars: [String(i + 1)] })),
      { command: 'statusDetail', keys: ['e'], help: 'the status line in full, with the raw error text', chars: ['e'] },
      { command: 'back', keys: ['Esc'], help: 'close the window / go back / stop sending', special: ['escape'] },
      { command: 'help', keys: ['?'], help: 'this help', chars: ['?'] },
      { command: 'quit', keys: ['q'], help: 'quit (while sending: asks first)', chars: ['q'] },
    ],
  };
}

/** The desk's one key table, put together from its scopes. */
export interface KeyTable {
  /** Every binding, scope by scope in help order. */
  bindings: readonly KeyBinding[];
  /** The scopes with their help titles, in help order. */
  scopes: readonly { scope: KeyScope; title: string }[];
  /**
   * The command a key press means in the given scopes (first match in scope order wins), or null.
   * Scopes are listed most specific first so a screen key shadows a list key.
   */
  commandFor(input: string, key: Key, scopes: readonly KeyScope[]): Command | null;
  /** The binding of `command` that has a footer label, if any. */
  footerBinding(command: Command): KeyBinding | undefined;
}

/** Whether `key` is the special key `name` (Tab and Shift-Tab are told apart by the shift flag). */
function specialPressed(name: SpecialKey, key: Key): boolean {
  if (name === 'shiftTab') return key.tab && key.shift;
  if (name === 'tab') return key.tab && !key.shift;
  return key[name] === true;
}

/** The key table of `scopes`, listed in help order. */
export function keyTable(scopes: readonly ScopeKeys[]): KeyTable {
  const byScope = new Map(scopes.map((s) => [s.scope, s.bindings.map((b): KeyBinding => ({ ...b, scope: s.scope }))]));
  const bindings = [...byScope.values()].flat();
  return {
    bindings,
    scopes: scopes.map(({ scope, title }) => ({ scope, title })),
    commandFor: (input, key, wanted) => {
      for (const scope of wanted) {
        for (const binding of byScope.get(scope) ?? []) {
          if (binding.special?.some((name) => specialPressed(name, key))) return binding.command;
          if (!key.ctrl && !key.meta && binding.chars?.includes(input)) return binding.command;
        }
      }
      return null;
    },
    footerBinding: (command) => bindings.find((b) => b.command === command && b.short !== undefined),
  };
}
