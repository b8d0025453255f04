/** State of the History screen as a reducer (pure), and the rows it derives from it. */
import type { MessageRecord } from '../../core/domain.js';
import { memoLast } from '../hooks/list-keys.js';
import { initialList, listReducer, type ListAction, type ListState } from '../hooks/list-state.js';
import { createFoldIndex } from '../fold-index.js';
import { sortRows, stepSort, UNSORTED, type SortOption, type SortState } from '../sorting.js';
import { stepMenu, type TextView } from './history-menu.js';

/** The History screen state. */
export interface HistoryState {
  records: MessageRecord[] | null;
  error: string | null;
  list: ListState;
  query: string;
  /** Id of the message whose detail is open. */
  open: number | null;
  /** Only uncertain and failed messages. */
  problemsOnly: boolean;
  sort: SortState;
  /** The failed messages "retry all" asks to send again, while it asks. */
  confirmRetry: number[] | null;
  /** The entry of the open message's menu under the cursor (./history-menu.ts). */
  menu: number;
  /** The open message's text as sent, while it is shown. */
  text: TextView | null;
  /** The customers' names by code, once loaded after the history. */
  names: ReadonlyMap<string, string>;
}

/** What can happen on the History screen. */
export type HistoryAction =
  | { type: 'loaded'; records: MessageRecord[] }
  | { type: 'failed'; error: string }
  | { type: 'list'; action: ListAction }
  | { type: 'query'; query: string }
  | { type: 'open'; id: number | null }
  | { type: 'problemsOnly' }
  | { type: 'sort'; reverse: boolean }
  | { type: 'confirmRetry'; ids: number[] | null }
  | { type: 'menu'; step: number }
  | { type: 'text'; text: TextView | null }
  | { type: 'names'; names: ReadonlyMap<string, string> };

/** Before the history has loaded. */
export const initialHistory: HistoryState = { records: null, error: null, list: initialList, query: '', open: null, problemsOnly: false, sort: UNSORTED, confirmRetry: null, menu: 0, text: null, names: new Map() };

/** The orders the history can be sorted in (the first: newest first). */
export const HISTORY_SORTS: readonly SortOption<MessageRecord>[] = [
  { label: 'newest', key: () => 0 },
  { label: 'total', key: (r) => r.total + r.fee + r.interest, descending: true, group: (r) => r.currency },
  { label: 'customer', key: (r) => r.customerCode },
  { label: 'status', key: (r) => r.status },
  { label: 'level', key: (r) => r.level ?? r.kind },
  { label: 'to', key: (r) => r.to.join(', ') },
];

/** The History reducer. */
export function historyReducer(state: HistoryState, action: HistoryAction): HistoryState {
  switch (action.type) {
    case 'loaded': {
      // A row that left the list (acknowledged while only problems show) leaves the cursor on the
      // row now in its place, never past the end (docs/reference/tui.md §2.6).
      const count = visibleRecords(action.records, state.query, state.problemsOnly, state.sort).length;
      const cursor = Math.max(0, Math.min(state.list.cursor, count - 1));
      return { ...state, records: action.records, error: null, list: { ...state.list, cursor, top: Math.min(state.list.top, cursor) } };
    }
    case 'failed':
      return { ...state, error: action.error };
    case 'list':
      return { ...state, list: listReducer(state.list, action.action) };
    case 'query':
      return { ...state, query: action.query, list: listReducer(state.list, { type: 'reset' }) };
    case 'open':
      return { ...state, open: action.id, menu: 0, text: null };
    case 'menu':
      return { ...state, menu: stepMenu(state.menu, action.step) };
    case 'text':
      return { ...state, text: action.text };
    case 'problemsOnly':
      return { ...state, problemsOnly: !state.problemsOnly, list: listReducer(state.list, { type: 'reset' }) };
    case 'confirmRetry':
      return { ...state, confirmRetry: action.ids };
    case 'names':
      return { ...state, names: action.names };
    case 'sort':
      return {
        ...state,
        sort: stepSort(state.sort, HISTORY_SORTS.length, action.reverse),
        list: listReducer(state.list, { type: 'reset' }),
      };
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** The same message again: customer, currency, kind and level (what a retry re-plans). */
function sameMessageKey(r: MessageRecord): string {
  return `${r.customerCode}\u0000${r.currency}\u0000${r.kind}\u0000${r.level ?? ''}`;
}

/**
 * For each failed or uncertain message, the later message that sent it after all (its retry), by
 * id. A retry is planned again for its day, so it is a new row; this links the two.
 */
export const retriesOf = memoLast((records: readonly MessageRecord[] | null): ReadonlyMap<number, MessageRecord> => {
  const links = new Map<number, MessageRecord>();
  if (!records) return links;
  const open = new Map<string, MessageRecord[]>();
  // Oldest first, so a sent message settles every earlier failure of the same message.
  for (const r of [...records].sort((a, b) => a.id - b.id)) {
    const key = sameMessageKey(r);
    if (r.status === 'failed' || r.status === 'uncertain') (open.get(key) ?? open.set(key, []).get(key)!).push(r);
    else if (r.status === 'sent') {
      for (const earlier of open.get(key) ?? []) links.set(earlier.id, r);
      open.delete(key);
    }
  }
  return links;
});

/** True for a message that needs the operator's attention: uncertain, failed or stuck sending, not sent by a later retry and not acknowledged. */
export function needsAttention(record: MessageRecord, retries: ReadonlyMap<number, MessageRecord> = new Map()): boolean {
  return (record.status === 'uncertain' || record.status === 'failed' || record.status === 'sending') && !retries.has(record.id) && !record.acknowledged;
}

/** The failed messages still waiting for a retry (what "retry all failed" sends again); one a clerk acknowledged is settled. */
export function failedAwaitingRetry(records: readonly MessageRecord[] | null): MessageRecord[] {
  const retries = retriesOf(records);
  return (records ?? []).filter((r) => r.status === 'failed' && !retries.has(r.id) && !r.acknowledged);
}

/** The history's search index (customer, subject, recipients, status, level, Message-ID). */
export const recordIndex = createFoldIndex<MessageRecord>((r) => `${r.customerCode} ${r.subject} ${r.to.join(' ')} ${r.status} ${r.level ?? r.kind} ${r.messageId}`);

/** The messages that pass the search (and the problems-only toggle), in the chosen order. */
export const visibleRecords = memoLast((records: MessageRecord[] | null, query: string, problemsOnly: boolean, sort: SortState = UNSORTED): readonly MessageRecord[] => {
  if (!records) return [];
  const found = query.trim() === '' ? records : recordIndex.search(records, query);
  const retries = retriesOf(records);
  return sortRows(problemsOnly ? found.filter((r) => needsAttention(r, retries)) : found, HISTORY_SORTS, sort);
});
