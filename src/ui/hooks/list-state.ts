/**
 * List navigation and selection as a reducer (pure): cursor, scroll position and the selected
 * keys. Key handlers only dispatch; the table derives the visible window from this state.
 */
import { formatCount } from '../format.js';

/** How many of `rows` are selected (all of them when the list shows every row). */
export function selectedAmong<R>(rows: readonly R[], all: number, selected: ReadonlySet<string>, key: (row: R) => string): number {
  if (selected.size === 0) return 0;
  if (rows.length === all) return selected.size;
  let n = 0;
  for (const row of rows) if (selected.has(key(row))) n += 1;
  return n;
}

/** The header's selection part: `5 selected`, or `5 selected, 3 visible` when a search or filter hides some. */
export function selectionText(visible: number, selected: number): string {
  return visible === selected ? `${formatCount(selected)} selected` : `${formatCount(selected)} selected, ${formatCount(visible)} visible`;
}

/** Cursor, first visible row and the selected row keys of one list. */
export interface ListState {
  cursor: number;
  top: number;
  selected: ReadonlySet<string>;
}

/** What can happen to a list. `count` is the number of rows, `height` the visible rows. */
export type ListAction =
  | { type: 'move'; delta: number; count: number; height: number }
  | { type: 'jump'; to: 'start' | 'end'; count: number; height: number }
  | { type: 'toggle'; key: string }
  | { type: 'selectAll'; keys: readonly string[] }
  | { type: 'selectNone' }
  | { type: 'select'; keys: readonly string[] }
  | { type: 'deselect'; keys: readonly string[] }
  | { type: 'reset' };

/** A fresh list: cursor on the first row, nothing selected. */
export const initialList: ListState = { cursor: 0, top: 0, selected: new Set() };

/** The first visible row that keeps `cursor` inside a window of `height` rows. */
export function windowTop(top: number, cursor: number, height: number, count: number): number {
  const size = Math.max(1, height);
  let next = top;
  if (cursor < next) next = cursor;
  if (cursor >= next + size) next = cursor - size + 1;
  return Math.max(0, Math.min(next, Math.max(0, count - size)));
}

function clampCursor(cursor: number, count: number): number {
  return Math.max(0, Math.min(cursor, count - 1));
}

/** The list reducer. */
export function listReducer(state: ListState, action: ListAction): ListState {
  switch (action.type) {
    case 'move': {
      if (action.count === 0) return { ...state, cursor: 0, top: 0 };
      const cursor = clampCursor(state.cursor + action.delta, action.count);
      return { ...state, cursor, top: windowTop(state.top, cursor, action.height, action.count) };
    }
    case 'jump': {
      const cursor = action.to === 'start' ? 0 : Math.max(0, action.count - 1);
      return { ...state, cursor, top: windowTop(state.top, cursor, action.height, action.count) };
    }
    case 'toggle': {
      const selected = new Set(state.selected);
      if (selected.has(action.key)) selected.delete(action.key);
      else selected.add(action.key);
      return { ...state, selected };
    }
    case 'selectAll':
      return { ...state, selected: new Set(action.keys) };
    case 'select':
      return { ...state, selected: new Set([...state.selected, ...action.keys]) };
    case 'deselect': {
      if (!action.keys.some((key) => state.selected.has(key))) return state;
      const selected = new Set(state.selected);
      for (const key of action.keys) selected.delete(key);
      return { ...state, selected };
    }
    case 'selectNone':
      return { ...state, selected: new Set() };
    case 'reset':
      return { ...state, cursor: 0, top: 0 };
    default: {
      const never: never = action;
      return never;
    }
  }
}
