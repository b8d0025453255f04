/**
 * A search index of folded row texts, built in small steps between keys (so a 100,000-row list
 * never blocks the keyboard) and finished at once when a search needs it earlier.
 */
import { foldText } from './text-fold.js';

/** Folded texts of one row list. */
interface Progress {
  folded: string[];
  done: number;
}

/** An index over row lists (each list identified by its array). */
export interface FoldIndex<R> {
  /** Every row's folded text (completes the index if warming has not finished). */
  full(rows: readonly R[]): string[];
  /** Fold the next `step` rows; false once complete. */
  warm(rows: readonly R[], step?: number): boolean;
  /** The rows whose folded text contains the folded query (all rows for an empty query). */
  search(rows: readonly R[], query: string): R[];
}

/** Build an index that folds `text(row)` for each row. */
export function createFoldIndex<R>(text: (row: R) => string): FoldIndex<R> {
  const lists = new WeakMap<readonly R[], Progress>();
  const progressOf = (rows: readonly R[]): Progress => {
    let progress = lists.get(rows);
    if (!progress) lists.set(rows, (progress = { folded: new Array<string>(rows.length), done: 0 }));
    return progress;
  };
  const foldUntil = (rows: readonly R[], progress: Progress, until: number): void => {
    for (; progress.done < until; progress.done += 1) progress.folded[progress.done] = foldText(text(rows[progress.done]!));
  };
  const full = (rows: readonly R[]): string[] => {
    const progress = progressOf(rows);
    foldUntil(rows, progress, rows.length);
    return progress.folded;
  };
  return {
    full,
    warm: (rows, step = 500) => {
      const progress = progressOf(rows);
      foldUntil(rows, progress, Math.min(rows.length, progress.done + step));
      return progress.done < rows.length;
    },
    search: (rows, query) => {
      const q = foldText(query.trim());
      if (q === '') return [...rows];
      const folded = full(rows);
      return rows.filter((_, i) => folded[i]!.includes(q));
    },
  };
}

/** Warm `index` over `rows` one step per event-loop turn; returns a function that stops it. */
export function warmInSteps<R>(index: FoldIndex<R>, rows: readonly R[]): () => void {
  let timer: NodeJS.Immediate | undefined;
  const step = (): void => {
    timer = index.warm(rows) ? setImmediate(step) : undefined;
  };
  timer = setImmediate(step);
  return () => {
    if (timer) clearImmediate(timer);
  };
}
