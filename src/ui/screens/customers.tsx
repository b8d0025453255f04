/**
 * Customers: the aging of everything open drawn as bars per currency, then every customer with
 * open totals per currency and the oldest days overdue. Enter opens one (see customer-detail.tsx).
 */
import { Box, Text } from 'ink';
import React, { useEffect, useRef } from 'react';
import { agingHeight, AgingBars } from '../components/aging-bars.js';
import { VirtualTable, type Column } from '../components/virtual-table.js';
import { runCommand, type CommandHandlers } from '../command-handlers.js';
import { errorText, useDesk, useScreenKeys, type Desk, type ScreenProps } from '../desk-context.js';
import { describeFilters } from '../filters.js';
import { clip, formatAmount, formatCount } from '../format.js';
import { listActionFor } from '../hooks/list-keys.js';
import { selectedAmong, selectionText, windowTop } from '../hooks/list-state.js';
import { useLoad } from '../hooks/use-load.js';
import { useFilterForm, type FilterForm } from '../dialogs/filter-form.js';
import { useDisputesFilter, type DisputesFilter } from '../hooks/use-disputes-filter.js';
import { usePreview, type Preview } from '../dialogs/preview.js';
import { useWriteRun, type WriteRun } from '../dialogs/write-run.js';
import { openSearch, PromptLine, usePrompt, type Prompt } from '../dialogs/prompt.js';
import { useRefReducer } from '../hooks/use-ref-reducer.js';
import { useSend, type SendFlow } from '../dialogs/send.js';
import { footer } from '../chrome.js';
import type { Command } from '../keys.js';
import type { PlannedMessage } from '../../core/plan.js';
import type { CustomerRow } from '../services.js';
import { CUSTOMER_SORTS, customerIndex, customersReducer, initialCustomers, visibleCustomers, type CustomersAction, type CustomersState } from './customers-model.js';
import { sortText } from '../sorting.js';
import { warmInSteps } from '../fold-index.js';
import { CustomerDetailScreen, useCustomerDetail, type CustomerDetailControl } from './customer-detail.js';
import { holdMany, ONE_CUSTOMER_ONLY, oneCustomerOnly } from './customers-many.js';

const columns: Column<CustomerRow>[] = [
  { title: 'Code', width: 10, fitContent: true, cell: (r) => r.code },
  { title: 'Name', width: 26, min: 10, cell: (r) => r.name },
  { title: 'Open', width: 26, fitContent: true, align: 'right', cell: (r) => r.open.map((o) => formatAmount(o.amount, o.currency)).join('; ') },
  { title: 'Days', width: 5, drop: 3, align: 'right', cell: (r) => (r.oldestDaysOverdue === null ? '' : String(r.oldestDaysOverdue)) },
  {
    title: 'Flags',
    width: 16,
    fitContent: true,
    hideEmpty: true,
    drop: 1,
    // `off`: reminders off; a statements switch that differs from it is named; then the profile.
    cell: (r) => {
      const statements = r.statements === r.reminders ? '' : r.statements ? 'stmt on' : 'no stmt';
      return [r.reminders ? '' : 'off', statements, r.profile ?? '', r.holdUntil ? `hold ${r.holdUntil}` : ''].filter(Boolean).join(' ');
    },
  },
  { title: 'E-mail', width: 10, min: 10, drop: 2, cell: (r) => r.emails[0] ?? '(none)' },
];

/** What a Customers command sees: the list at the key press and what the screen can do. */
interface CustomersKeyView {
  state: CustomersState;
  /** The customer under the cursor. */
  current: CustomerRow | null;
  /** The codes of the selected customers the list shows. */
  selected: string[];
  dispatch(action: CustomersAction): void;
  prompt: Prompt;
  preview: Preview;
  writes: WriteRun;
  send: SendFlow;
  filterForm: FilterForm;
  disputes: DisputesFilter;
  detail: CustomerDetailControl;
  /** The statements now of these customers (customers with nothing open are named). */
  statementsFor(codes: string[]): Promise<PlannedMessage[]>;
  tableHeight: number;
  desk: Desk;
}

