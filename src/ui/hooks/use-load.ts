/** Load data for a screen whenever its inputs change, ignoring answers that arrive too late. */
import { useEffect } from 'react';
import { errorText } from '../desk-context.js';

/**
 * Run `load` when any of `deps` changes and hand the result to `loaded` (or the error text to
 * `failed`), unless the inputs changed again before it answered.
 */
export function useLoad<T>(load: () => Promise<T>, loaded: (value: T) => void, failed: (error: string) => void, deps: readonly unknown[]): void {
  useEffect(() => {
    let live = true;
    load().then(
      (value) => {
        if (live) loaded(value);
      },
      (error: unknown) => {
        if (live) failed(errorText(error));
      },
    );
    return () => {
      live = false;
    };
    // The caller names what the load depends on.
  }, deps);
}
