/**
 * The customer detail screen, opened with Enter on the Customers screen: open items, e-mails, hold
 * (set or clear a hold-until date), reminders on/off, statement interval, and the history timeline
 * with the amount outstanding at each send; p / w / s preview, write or send a statement now. Its
 * state and reducer are in customer-detail-model.ts; the Customers screen holds them, so a key
 * sent right after Enter (in the same chunk) already reaches the detail.
 */
import { Box, Text } from 'ink';
import React, { useEffect, useRef } from 'react';
import { isIsoDate } from '../../core/dates.js';
import type { Customer, Item } from '../../core/domain.js';
import { hasPostalAddress } from '../../core/postal-address.js';
import type { PlannedMessage } from '../../core/plan.js';
import type { CustomerDetail } from '../services.js';
import { agingHeight, AgingBars } from '../components/aging-bars.js';
import { VirtualTable } from '../components/virtual-table.js';
import { runCommand, type CommandHandlers } from '../command-handlers.js';
import { errorText, useDesk, type Desk } from '../desk-context.js';
import { clip, fit, wrapLine } from '../format.js';
import { footer } from '../chrome.js';
import type { Command } from '../keys.js';
import { listActionFor } from '../hooks/list-keys.js';
import { windowTop } from '../hooks/list-state.js';
import type { Preview } from '../dialogs/preview.js';
import type { WriteRun } from '../dialogs/write-run.js';
import { PromptLine, type Prompt } from '../dialogs/prompt.js';
import { useRefReducer } from '../hooks/use-ref-reducer.js';
import { handleCollectionKey, type Change } from './collection-keys.js';
import type { SendFlow } from '../dialogs/send.js';
import { closedDetail, detailReducer, itemColumnsAt, timelineColumns, type DetailAction, type DetailState } from './customer-detail-model.js';
import { STATUS_COLORS } from './history-rows.js';

/** The customer detail's controls, for the Customers screen that holds it. */
export interface CustomerDetailControl {
  /** The detail's state (a customer is open when `code` is set). */
  state: DetailState;
  isOpen(): boolean;
  open(code: string): void;
  /** A key on the open customer: `command` is what it means in the detail's scopes. */
  handle(command: Command | null): boolean;
  /** The rows the focused pane shows, reported by the screen component (paging moves by it). */
  paneHeight: { current: number };
}

/** What a customer detail command sees: the open customer, the item under the cursor, and what the detail can do. */
interface DetailKeyView {
  code: string;
  detail: CustomerDetail | null;
  /** The open item under the cursor, when the items pane has it. */
  item: Item | undefined;
  desk: Desk;
  prompt: Prompt;
  preview: Preview;
  writes: WriteRun;
  send: SendFlow;
  dispatch(action: DetailAction): void;
  change: Change;
  askHoldDate(what: string, current: string | null, save: (until: string | null) => Promise<void>): void;
  withStatements(use: (messages: PlannedMessage[]) => void): void;
  paneHeight: number;
}

/** Show the customer's statement now (one per currency: the first, and the others named). */
const previewStatement = ({ code, desk, preview, withStatements }: DetailKeyView): void =>
  withStatements(([first, ...more]) => {
    // The preview shows one message; the other currencies are named so none is overlooked.
    if (more.length > 0) desk.notify(`${code}: ${more.length + 1} statements (${[first!, ...more].map((m) => m.currency).join(', ')}); w writes and s sends them all`, 'ok');
    preview.open(first!);
  });

/** Keys of the lists that mean nothing on one customer: taken, so they do nothing. */
const ignored = (): void => undefined;

/** The customer detail's commands (the collection keys are in collection-keys.ts). */
export const DETAIL_COMMANDS: CommandHandlers<DetailKeyView> = {
  back: ({ dispatch }) => dispatch({ type: 'close' }),
  pane: ({ dispatch }) => dispatch({ type: 'pane' }),
  hold: ({ code, detail, desk, askHoldDate }) => askHoldDate(code, detail?.customer.holdUntil ?? null, (until) => desk.services.setHold(code, until)),
  itemHold: ({ code, item, desk, askHoldDate }) => {
    if (!item) desk.notify('choose an open item first (Tab to the items, ↑/↓), then press H', 'warn');
    else askHoldDate(`${code} item ${item.number}`, item.holdUntil, (until) => desk.services.setItemHold(code, item.number, until));
  },
  reminders: ({ code, detail, desk, change }) => {
    if (!detail) return;
    const on = !detail.customer.reminders;
    void change(`${code}: reminders ${on ? 'on' : 'off'}`, desk.services.setReminders(code, on)).then((error) => error && desk.notify(error, 'error'));
  },
  interval: ({ code, detail, desk, prompt, change }) =>
    prompt.open({
      label: `Statement every (days) for ${code}`,
      initial: detail?.customer.statementEveryDays?.toString() ?? '',
      hint: 'whole days ≥ 1 · empty = the policy default',
      onSubmit: (value) => {
        const text = value.trim();
        if (text !== '' && !/^\d+$/.test(text)) return `"${text}" is not a whole number of days`;
        const days = text === '' ? null : Number(text);
        if (days !== null && days < 1) return 'the interval must be at least 1 day';
        return change(`${code}: statement interval ${days ?? 'from the policy'}`, desk.services.setStatementInterval(code, days));
      },
    }),
  preview: previewStatement,
  open: previewStatement,
  write: ({ withStatements, writes, paneHeight }) => withStatements((messages) => writes.request(messages, paneHeight)),
  send: ({ withStatements, send }) => withStatements((messages) => send.request(messages)),
  search: ignored,
  filters: ignored,
  toggle: ignored,
  selectAll: ignored,
  selectNone: ignored,
};

