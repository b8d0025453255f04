/** State of the Due now screen as a reducer (pure), and the rows it derives from it. */
import type { Plan, PlannedMessage } from '../../core/plan.js';
import { DEFAULT_FILTERS, isUnfiltered, messagePasses, NO_FILTERS, type FilterText, type Filters } from '../filters.js';
import { initialList, listReducer, type ListAction, type ListState } from '../hooks/list-state.js';
import { memoLast } from '../hooks/list-keys.js';
import { createFoldIndex } from '../fold-index.js';
import { messageFacts } from '../message-facts.js';
import { sortRows, stepSort, UNSORTED, type SortOption, type SortState } from '../sorting.js';
import { foldText } from '../text-fold.js';
import { formatCount } from '../format.js';

/** Which section of the Due screen is shown. */
export type DueSection = 'planned' | 'skipped';

/** One skipped customer or data problem row. */
export interface SkipRow {
  key: string;
  customer: string;
  /** The customer's name once the names are loaded ('' until then, or for an unknown code). */
  name: string;
  reason: string;
  detail: string;
}

/** The Due now screen state. */
export interface DueState {
  plan: Plan | null;
  error: string | null;
  section: DueSection;
  planned: ListState;
  skipped: ListState;
  query: string;
  filterText: FilterText;
  filters: Filters;
  plannedSort: SortState;
  skippedSort: SortState;
  /** Names of the skipped customers, loaded when the skipped list is first shown. */
  names: ReadonlyMap<string, string> | null;
  /** How far planning has come while there is no plan yet (candidate customers), or null. */
  planning: { done: number; total: number } | null;
}

/** What can happen on the Due now screen. */
export type DueAction =
  | { type: 'planning'; done: number; total: number }
  | { type: 'loaded'; plan: Plan }
  | { type: 'failed'; error: string }
  | { type: 'list'; action: ListAction }
  | { type: 'section'; section: DueSection }
  | { type: 'query'; query: string }
  | { type: 'filters'; text: FilterText; filters: Filters }
  | { type: 'sort' }
  | { type: 'sortReverse' }
  | { type: 'names'; names: ReadonlyMap<string, string> };

/** Before the plan has loaded. */
export const initialDue: DueState = {
  plan: null,
  error: null,
  section: 'planned',
  planned: initialList,
  skipped: initialList,
  query: '',
  filterText: NO_FILTERS,
  filters: DEFAULT_FILTERS,
  plannedSort: UNSORTED,
  skippedSort: UNSORTED,
  names: null,
  planning: null,
};

/** The orders the planned messages can be sorted in (the first is the plan's own). */
export const MESSAGE_SORTS: readonly SortOption<PlannedMessage>[] = [
  { label: 'plan order', key: () => 0 },
  { label: 'total', key: (m) => m.total + m.fee + m.interest, descending: true, group: (m) => m.currency },
  { label: 'days overdue', key: (m) => messageFacts(m).oldestDaysOverdue ?? -1, descending: true },
  { label: 'name', key: (m) => m.customer.name },
  { label: 'level', key: (m) => m.level ?? m.kind },
  { label: 'currency', key: (m) => m.currency },
  { label: 'items', key: (m) => messageFacts(m).itemCount, descending: true },
  { label: 'recipients', key: (m) => m.to.join(', ') },
];

/** The orders the skipped list can be sorted in. */
export const SKIP_SORTS: readonly SortOption<SkipRow>[] = [
  { label: 'plan order', key: () => 0 },
  { label: 'name', key: (r) => r.name || r.customer },
  { label: 'reason', key: (r) => r.reason },
];

/** The Due now reducer. */
export function dueReducer(state: DueState, action: DueAction): DueState {
  switch (action.type) {
    case 'planning':
      return { ...state, planning: { done: action.done, total: action.total } };
    case 'loaded': {
      // Keep the selection of messages that are still planned (after a reload or a send).
      if (state.planned.selected.size === 0) return { ...state, plan: action.plan, error: null, planning: null };
      const keys = new Set(action.plan.messages.map((m) => m.key));
      const selected = new Set([...state.planned.selected].filter((k) => keys.has(k)));
      return { ...state, plan: action.plan, error: null, planning: null, planned: { ...state.planned, selected } };
    }
    case 'failed':
      return { ...state, error: action.error, planning: null };
    case 'list':
      return state.section === 'planned'
        ? { ...state, planned: listReducer(state.planned, action.action) }
        : { ...state, skipped: listReducer(state.skipped, action.action) };
    case 'section':
      return { ...state, section: action.section };
    case 'query':
      return { ...state, query: action.query, planned: listReducer(state.planned, { type: 'reset' }), skipped: listReducer(state.skipped, { type: 'reset' }) };
    case 'filters':
      return { ...state, filterText: action.text, filters: action.filters, planned: listReducer(state.planned, { type: 'reset' }) };
    case 'sort':
    case 'sortReverse': {
      const planned = state.section === 'planned';
      const current = planned ? state.plannedSort : state.skippedSort;
      const next = stepSort(current, planned ? MESSAGE_SORTS.length : SKIP_SORTS.length, action.type === 'sortReverse');
      return planned
        ? { ...state, plannedSort: next, planned: listReducer(state.planned, { type: 'reset' }) }
        : { ...state, skippedSort: next, skipped: listReducer(state.skipped, { type: 'reset' }) };
    }
    case 'names':
      return { ...state, names: action.names };
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** The planned messages' search index (customer, key, recipients, items). */
export const messageIndex = createFoldIndex<PlannedMessage>((m) => [m.customer.code, m.customer.name, m.key, ...m.to, ...m.reminds].join(' '));

/** The planned messages that pass the filters and the search, in the chosen order. */
export const visibleMessages = memoLast((plan: Plan | null, filters: Filters, query: string, sort: SortState = UNSORTED): readonly PlannedMessage[] => {
  if (!plan) return [];
  const found = query.trim() === '' ? plan.messages : messageIndex.search(plan.messages, query);
  return sortRows(isUnfiltered(filters) ? found : found.filter((m) => messagePasses(m, filters)), MESSAGE_SORTS, sort);
});

/** Skipped customers and data problems that match the search, with names once known, in the chosen order. */
export const visibleSkips = memoLast((plan: Plan | null, query: string, names: ReadonlyMap<string, string> | null = null, sort: SortState = UNSORTED): readonly SkipRow[] => {
  if (!plan) return [];
  const name = (code: string): string => names?.get(code) ?? '';
  const rows: SkipRow[] = [
    ...plan.skipped.map((s, i) => ({ key: `s${i}`, customer: s.customer, name: name(s.customer), reason: s.reason, detail: s.detail ?? '' })),
    ...plan.problems.map((p, i) => ({ key: `p${i}`, customer: p.customer, name: name(p.customer), reason: `problem: ${p.field}`, detail: p.message })),
  ];
  const q = foldText(query.trim());
  return sortRows(q === '' ? rows : rows.filter((r) => foldText(`${r.customer} ${r.name} ${r.reason} ${r.detail}`).includes(q)), SKIP_SORTS, sort);
});

/** The codes of the customers a plan skipped or found problems with. */
export function skippedCodes(plan: Plan): string[] {
  return [...new Set([...plan.skipped.map((s) => s.customer), ...plan.problems.map((p) => p.customer)])];
}

/** The header while there is no plan yet: how far planning has come, once it says. */
export function planningText(planning: DueState['planning']): string {
  if (planning === null) return 'Planning…';
  return `Planning… ${formatCount(planning.done)} of ${formatCount(planning.total)} customers`;
}
