/**
 * A dialog's own state outside React: keys change it at once (the next key of the same chunk
 * already sees the change), and the dialog's window component draws it and redraws on every change.
 */
import { useSyncExternalStore } from 'react';

/** A dialog's state, its reducer, and who draws it. */
export interface DialogStore<S, A> {
  get(): S;
  dispatch(action: A): void;
  subscribe(listener: () => void): () => void;
}

/** A store of `initial`, changed only through `reducer`. */
export function createDialogStore<S, A>(reducer: (state: S, action: A) => S, initial: S): DialogStore<S, A> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    dispatch: (action) => {
      const next = reducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** The current state of `store`; the component redraws when it changes. */
export function useDialogStore<S, A>(store: DialogStore<S, A>): S {
  return useSyncExternalStore(store.subscribe, store.get);
}
