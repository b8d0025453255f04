/**
 * The customer detail's model (pure): its state and reducer, and how its two lists show their rows.
 * The view and its keys are in customer-detail.tsx.
 */
import { daysBetween } from '../../core/dates.js';
import type { IsoDate, Item } from '../../core/domain.js';
import type { Column } from '../components/virtual-table.js';
import { formatAmount } from '../format.js';
import { memoLast } from '../hooks/list-keys.js';
import { initialList, listReducer, type ListAction, type ListState } from '../hooks/list-state.js';
import type { CustomerDetail, TimelineEntry } from '../services.js';

/** The customer detail's state: which customer, its data, the focused pane and both lists. */
export interface DetailState {
  code: string | null;
  detail: CustomerDetail | null;
  error: string | null;
  pane: 'items' | 'timeline';
  items: ListState;
  timeline: ListState;
}

/** What can happen in the customer detail. */
export type DetailAction =
  | { type: 'open'; code: string }
  | { type: 'loaded'; code: string; detail: CustomerDetail | null }
  | { type: 'failed'; code: string; error: string }
  | { type: 'pane' }
  | { type: 'list'; action: ListAction }
  | { type: 'close' };

/** No customer open. */
export const closedDetail: DetailState = { code: null, detail: null, error: null, pane: 'items', items: initialList, timeline: initialList };

/** The customer detail reducer. */
export function detailReducer(state: DetailState, action: DetailAction): DetailState {
  switch (action.type) {
    case 'open':
      return { ...closedDetail, code: action.code };
    case 'loaded':
      if (state.code !== action.code) return state;
      return action.detail ? { ...state, detail: action.detail, error: null } : { ...state, error: `customer ${action.code} no longer exists` };
    case 'failed':
      return state.code === action.code ? { ...state, error: action.error } : state;
    case 'pane':
      return { ...state, pane: state.pane === 'items' ? 'timeline' : 'items' };
    case 'list':
      return state.pane === 'items'
        ? { ...state, items: listReducer(state.items, action.action) }
        : { ...state, timeline: listReducer(state.timeline, action.action) };
    case 'close':
      return closedDetail;
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** The columns of the open items (days overdue as of `asOf`). */
export const itemColumnsAt = memoLast((asOf: IsoDate): Column<Item>[] => [
  { title: 'Item', width: 14, min: 8, cell: (i) => i.number },
  { title: 'Kind', width: 11, drop: 2, cell: (i) => i.kind },
  { title: 'Issued', width: 10, drop: 1, cell: (i) => i.issueDate },
  { title: 'Due', width: 10, cell: (i) => i.dueDate },
  { title: 'Days', width: 5, drop: 3, align: 'right', cell: (i) => String(daysBetween(i.dueDate, asOf)) },
  { title: 'Open', width: 14, fitContent: true, align: 'right', cell: (i) => formatAmount(i.openAmount, i.currency) },
  { title: 'Hold', width: 10, drop: 4, cell: (i) => i.holdUntil ?? '' },
  { title: 'Dispute', width: 18, drop: 5, cell: (i) => i.dispute ?? '' },
]);

/** The columns of the history timeline. */
export const timelineColumns: Column<TimelineEntry>[] = [
  { title: 'Date', width: 10, cell: (t) => t.asOf },
  { title: 'Kind/level', width: 14, min: 6, cell: (t) => t.level ?? t.kind },
  { title: 'Outstanding', width: 18, fitContent: true, align: 'right', cell: (t) => formatAmount(t.outstanding, t.currency) },
  { title: 'Status', width: 10, cell: (t) => t.status },
];