/** The Customers screen's commands (one customer opened has its own, in customer-detail.tsx). */
export const CUSTOMERS_COMMANDS: CommandHandlers<CustomersKeyView> = {
  open: ({ current, detail }) => {
    if (current) detail.open(current.code);
  },
  disputesOnly: ({ disputes, dispatch }) => {
    disputes.toggle();
    dispatch({ type: 'list', action: { type: 'reset' } });
  },
  search: ({ prompt, state, dispatch }) => openSearch(prompt, state.query, (query) => dispatch({ type: 'query', query })),
  filters: ({ filterForm, state }) => filterForm.open(state.filterText),
  sort: ({ dispatch }) => dispatch({ type: 'sort', reverse: false }),
  sortReverse: ({ dispatch }) => dispatch({ type: 'sort', reverse: true }),
  preview: ({ current, preview, statementsFor }) => {
    if (current) void statementsFor([current.code]).then(([m]) => m && preview.open(m));
  },
  write: ({ current, selected, writes, statementsFor, tableHeight }) => {
    const codes = selected.length > 0 ? selected : current ? [current.code] : [];
    void statementsFor(codes).then((messages) => writes.request(messages, tableHeight));
  },
  send: ({ selected, send, statementsFor }) => {
    if (selected.length === 0) send.request([]);
    else void statementsFor(selected).then((messages) => messages.length > 0 && send.request(messages));
  },
  hold: (view) => holdMany(manyOf(view)),
};

/** The customers a customer key on the list acts on: the selection, else the row under the cursor. */
function manyOf({ selected, current, desk, prompt }: CustomersKeyView): Parameters<typeof holdMany>[0] {
  return { codes: selected.length > 0 ? selected : current ? [current.code] : [], isSelection: selected.length > 0, desk, prompt };
}

