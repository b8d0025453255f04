/** The list commands every screen shares (move, page, select), turned into list reducer actions. */
import type { Command } from '../keys.js';
import type { ListAction } from './list-state.js';

/**
 * The list action for `command` on a list of `keys` (the visible, filtered rows) showing `height`
 * rows, or null when the command is not a list command.
 */
export function listActionFor(command: Command | null, keys: () => readonly string[], count: number, height: number, cursorKey: string | null): ListAction | null {
  const page = Math.max(1, height - 1);
  switch (command) {
    case 'up':
      return { type: 'move', delta: -1, count, height };
    case 'down':
      return { type: 'move', delta: 1, count, height };
    case 'pageUp':
      return { type: 'move', delta: -page, count, height };
    case 'pageDown':
      return { type: 'move', delta: page, count, height };
    case 'home':
      return { type: 'jump', to: 'start', count, height };
    case 'end':
      return { type: 'jump', to: 'end', count, height };
    case 'toggle':
      return cursorKey === null ? null : { type: 'toggle', key: cursorKey };
    case 'selectAll':
      return { type: 'selectAll', keys: keys() };
    case 'selectNone':
      return { type: 'selectNone' };
    default:
      return null;
  }
}

/** Remember the last result of `fn` for the same arguments (compared by identity). */
export function memoLast<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let lastResult: R | undefined;
  return (...args: A): R => {
    if (lastArgs !== null && args.length === lastArgs.length && args.every((a, i) => Object.is(a, lastArgs?.[i]))) {
      return lastResult as R;
    }
    lastArgs = args;
    lastResult = fn(...args);
    return lastResult;
  };
}
