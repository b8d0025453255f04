/**
 * The customer detail screen, opened with Enter on the Customers screen: open items, e-mails, hold
 * (set or clear a hold-until date), reminders on/off, statement interval, and the history timeline
 * with the amount outstanding at each send; p / w / s preview, write or send a statement now. Its
 * state and reducer are in customer-detail-model.ts; the Customers screen holds them, so a key
 * sent right after Enter (in the same chunk) already reaches the detail.
 */
import type { Key } from 'ink';
import { Box, Text } from 'ink';
import React, { useEffect, useRef } from 'react';
import { isIsoDate } from '../../core/dates.js';
import type { PlannedMessage } from '../../core/plan.js';
import { agingHeight, AgingBars } from '../components/aging-bars.js';
import { VirtualTable } from '../components/virtual-table.js';
import { errorText, useDesk } from '../desk-context.js';
import { clip, fit } from '../format.js';
import { footer } from '../chrome.js';
import { commandFor } from '../keys.js';
import { listActionFor } from '../hooks/list-keys.js';
import { windowTop } from '../hooks/list-state.js';
import type { Preview } from '../hooks/use-preview.js';
import type { WriteRun } from '../hooks/use-write-run.js';
import type { Prompt } from '../hooks/use-prompt.js';
import { useRefReducer } from '../hooks/use-ref-reducer.js';
import { handleCollectionKey } from '../hooks/collection-keys.js';
import type { SendFlow } from '../hooks/use-send.js';
import { closedDetail, detailReducer, itemColumnsAt, timelineColumns, type DetailState } from './customer-detail-model.js';
import { STATUS_COLORS } from './history-rows.js';

/** The customer detail's controls, for the Customers screen that holds it. */
export interface CustomerDetailControl {
  /** The detail's state (a customer is open when `code` is set). */
  state: DetailState;
  isOpen(): boolean;
  open(code: string): void;
  handle(input: string, key: Key): boolean;
  /** The rows the focused pane shows, reported by the screen component (paging moves by it). */
  paneHeight: { current: number };
}