/** The customer detail's state, loading and keys, sharing the Customers screen's prompt, preview and send flow. */
export function useCustomerDetail(prompt: Prompt, preview: Preview, send: SendFlow, writes: WriteRun): CustomerDetailControl {
  const desk = useDesk();
  const { services, asOf, version, notify, dataChanged } = desk;
  const [state, dispatch, ref] = useRefReducer(detailReducer, closedDetail);
  const paneHeight = useRef(5);

  useEffect(() => {
    const code = state.code;
    if (code === null) return;
    let live = true;
    services.customerDetail(code, asOf).then(
      (detail) => live && dispatch({ type: 'loaded', code, detail }),
      (error: unknown) => live && dispatch({ type: 'failed', code, error: errorText(error) }),
    );
    return () => {
      live = false;
    };
  }, [services, asOf, version, state.code, dispatch]);

  /**
   * The detail as it stands after a change is loaded before the status line says it is done, so
   * no frame shows "on hold until …" beside a row that is not held yet.
   */
  const reloaded = async (): Promise<void> => {
    const code = ref.current.code;
    if (code === null) return;
    await services.customerDetail(code, asOf).then(
      (detail) => dispatch({ type: 'loaded', code, detail }),
      // The reload of the version change that follows reports it.
      () => undefined,
    );
  };
  const change = (done: string, action: Promise<void>): Promise<string | null> =>
    action.then(
      async () => {
        await reloaded();
        notify(done, 'ok');
        dataChanged();
        return null;
      },
      (error: unknown) => errorText(error),
    );
  /** Ask for a hold-until date for `what` (empty clears it) and `save` it. */
  const askHoldDate = (what: string, current: string | null, save: (until: string | null) => Promise<void>): void =>
    prompt.open({
      label: `Hold ${what} until`,
      initial: current ?? '',
      hint: 'YYYY-MM-DD · empty clears the hold · Esc cancels',
      onSubmit: (value) => {
        const text = value.trim();
        if (text !== '' && !isIsoDate(text)) return `"${text}" is not a date (YYYY-MM-DD)`;
        if (text !== '' && text < asOf) return `${text} is in the past (today is ${asOf})`;
        return change(text === '' ? `${what}: hold cleared` : `${what}: on hold until ${text}`, save(text === '' ? null : text));
      },
    });
  /** The customer's statements now, one per currency, handed to `use` when there is any. */
  const withStatements = (use: (messages: PlannedMessage[]) => void): void => {
    const code = ref.current.code;
    if (code === null) return;
    services.statementsNow(code, asOf).then(
      (messages) => (messages.length > 0 ? use(messages) : notify(`${code}: nothing open, no statement to make`, 'warn')),
      (error: unknown) => notify(`statement for ${code}: ${errorText(error)}`, 'error'),
    );
  };

  const handle = (command: Command | null): boolean => {
    const s = ref.current;
    if (s.code === null) return false;
    const detail = s.detail;
    const rows = s.pane === 'items' ? (detail?.items.length ?? 0) : (detail?.timeline.length ?? 0);
    const action = listActionFor(command, () => [], rows, paneHeight.current, null);
    if (action && command !== 'toggle' && command !== 'selectAll' && command !== 'selectNone') {
      dispatch({ type: 'list', action });
      return true;
    }
    const item = s.pane === 'items' ? detail?.items[s.items.cursor] : undefined;
    const view: DetailKeyView = { code: s.code, detail, item, desk, prompt, preview, writes, send, dispatch, change, askHoldDate, withStatements, paneHeight: paneHeight.current };
    const taken = runCommand(DETAIL_COMMANDS, command, view);
    if (taken !== undefined) return taken;
    if (!detail) return false;
    return handleCollectionKey(command, { customer: detail.customer, item }, services, prompt, change, (text) => notify(text, 'warn'));
  };

  return { state, isOpen: () => ref.current.code !== null, open: (code) => dispatch({ type: 'open', code }), handle, paneHeight };
}

