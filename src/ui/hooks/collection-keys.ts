/**
 * The customer detail's collection keys (issue 16): L profile, S statements, P promise, D dispute
 * or resolve the item under the cursor, N note. Each asks on the prompt line and hands the answer
 * to the services, which check it; a refusal keeps the prompt open with the reason.
 */
import { isIsoDate } from '../../core/dates.js';
import type { Customer, Item } from '../../core/domain.js';
import type { Command } from '../keys.js';
import type { DeskServices } from '../services.js';
import type { Prompt } from './use-prompt.js';

/** Run a change and say `done` when it worked; resolves to the error text to show, or null. */
export type Change = (done: string, action: Promise<void>) => Promise<string | null>;

/** Where the keys act: the open customer and the open item under the cursor (if the items pane has it). */
export interface CollectionTarget {
  customer: Customer;
  item: Item | undefined;
}

/** `2026-12-15 500.00 transfer on the 15th` → date, optional amount, note. */
function parsePromiseLine(line: string): { date: string; amount: string | undefined; note: string } | string {
  const [date = '', ...rest] = line.trim().split(/\s+/);
  if (!isIsoDate(date)) return `"${date}" is not a date (YYYY-MM-DD first, then an amount and a note if you like)`;
  const amount = rest[0] !== undefined && /^\d[\d.,]*$/.test(rest[0]) ? rest.shift() : undefined;
  return { date, amount, note: rest.join(' ') };
}

/** `2026-12-01 call back` → follow-up date and text; a line without a leading date is only text. */
function parseNoteLine(line: string): { text: string; followUp: string | undefined } {
  const [first = '', ...rest] = line.trim().split(/\s+/);
  return isIsoDate(first) ? { followUp: first, text: rest.join(' ') } : { followUp: undefined, text: line.trim() };
}

/** Handle a collection command on `target`; false when `command` is not one of them. */
export function handleCollectionKey(command: Command | null, target: CollectionTarget, services: DeskServices, prompt: Prompt, change: Change, warn: (text: string) => void): boolean {
  const { customer, item } = target;
  const code = customer.code;
  switch (command) {
    case 'statements': {
      const on = !(customer.statements ?? customer.reminders);
      void change(`${code}: statements ${on ? 'on' : 'off'}`, services.setStatements(code, on)).then((error) => error && warn(error));
      return true;
    }
    case 'profile':
      prompt.open({
        label: `Dunning profile of ${code} (now ${customer.profile ?? 'default'})`,
        hint: `one of ${services.profileNames().join(', ')} · Esc cancels`,
        onSubmit: (value) => change(`${code}: profile ${value.trim() || 'default'}`, services.setProfile(code, value)),
      });
      return true;
    case 'promise':
      prompt.open({
        label: `Promise to pay of ${code}`,
        hint: 'YYYY-MM-DD [amount] [note] · every open item in its currency · Esc cancels',
        onSubmit: (value) => {
          const parsed = parsePromiseLine(value);
          if (typeof parsed === 'string') return parsed;
          return services.recordPromise(code, parsed.date, parsed.amount, parsed.note).then(
            (line) => change(line, Promise.resolve()),
            (error: unknown) => (error instanceof Error ? error.message : String(error)),
          );
        },
      });
      return true;
    case 'dispute':
      if (item === undefined) {
        warn('choose an open item first (Tab to the items, ↑/↓), then press D');
        return true;
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
      return true;
    case 'note':
      prompt.open({
        label: `Note on ${code}`,
        hint: '[YYYY-MM-DD follow-up] text · Esc cancels',
        onSubmit: (value) => {
          const { text, followUp } = parseNoteLine(value);
          return change(`${code}: note added${followUp ? `, follow up on ${followUp}` : ''}`, services.addNote(code, text, followUp));
        },
      });
      return true;
    default:
      return false;
  }
}