/** The customer detail's state, loading and keys, sharing the Customers screen's prompt, preview and send flow. */
export function useCustomerDetail(prompt: Prompt, preview: Preview, send: SendFlow, writes: WriteRun): CustomerDetailControl {
  const { services, asOf, version, notify, dataChanged } = useDesk();
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

  const change = (done: string, action: Promise<void>): Promise<string | null> =>
    action.then(
      () => {
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

  const handle = (input: string, key: Key): boolean => {
    const s = ref.current;
    if (s.code === null) return false;
    const code = s.code;
    const detail = s.detail;
    const command = commandFor(input, key, ['customer', 'due', 'list', 'global']);
    const rows = s.pane === 'items' ? (detail?.items.length ?? 0) : (detail?.timeline.length ?? 0);
    const action = listActionFor(command, () => [], rows, paneHeight.current, null);
    if (action && command !== 'toggle' && command !== 'selectAll' && command !== 'selectNone') {
      dispatch({ type: 'list', action });
      return true;
    }
    switch (command) {
      case 'back':
        dispatch({ type: 'close' });
        return true;
      case 'pane':
        dispatch({ type: 'pane' });
        return true;
      case 'hold':
        askHoldDate(code, detail?.customer.holdUntil ?? null, (until) => services.setHold(code, until));
        return true;
      case 'itemHold': {
        const item = s.pane === 'items' ? detail?.items[s.items.cursor] : undefined;
        if (!item) notify('choose an open item first (Tab to the items, ↑/↓), then press H', 'warn');
        else askHoldDate(`${code} item ${item.number}`, item.holdUntil, (until) => services.setItemHold(code, item.number, until));
        return true;
      }
      case 'reminders':
        if (detail) {
          const on = !detail.customer.reminders;
          void change(`${code}: reminders ${on ? 'on' : 'off'}`, services.setReminders(code, on)).then((error) => error && notify(error, 'error'));
        }
        return true;
      case 'interval':
        prompt.open({
            label: `Statement every (days) for ${code}`,
            initial: detail?.customer.statementEveryDays?.toString() ?? '',
            hint: 'whole days ≥ 1 · empty = the policy default',
            onSubmit: (value) => {
              const text = value.trim();
              if (text !== '' && !/^\d+$/.test(text)) return `"${text}" is not a whole number of days`;
              const days = text === '' ? null : Number(text);
              if (days !== null && days < 1) return 'the interval must be at least 1 day';
              return change(`${code}: statement interval ${days ?? 'from the policy'}`, services.setStatementInterval(code, days));
            },
          });
        return true;
      case 'preview':
      case 'open':
        withStatements(([first, ...more]) => {
          // The preview shows one message; the other currencies are named so none is overlooked.
          if (more.length > 0) notify(`${code}: ${more.length + 1} statements (${[first!, ...more].map((m) => m.currency).join(', ')}); w writes and s sends them all`, 'ok');
          preview.open(first!);
        });
        return true;
      case 'write':
        withStatements((messages) => writes.request(messages, paneHeight.current));
        return true;
      case 'send':
        withStatements((messages) => send.request(messages));
        return true;
      case 'search':
      case 'filters':
      case 'toggle':
      case 'selectAll':
      case 'selectNone':
        return true;
      default: {
        if (!detail) return false;
        const item = s.pane === 'items' ? detail.items[s.items.cursor] : undefined;
        return handleCollectionKey(command, { customer: detail.customer, item }, services, prompt, change, (text) => notify(text, 'warn'));
      }
    }
  };

  return { state, isOpen: () => ref.current.code !== null, open: (code) => dispatch({ type: 'open', code }), handle, paneHeight };
}

/** Props of the customer detail screen. */
export interface CustomerDetailProps {
  state: DetailState;
  height: number;
  width: number;
  /** The screen's prompt line, drawn under the lists while it is open. */
  promptElement: React.JSX.Element | null;
  /** Told how many rows the focused pane shows. */
  paneHeight: { current: number };
}

/** The customer detail screen. */
export function CustomerDetailScreen({ state, height, width, promptElement, paneHeight }: CustomerDetailProps): React.JSX.Element | null {
  const { review, asOf } = useDesk();
  if (state.code === null) return null;
  const d = state.detail;
  if (!d) {
    return <Text color={state.error ? 'red' : undefined}>{state.error ?? `loading ${state.code}…`}</Text>;
  }
  const c = d.customer;
  const emails = [c.email, c.email2, c.email3].filter((e): e is string => !!e);
  const info = [
    `${c.code}  ${c.name}  · ${c.language} · ${c.currency}${c.agentEmail ? ` · agent ${c.agentEmail}` : ''}`,
    `E-mail: ${emails.join(', ') || '(none)'}`,
    `Reminders: ${c.reminders ? 'on' : 'OFF'} (r) · Hold: ${c.holdUntil && c.holdUntil >= asOf ? `until ${c.holdUntil}` : 'none'} (h) · ` +
      `Statement every: ${d.effectiveStatementEveryDays === null ? 'off' : `${d.effectiveStatementEveryDays} days`}${c.statementEveryDays === null ? ' (policy)' : ''} (i)`,
    `Profile: ${c.profile ?? 'default'} (L) · Statements: ${(c.statements ?? c.reminders) ? 'on' : 'OFF'} (S) · promise (P) · dispute (D) · note (N)`,
    // The latest promises, disputes and notes, newest first.
    ...d.collection.slice(0, 3),
  ];
  const agingLines = agingHeight(d.aging, 3);
  const promptLines = promptElement ? 2 : 0;
  const rest = Math.max(4, height - 2 - info.length - agingLines - promptLines - 1);
  const itemsHeight = Math.max(1, Math.floor(rest / 2) - 1);
  const timelineHeight = Math.max(1, rest - itemsHeight - 2);
  paneHeight.current = state.pane === 'items' ? itemsHeight : timelineHeight;
  const itemColumns = itemColumnsAt(asOf);
  return (
    <Box flexDirection="column">
      <Text inverse bold wrap="truncate">
        {fit(` Customer — Esc back · ${footer(['pane', 'hold', 'itemHold', 'reminders', 'interval', 'statements', 'profile', 'promise', 'dispute', 'note', 'preview', 'write', 'send'], review, Math.max(0, width - 20))}`, width)}
      </Text>
      {info.map((line) => (
        <Text key={line} wrap="truncate">
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
      {promptElement}
    </Box>
  );
}
