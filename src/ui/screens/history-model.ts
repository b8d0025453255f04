/** State of the History screen as a reducer (pure), and the rows it derives from it. */
import type { MessageRecord } from '../../core/domain.js';
import { memoLast } from '../hooks/list-keys.js';
import { initialList, listReducer, type ListAction, type ListState } from '../hooks/list-state.js';
import { createFoldIndex } from '../fold-index.js';

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
}

/** What can happen on the History screen. */
export type HistoryAction =
  | { type: 'loaded'; records: MessageRecord[] }
  | { type: 'failed'; error: string }
  | { type: 'list'; action: ListAction }
  | { type: 'query'; query: string }
  | { type: 'open'; id: number | null }
  | { type: 'problemsOnly' };

/** Before the history has loaded. */
export const initialHistory: HistoryState = { records: null, error: null, list: initialList, query: '', open: null, problemsOnly: false };

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

/** The messages that pass the search (and the problems-only toggle). */
export const visibleRecords = memoLast((records: MessageRecord[] | null, query: string, problemsOnly: boolean): MessageRecord[] => {
  if (!records) return [];
  const found = query.trim() === '' ? records : recordIndex.search(records, query);
  return problemsOnly ? found.filter(needsAttention) : found;
});
