/**
 * The Customers screen's disputes filter (docs/reference/tui.md §2.5): D shows only the customers
 * with a disputed open item, D again shows all. The set is read from the services when the filter
 * is turned on.
 */
import { useRef, useState } from 'react';
import { errorText } from '../desk-context.js';
import type { DeskServices } from '../services.js';

/** The filter: the codes kept (null: off), a toggle, and the rows it lets through. */
export interface DisputesFilter {
  /** Whether the filter is on (read in key handlers: a ref, not the render's value). */
  on(): boolean;
  toggle(): void;
  apply<T extends { code: string }>(rows: readonly T[]): readonly T[];
}

/** The disputes filter of a screen, loading through `services` and reporting through `notify`. */
export function useDisputesFilter(services: DeskServices, notify: (text: string, tone: 'ok' | 'warn' | 'error') => void): DisputesFilter {
  const codes = useRef<ReadonlySet<string> | null>(null);
  const [, redraw] = useState(0);
  const set = (next: ReadonlySet<string> | null): void => {
    codes.current = next;
    redraw((n) => n + 1);
  };
  return {
    on: () => codes.current !== null,
    toggle: () => {
      if (codes.current !== null) return set(null);
      services.disputedCustomers().then(
        (found) => {
          set(new Set(found));
          notify(`${found.length} customer${found.length === 1 ? '' : 's'} with a disputed item (D: all)`, 'ok');
        },
        (error: unknown) => notify(`disputes: ${errorText(error)}`, 'error'),
      );
    },
    apply: (rows) => {
      const kept = codes.current;
      return kept === null ? rows : rows.filter((row) => kept.has(row.code));
    },
  };
}