/** Props of the customer detail screen. */
export interface CustomerDetailProps {
  state: DetailState;
  height: number;
  width: number;
  /** The screen's prompt, drawn under the lists while it is open. */
  prompt: Prompt;
  /** Told how many rows the focused pane shows. */
  paneHeight: { current: number };
}

/** The postal address on one line, as the card shows it (the letter's layout is the PDF's). */
function postalSummary(c: Customer): string {
  if (!hasPostalAddress(c)) return '(no postal address: letters are held back)';
  return [c.addressLine1, c.addressLine2, [c.postalCode, c.city].filter(Boolean).join(' '), c.country].filter(Boolean).join(', ');
}

/** The customer detail screen. */
export function CustomerDetailScreen({ state, height, width, prompt, paneHeight }: CustomerDetailProps): React.JSX.Element | null {
  const { review, asOf, keys, roleRefusal } = useDesk();
  if (state.code === null) return null;
  const d = state.detail;
  if (!d) {
    return <Text color={state.error ? 'red' : undefined}>{state.error ?? `loading ${state.code}…`}</Text>;
  }
  const c = d.customer;
  const emails = [c.email, c.email2, c.email3].filter((e): e is string => !!e);
  const info = [
    `${c.code}  ${c.name}  · ${c.language} · ${c.currency}${c.agentEmail ? ` · agent ${c.agentEmail}` : ''}`,
    `E-mail: ${emails.join(', ') || '(none)'}${c.contactPerson ? ` · Contact: ${c.contactPerson}` : ''}${c.phone ? ` · Phone: ${c.phone}` : ''}`,
    `Post: ${postalSummary(c)}`,
    `Reminders: ${c.reminders ? 'on' : 'OFF'} (r) · Hold: ${c.holdUntil && c.holdUntil >= asOf ? `until ${c.holdUntil}` : 'none'} (h) · ` +
      `Statement every: ${d.effectiveStatementEveryDays === null ? 'off' : `${d.effectiveStatementEveryDays} days`}${c.statementEveryDays === null ? ' (policy)' : ''} (i)`,
    `Profile: ${c.profile ?? 'default'} (L) · Statements: ${(c.statements ?? c.reminders) ? 'on' : 'OFF'} (S) · promise (P) · dispute (D) · note (N)`,
    // The latest promises, disputes and notes, newest first, in full (wrapped, never cut).
    ...d.collection.slice(0, 3).flatMap((line) => wrapLine(line, Math.max(1, width))),
  ];
  const agingLines = agingHeight(d.aging, 3, width);
  const promptLines = prompt.shown ? 2 : 0;
  const rest = Math.max(4, height - 2 - info.length - agingLines - promptLines - 1);
  const itemsHeight = Math.max(1, Math.floor(rest / 2) - 1);
  const timelineHeight = Math.max(1, rest - itemsHeight - 2);
  paneHeight.current = state.pane === 'items' ? itemsHeight : timelineHeight;
  const itemColumns = itemColumnsAt(asOf);
  return (
    <Box flexDirection="column">
      <Text inverse bold wrap="truncate">
        {fit(` Customer — Esc back · ${footer(keys, ['pane', 'hold', 'itemHold', 'reminders', 'interval', 'statements', 'profile', 'promise', 'dispute', 'note', 'preview', 'write', 'send'], review, Math.max(0, width - 20), roleRefusal)}`, width)}
      </Text>
      {info.map((line, i) => (
        <Text key={`${i}`} wrap="truncate">
          {clip(line, width)}
        </Text>
      ))}
      <AgingBars aging={d.aging} width={width} maxLines={3} />
      <Text bold color={state.pane === 'items' ? 'cyan' : undefined} wrap="truncate">
        {clip(`Open items (${d.items.length})`, width)}
      </Text>
      <VirtualTable
        rows={d.items}
        columns={itemColumns}
        rowKey={(i) => i.number}
        top={windowTop(state.items.top, state.items.cursor, itemsHeight, d.items.length)}
        cursor={state.items.cursor}
        height={itemsHeight}
        width={width}
        focused={state.pane === 'items'}
        empty="no open items"
      />
      <Text bold color={state.pane === 'timeline' ? 'cyan' : undefined} wrap="truncate">
        {clip(`History (${d.timeline.length})`, width)}
      </Text>
      <VirtualTable
        rows={d.timeline}
        columns={timelineColumns}
        rowKey={(t) => String(t.id)}
        top={windowTop(state.timeline.top, state.timeline.cursor, timelineHeight, d.timeline.length)}
        cursor={state.timeline.cursor}
        height={timelineHeight}
        width={width}
        focused={state.pane === 'timeline'}
        rowColor={(t) => STATUS_COLORS[t.status]}
        empty="nothing sent yet"
      />
      <PromptLine prompt={prompt} />
    </Box>
  );
}