/** The Customers screen. */
export function CustomersScreen({ height, width, active }: ScreenProps): React.JSX.Element {
  const desk = useDesk();
  const { services, review, asOf, version, notify, keys } = desk;
  const writes = useWriteRun();
  const [state, dispatch, ref] = useRefReducer(customersReducer, initialCustomers);
  const prompt = usePrompt();
  const preview = usePreview();
  const send = useSend((sent) => dispatch({ type: 'list', action: { type: 'deselect', keys: sent.map((m) => m.customer.code) } }));
  const detail = useCustomerDetail(prompt, preview, send, writes);
  const filterForm = useFilterForm((text, filters) => dispatch({ type: 'filters', text, filters }));
  const disputes = useDisputesFilter(services, notify);
  const tableHeight = useRef(10);

  // Another screen asked for a customer (Enter on a skipped row): open it here.
  const request = useDesk().customerRequest;
  useEffect(() => {
    if (request) detail.open(request.code);
    // Only a new request opens; the detail's functions change on every render.
  }, [request]);

  useLoad(
    () => services.listCustomers(asOf),
    (data) => {
      dispatch({ type: 'loaded', data });
      // Build the search index in small steps between keys, not all on the first search key.
      warmInSteps(customerIndex, data.rows);
    },
    (error) => dispatch({ type: 'failed', error }),
    [services, asOf, version],
  );

  const handle = (command: Command | null): boolean => {
    if (detail.isOpen()) return detail.handle(command);
    const s = ref.current;
    const rows = disputes.apply(visibleCustomers(s.data, s.filters, s.query, s.sort));
    const current = rows[s.list.cursor] ?? null;
    const action = listActionFor(command, () => rows.map((r) => r.code), rows.length, tableHeight.current, current?.code ?? null);
    if (action) {
      dispatch({ type: 'list', action });
      return true;
    }
    // What the clerk sees is what is acted on: selected rows a search or filter hides are left out.
    const selected = rows.filter((r) => s.list.selected.has(r.code)).map((r) => r.code);
    const view: CustomersKeyView = { state: s, current, selected, dispatch, prompt, preview, writes, send, filterForm, disputes, detail, statementsFor, tableHeight: tableHeight.current, desk };
    if (command !== null && ONE_CUSTOMER_ONLY.includes(command)) {
      oneCustomerOnly(manyOf(view), command);
      return true;
    }
    return runCommand(CUSTOMERS_COMMANDS, command, view) ?? false;
  };
  // The customer keys reach the list too: h holds the selection, the others say they need one customer.
  useScreenKeys(handle, () => (detail.isOpen() ? ['customer', 'due', 'list', 'global'] : ['customers', 'list', 'due', 'customer']));

  /** The manual statements of these customers (seed 004); customers with nothing open are named. */
  async function statementsFor(codes: string[]): Promise<PlannedMessage[]> {
    try {
      const messages = await Promise.all(codes.map((code) => services.statementsNow(code, asOf)));
      const empty = codes.filter((_, i) => messages[i]?.length === 0);
      if (empty.length > 0) notify(`nothing open, no statement for ${empty.slice(0, 5).join(', ')}${empty.length > 5 ? ` and ${empty.length - 5} more` : ''}`, 'warn');
      return messages.flat();
    } catch (error) {
      notify(`statements: ${errorText(error)}`, 'error');
      return [];
    }
  }

  if (detail.isOpen()) return <CustomerDetailScreen state={detail.state} height={height} width={width} prompt={prompt} paneHeight={detail.paneHeight} />;

  const rows = disputes.apply(visibleCustomers(state.data, state.filters, state.query, state.sort));
  const aging = state.data?.aging ?? [];
  const agingLines = agingHeight(aging, Math.max(1, Math.floor(height / 4)), width);
  const promptLines = prompt.shown ? 2 : 0;
  const bodyHeight = Math.max(1, height - agingLines - 3 - promptLines);
  tableHeight.current = bodyHeight;
  const top = windowTop(state.list.top, state.list.cursor, bodyHeight, rows.length);
  const filterText = describeFilters(state.filterText);
  const header = !state.data
    ? (state.error ? `Could not load customers: ${state.error}` : 'Loading customers…')
    : `Customers — ${formatCount(rows.length)} of ${formatCount(state.data.rows.length)} · ${selectionText(selectedAmong(rows, state.data.rows.length, state.list.selected, (r) => r.code), state.list.selected.size)}` +
      (filterText ? ` · filter: ${filterText}` : '') +
      (state.query ? ` · search: ${state.query}` : '') +
      (disputes.on() ? ' · only disputes (D)' : '') +
      sortText(CUSTOMER_SORTS, state.sort);
  return (
    <Box flexDirection="column" height={height}>
      <AgingBars aging={aging} width={width} maxLines={Math.max(1, Math.floor(height / 4))} />
      <Text bold color={state.error ? 'red' : undefined} wrap="truncate">
        {clip(header, width)}
      </Text>
      <VirtualTable
        rows={rows}
        columns={columns}
        rowKey={(r) => r.code}
        top={top}
        cursor={state.list.cursor}
        height={bodyHeight}
        width={width}
        selected={state.list.selected}
        focused={active}
        rowColor={(r) => (r.holdUntil !== null && r.holdUntil >= asOf ? 'yellow' : !r.reminders ? 'gray' : undefined)}
        empty={state.data ? 'no customers match' : ''}
      />
      {/* Whatever the list holds, the prompt and the footer sit on the bottom rows. */}
      <Box flexGrow={1} />
      <PromptLine prompt={prompt} />
      <Text dimColor wrap="truncate">
        {footer(keys, ['open', 'toggle', 'selectAll', 'selectNone', 'preview', 'write', 'send', 'search', 'filters', 'disputesOnly', 'sort'], review, width)}
      </Text>
    </Box>
  );
}
