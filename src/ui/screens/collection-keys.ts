/**
 * The customer detail's collection keys (docs/reference/tui.md §2.4): L profile, S statements, P
 * promise, D dispute or resolve the item under the cursor, N note. Each asks on the prompt line and
 * hands the answer to the services, which check it; a refusal keeps the prompt open with the
 * reason.
 */
import { isIsoDate } from '../../core/dates.js';
import type { Customer, Item } from '../../core/domain.js';
import { runCommand, type CommandHandlers } from '../command-handlers.js';
import type { Command } from '../keys.js';
import type { DeskServices } from '../services.js';
import type { Prompt } from '../dialogs/prompt.js';

/** Run a change and say `done` when it worked; resolves to the error text to show, or null. */
export type Change = (done: string, action: Promise<void>) => Promise<string | null>;

/** Where the keys act: the open customer and the open item under the cursor (if the items pane has it). */
export interface CollectionTarget {
  customer: Customer;
  item: Item | undefined;
}

/** `2026-12-15 500.00 transfer on the 15th` → date, optional amount, note. */
export function parsePromiseLine(line: string): { date: string; amount: string | undefined; note: string } | string {
  const [date = '', ...rest] = line.trim().split(/\s+/);
  if (!isIsoDate(date)) return `"${date}" is not a date (YYYY-MM-DD first, then an amount and a note if you like)`;
  const amount = rest[0] !== undefined && /^\d[\d.,]*$/.test(rest[0]) ? rest.shift() : undefined;
  return { date, amount, note: rest.join(' ') };
}

/** `2026-12-01 call back` → follow-up date and text; a line without a leading date is only text. */
export function parseNoteLine(line: string): { text: string; followUp: string | undefined } {
  const [first = '', ...rest] = line.trim().split(/\s+/);
  return isIsoDate(first) ? { followUp: first, text: rest.join(' ') } : { followUp: undefined, text: line.trim() };
}

/** What a collection command sees: where it acts, the services, the prompt line and how to report. */
interface CollectionKeyView {
  customer: Customer;
  item: Item | undefined;
  services: DeskServices;
  prompt: Prompt;
  change: Change;
  warn(text: string): void;
}

/** The collection commands of the customer detail. */
export const COLLECTION_COMMANDS: CommandHandlers<CollectionKeyView> = {
  statements: ({ customer, services, change, warn }) => {
    const code = customer.code;
    const on = !(customer.statements ?? customer.reminders);
    void change(`${code}: statements ${on ? 'on' : 'off'}`, services.setStatements(code, on)).then((error) => error && warn(error));
  },
  profile: ({ customer, services, prompt, change }) =>
    prompt.open({
      label: `Dunning profile of ${customer.code} (now ${customer.profile ?? 'default'})`,
      hint: `one of ${services.profileNames().join(', ')} · Esc cancels`,
      onSubmit: (value) => change(`${customer.code}: profile ${value.trim() || 'default'}`, services.setProfile(customer.code, value)),
    }),
  promise: ({ customer, services, prompt, change }) =>
    prompt.open({
      label: `Promise to pay of ${customer.code}`,
      hint: 'YYYY-MM-DD [amount] [note] · every open item in its currency · Esc cancels',
      onSubmit: (value) => {
        const parsed = parsePromiseLine(value);
        if (typeof parsed === 'string') return parsed;
        return services.recordPromise(customer.code, parsed.date, parsed.amount, parsed.note).then(
          (line) => change(line, Promise.resolve()),
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        );
      },
    }),
  dispute: ({ customer, item, services, prompt, change, warn }) => {
    const code = customer.code;
    if (item === undefined) {
      warn('choose an open item first (Tab to the items, ↑/↓), then press D');
      return;
    }
    if (item.dispute) {
      prompt.open({
        label: `Resolve the dispute of ${item.number} ("${item.dispute}")`,
        hint: 'how it was settled (optional) · Esc cancels',
        onSubmit: (value) => change(`${code} item ${item.number}: dispute resolved`, services.resolveDispute(code, item.number, value)),
      });
    } else {
      prompt.open({
        label: `Dispute ${item.number} of ${code}: reason`,
        hint: 'left out of reminders until resolved; the sales agent is told · Esc cancels',
        onSubmit: (value) =>
          services.markDisputed(code, item.number, value).then(
            (line) => change(line, Promise.resolve()),
            (error: unknown) => (error instanceof Error ? error.message : String(error)),
          ),
      });
    }
  },
  note: ({ customer, services, prompt, change }) =>
    prompt.open({
      label: `Note on ${customer.code}`,
      hint: '[YYYY-MM-DD follow-up] text · Esc cancels',
      onSubmit: (value) => {
        const { text, followUp } = parseNoteLine(value);
        return change(`${customer.code}: note added${followUp ? `, follow up on ${followUp}` : ''}`, services.addNote(customer.code, text, followUp));
      },
    }),
};

/** Handle a collection command on `target`; false when `command` is not one of them. */
export function handleCollectionKey(command: Command | null, target: CollectionTarget, services: DeskServices, prompt: Prompt, change: Change, warn: (text: string) => void): boolean {
  return runCommand(COLLECTION_COMMANDS, command, { ...target, services, prompt, change, warn }) ?? false;
}
