/**
 * The customer keys pressed on the Customers list (docs/reference/tui.md §2.5): `h` holds the
 * selected customers (or the one under the cursor) after a prompt that states the count; the keys
 * that work on one customer only say so instead of doing nothing.
 */
import { isIsoDate } from '../../core/dates.js';
import { errorText, type Desk } from '../desk-context.js';
import type { Prompt } from '../dialogs/prompt.js';
import { formatCount } from '../format.js';
import type { Command } from '../keys.js';

/** What these keys see: the customers they act on and the desk. */
export interface ManyView {
  /** The selected customers the list shows, else the one under the cursor (or none). */
  codes: string[];
  /** Whether `codes` is a selection (not just the row under the cursor). */
  isSelection: boolean;
  desk: Desk;
  prompt: Prompt;
}

/** `3 customers` / `C00001`. */
function whom(codes: readonly string[]): string {
  return codes.length === 1 ? codes[0]! : `${formatCount(codes.length)} customers`;
}

/** Hold (or clear the hold of) every customer of `codes` until a date asked for once. */
export function holdMany({ codes, desk, prompt }: ManyView): void {
  if (codes.length === 0) return;
  const { services, asOf, notify, dataChanged } = desk;
  prompt.open({
    label: `Hold ${whom(codes)} until`,
    hint: 'YYYY-MM-DD · empty clears the hold · Esc cancels',
    onSubmit: async (value) => {
      const text = value.trim();
      if (text !== '' && !isIsoDate(text)) return `"${text}" is not a date (YYYY-MM-DD)`;
      if (text !== '' && text < asOf) return `${text} is in the past (today is ${asOf})`;
      try {
        for (const code of codes) await services.setHold(code, text === '' ? null : text);
      } catch (error: unknown) {
        notify(`could not hold ${whom(codes)}: ${errorText(error)}`, 'error');
        dataChanged();
        return null;
      }
      notify(text === '' ? `${whom(codes)}: hold cleared` : `${whom(codes)}: on hold until ${text}`, 'ok');
      dataChanged();
      return null;
    },
  });
}

/** The commands of one opened customer that have no meaning for a list of them yet. */
export const ONE_CUSTOMER_ONLY: readonly Command[] = ['itemHold', 'reminders', 'interval', 'statements', 'profile', 'promise', 'dispute', 'note'];

/** Say that `command` works on one customer only, and how to get there. */
export function oneCustomerOnly({ codes, isSelection, desk }: ManyView, command: Command): void {
  const binding = desk.keys.bindings.find((b) => b.command === command && b.scope === 'customer');
  const key = binding?.keys.at(-1) ?? command;
  const what = binding?.short ?? command;
  desk.notify(
    isSelection
      ? `${key} (${what}) works on one customer, not on the ${formatCount(codes.length)} selected: open one with Enter`
      : `${key} (${what}) works on one customer: open it with Enter`,
    'warn',
  );
}
