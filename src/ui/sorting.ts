/**
 * Sorting a list by a column (pure): each list names the orders it offers; `o` steps to the next
 * one (the first is the list's own order), `O` reverses. Sorting is stable, so rows that tie keep
 * the list's own order.
 */

/** One order a list can be sorted in. */
export interface SortOption<R> {
  label: string;
  key(row: R): number | string;
  /** Largest first when not reversed (totals, days overdue). */
  descending?: boolean;
  /**
   * Rows are grouped by this first, in ascending order either way (amounts: by currency, so a total
   * is never compared with one in another currency), then sorted by `key` within their group.
   */
  group?(row: R): string;
}

/** Which order is chosen (an index into the list's options; 0 = the list's own order) and whether it is reversed. */
export interface SortState {
  by: number;
  reversed: boolean;
}

/** The list's own order. */
export const UNSORTED: SortState = { by: 0, reversed: false };

/**
 * The order after a key: `o` steps to the next of `count` options (back to the list's own order
 * after the last, not reversed); `O` (`reverse`) reverses the chosen one.
 */
export function stepSort(state: SortState, count: number, reverse: boolean): SortState {
  return reverse ? { ...state, reversed: !state.reversed } : { by: (state.by + 1) % Math.max(1, count), reversed: false };
}

/** `rows` in the chosen order (the same array when it is the list's own order). */
export function sortRows<R>(rows: readonly R[], options: readonly SortOption<R>[], state: SortState): readonly R[] {
  const option = options[state.by];
  if (!option || state.by === 0) return state.reversed ? [...rows].reverse() : rows;
  const sign = (option.descending ? -1 : 1) * (state.reversed ? -1 : 1);
  const group = option.group;
  const keyed = rows.map((row, index) => ({ row, index, key: option.key(row), group: group ? group(row) : '' }));
  keyed.sort((a, b) => {
    if (a.group !== b.group) return a.group < b.group ? -1 : 1;
    const order = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : String(a.key).localeCompare(String(b.key));
    return order !== 0 ? sign * order : a.index - b.index;
  });
  return keyed.map((k) => k.row);
}

/** The header's note on the order: `· sorted by total ↓`, or '' for the list's own order. */
export function sortText<R>(options: readonly SortOption<R>[], state: SortState): string {
  const option = options[state.by];
  if (!option || (state.by === 0 && !state.reversed)) return '';
  const down = (option.descending ?? false) !== state.reversed;
  return ` · sorted by ${option.label} ${down ? '↓' : '↑'}${option.group ? ' per currency' : ''} (o)`;
}
