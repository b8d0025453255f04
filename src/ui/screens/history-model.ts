/** State of the History screen as a reducer (pure), and the rows it derives from it. */
import type { MessageRecord } from '../../core/domain.js';
import { memoLast } from '../hooks/list-keys.js';
import { initialList, listReducer, type ListAction, type ListState } from '../hooks/list-state.js';
import { createFoldIndex } from '../fold-index.js';
import { nextSort, sortRows, UNSORTED, type SortOption, type SortState } from '../sorting.js';

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
}

/** What can happen on the History screen. */
export type HistoryAction =
  | { type: 'loaded'; records: MessageRecord[] }
  | { type: 'failed'; error: string }
  | { type: 'list'; action: ListAction }
  | { type: 'query'; query: string }
  | { type: 'open'; id: number | null }
  | { type: 'problemsOnly' }
  | { type: 'sort'; reverse: boolean };

/** Before the history has loaded. */
export const initialHistory: HistoryState = { records: null, error: null, list: initialList, query: '', open: null, problemsOnly: false, sort: UNSORTED };

/** The orders the history can be sorted in (the first: newest first). */
export const HISTORY_SORTS: readonly SortOption<MessageRecord>[] = [
  { label: 'newest', key: () => 0 },
  { label: 'total', key: (r) => r.total + r.fee + r.interest, descending: true },
  { label: 'customer', key: (r) => r.customerCode },
  { label: 'status', key: (r) => r.status },
  { label: 'level', key: (r) => r.level ?? r.kind },
];

/** The History reducer. */
export function historyReducer(state: HistoryState, action: HistoryAction): HistoryState {
  switch (action.type) {
    case 'loaded':
      return { ...state, records: action.records, error: null };
    case 'failed':
      return { ...state, error: action.error };
    case 'list':
      return { ...state, list: listReducer(state.list, action.action) };
    case 'query':
      return { ...state, query: action.query, list: listReducer(state.list, { type: 'reset' }) };
    case 'open':
      return { ...state, open: action.id };
    case 'problemsOnly':
      return { ...state, problemsOnly: !state.problemsOnly, list: listReducer(state.list, { type: 'reset' }) };
    case 'sort':
      return {
        ...state,
        sort: action.reverse ? { ...state.sort, reversed: !state.sort.reversed } : nextSort(state.sort, HISTORY_SORTS.length),
        list: listReducer(state.list, { type: 'reset' }),
      };
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** True for the statuses that need the operator's attention. */
export function needsAttention(record: MessageRecord): boolean {
  return record.status === 'uncertain' || record.status === 'failed' || record.status === 'sending';
}

/** The history's search index (customer, subject, recipients, status, level, Message-ID). */
export const recordIndex = createFoldIndex<MessageRecord>((r) => `${r.customerCode} ${r.subject} ${r.to.join(' ')} ${r.status} ${r.level ?? r.kind} ${r.messageId}`);

/** The messages that pass the search (and the problems-only toggle), in the chosen order. */
export const visibleRecords = memoLast((records: MessageRecord[] | null, query: string, problemsOnly: boolean, sort: SortState = UNSORTED): readonly MessageRecord[] => {
  if (!records) return [];
  const found = query.trim() === '' ? records : recordIndex.search(records, query);
  return sortRows(problemsOnly ? found.filter(needsAttention) : found, HISTORY_SORTS, sort);
});
