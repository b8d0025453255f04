/**
 * useReducer whose current state is also readable synchronously through a ref. Key handlers read
 * `ref.current`, so keys sent back to back (before React re-renders) each see the state left by
 * the previous key.
 */
import { useCallback, useReducer, useRef, type MutableRefObject } from 'react';

/** [state for rendering, dispatch, ref to the latest state]. */
export function useRefReducer<S, A>(
  reducer: (state: S, action: A) => S,
  initial: S,
): [S, (action: A) => void, MutableRefObject<S>] {
  const ref = useRef(initial);
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const dispatch = useCallback(
    (action: A) => {
      const next = reducer(ref.current, action);
      if (next !== ref.current) {
        ref.current = next;
        bump();
      }
    },
    [reducer],
  );
  return [ref.current, dispatch, ref];
}
