/**
 * Bank: the credits a bank statement left unmatched (docs/reference/bank.md §4), oldest first. Enter
 * assigns the one under the cursor: a search finds the customer by code or name, then the invoice
 * numbers it pays may be typed (none: on account); the payer's IBAN is remembered for next time.
 */
import type { Key } from 'ink';
import { Box, Text } from 'ink';
import React, { useRef, useState } from 'react';
import type { CustomerMatch, UnmatchedCredit } from '../../actions/bank.js';
import { footer } from '../chrome.js';
import { runCommand, type CommandHandlers } from '../command-handlers.js';
import type { Column } from '../components/virtual-table.js';
import { VirtualTable } from '../components/virtual-table.js';
import { errorText, useDesk, useScreenKeys, type Desk, type ScreenProps } from '../desk-context.js';
import { PromptLine, usePrompt, type Prompt } from '../dialogs/prompt.js';
import { clip, formatAmount, formatCount } from '../format.js';
import { listActionFor } from '../hooks/list-keys.js';
import { initialList, listReducer, windowTop, type ListState } from '../hooks/list-state.js';
import { useLoad } from '../hooks/use-load.js';
import type { Command } from '../keys.js';

/** What a Bank command sees. */
interface BankKeyView {
  current: UnmatchedCredit | null;
  desk: Desk;
  prompt: Prompt;
  /** Reload the list, say `text`, and tell the other screens the data changed. */
  assigned(text: string): void;
}

const COLUMNS: readonly Column<UnmatchedCredit>[] = [
  { title: 'Date', width: 10, cell: (c) => c.date },
  { title: 'Amount', width: 14, fitContent: true, align: 'right', cell: (c) => formatAmount(c.amount, c.currency) },
  { title: 'Debtor', width: 24, min: 10, cell: (c) => c.debtor || '(no name)' },
  { title: 'Text', width: 30, min: 10, cell: (c) => c.text || c.creditorRef || '' },
  { title: 'Reference', width: 18, drop: 1, cell: (c) => c.ref },
];

/** The customer a search means: the one whose code it is, else the only one found. */
function chosen(query: string, found: readonly CustomerMatch[]): CustomerMatch | string {
  const exact = found.find((customer) => customer.code.toUpperCase() === query.trim().toUpperCase());
  if (exact) return exact;
  if (found.length === 1) return found[0]!;
  if (found.length === 0) return `no customer's code or name contains "${query}"`;
  return `${found.length === 20 ? 'more than 19' : found.length} customers match: ${found.slice(0, 4).map((c) => `${c.code} ${c.name}`).join(', ')}${found.length > 4 ? ', …' : ''} — type more`;
}

/** The Bank screen's commands. */
export const BANK_COMMANDS: CommandHandlers<BankKeyView> = {
  assignCredit: ({ current, desk, prompt, assigned }) => {
    if (!current) return;
    const { services } = desk;
    prompt.open({
      label: `Assign ${formatAmount(current.amount, current.currency)} from ${current.debtor || current.ref} to customer`,
      hint: 'code or name · Enter search · Esc cancel',
      onSubmit: async (query) => {
        if (query.trim() === '') return 'type a customer code or part of the name';
        const customer = chosen(query, await services.searchCustomers(query));
        if (typeof customer === 'string') return customer;
        // The second question replaces this one: the prompt closes only the request it answered.
        askItems(current, customer, desk, prompt, assigned);
        return null;
      },
    });
  },
};

/** Ask which invoices of `customer` the credit pays (empty: on account), then assign it. */
function askItems(credit: UnmatchedCredit, customer: CustomerMatch, desk: Desk, prompt: Prompt, assigned: (text: string) => void): void {
  prompt.open({
    label: `${customer.code} ${customer.name}: invoices paid`,
    hint: 'numbers separated by spaces, in the order paid · empty = on account · Esc cancel',
    onSubmit: async (answer) => {
      const items = answer.split(/[\s,;]+/).filter((word) => word !== '');
      try {
        const done = await desk.services.assignCredit(credit.ref, customer.code, items);
        const parts = done.payments.map((p) => `${formatAmount(p.amount, p.currency)} ${p.itemNumber === null ? 'on account' : `to ${p.itemNumber}`}`);
        assigned(`credit ${credit.ref} assigned to ${customer.code}: ${parts.join(', ')}${credit.iban ? `; ${credit.iban} remembered` : ''}`);
        return null;
      } catch (error) {
        return errorText(error);
      }
    },
  });
}

/** The Bank screen. */
export function BankScreen({ height, width, active }: ScreenProps): React.JSX.Element {
  const desk = useDesk();
  const { services, review, version, notify, dataChanged } = desk;
  const [credits, setCredits] = useState<UnmatchedCredit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [list, setList] = useState<ListState>(initialList);
  const state = useRef({ credits, list });
  state.current = { credits, list };
  const prompt = usePrompt();
  const tableHeight = useRef(10);

  useLoad(() => services.unmatchedCredits(), setCredits, setError, [services, version]);

  const assigned = (text: string): void => {
    void services.unmatchedCredits().then(setCredits, (failure: unknown) => setError(errorText(failure))).then(() => {
      notify(text, 'ok');
      dataChanged();
    });
  };

  const handle = (command: Command | null, _input: string, _key: Key): boolean => {
    const rows = state.current.credits ?? [];
    const cursor = state.current.list.cursor;
    const current = rows[cursor] ?? null;
    const action = listActionFor(command, () => rows.map((c) => c.ref), rows.length, tableHeight.current, current?.ref ?? null);
    if (action) {
      setList((before) => listReducer(before, action));
      return true;
    }
    return runCommand(BANK_COMMANDS, command, { current, desk, prompt, assigned }) ?? false;
  };
  useScreenKeys(handle, () => ['bank', 'list']);

  const rows = credits ?? [];
  const promptLines = prompt.shown ? 2 : 0;
  const bodyHeight = Math.max(1, height - 3 - promptLines);
  tableHeight.current = bodyHeight;
  const top = windowTop(list.top, list.cursor, bodyHeight, rows.length);
  const total = new Map<string, number>();
  for (const credit of rows) total.set(credit.currency, (total.get(credit.currency) ?? 0) + credit.amount);
  const header = credits === null
    ? (error ? `Could not load the bank credits: ${error}` : 'Loading bank credits…')
    : `Bank — ${formatCount(rows.length)} unmatched credit${rows.length === 1 ? '' : 's'}` +
      ([...total].map(([currency, amount]) => ` · ${formatAmount(amount, currency)}`).join(''));
  return (
    <Box flexDirection="column" height={height}>
      <Text bold color={rows.length > 0 ? 'yellow' : undefined} wrap="truncate">
        {clip(header, width)}
      </Text>
      <VirtualTable
        rows={rows}
        columns={COLUMNS}
        rowKey={(c) => c.ref}
        top={top}
        cursor={list.cursor}
        height={bodyHeight}
        width={width}
        focused={active}
        empty={credits ? 'no unmatched credits: import a statement with duedesk import bank FILE' : ''}
      />
      <Box flexGrow={1} />
      <PromptLine prompt={prompt} />
      <Text dimColor wrap="truncate">
        {footer(desk.keys, ['assignCredit'], review, width, desk.roleRefusal)}
      </Text>
    </Box>
  );
}
