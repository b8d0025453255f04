/** State of the Customers screen as a reducer (pure), and the rows it derives from it. */
import { customerPasses, DEFAULT_FILTERS, isUnfiltered, NO_FILTERS, type FilterText, type Filters } from '../filters.js';
import { memoLast } from '../hooks/list-keys.js';
import { initialList, listReducer, type ListAction, type ListState } from '../hooks/list-state.js';
import type { CustomerList, CustomerRow } from '../services.js';
import { createFoldIndex } from '../fold-index.js';
import { sortRows, stepSort, UNSORTED, type SortOption, type SortState } from '../sorting.js';
import { foldText } from '../text-fold.js';

/** The Customers screen state. */
export interface CustomersState {
  data: CustomerList | null;
  error: string | null;
  list: ListState;
  query: string;
  filterText: FilterText;
  filters: Filters;
  sort: SortState;
}

/** What can happen on the Customers screen. */
export type CustomersAction =
  | { type: 'loaded'; data: CustomerList }
  | { type: 'failed'; error: string }
  | { type: 'list'; action: ListAction }
  | { type: 'query'; query: string }
  | { type: 'filters'; text: FilterText; filters: Filters }
  | { type: 'sort'; reverse: boolean };

/** Before the list has loaded. */
export const initialCustomers: CustomersState = {
  data: null,
  error: null,
  list: initialList,
  query: '',
  filterText: NO_FILTERS,
  filters: DEFAULT_FILTERS,
  sort: UNSORTED,
};

/** The orders the customer list can be sorted in (the first is by code). */
export const CUSTOMER_SORTS: readonly SortOption<CustomerRow>[] = [
  { label: 'code', key: () => 0 },
  // Grouped by the currencies owed, so amounts are only compared within one currency.
  { label: 'total', key: (r) => r.open.reduce((sum, o) => sum + o.amount, 0), descending: true, group: (r) => r.open.map((o) => o.currency).join('+') },
  { label: 'days overdue', key: (r) => r.oldestDaysOverdue ?? -1, descending: true },
  { label: 'name', key: (r) => r.name },
  { label: 'e-mail', key: (r) => r.emails[0] ?? '' },
];

/** The Customers reducer. */
export function customersReducer(state: CustomersState, action: CustomersAction): CustomersState {
  switch (action.type) {
    case 'loaded':
      return { ...state, data: action.data, error: null };
    case 'failed':
      return { ...state, error: action.error };
    case 'list':
      return { ...state, list: listReducer(state.list, action.action) };
    case 'query':
      return { ...state, query: action.query, list: listReducer(state.list, { type: 'reset' }) };
    case 'filters':
      return { ...state, filterText: action.text, filters: action.filters, list: listReducer(state.list, { type: 'reset' }) };
    case 'sort':
      return {
        ...state,
        sort: stepSort(state.sort, CUSTOMER_SORTS.length, action.reverse),
        list: listReducer(state.list, { type: 'reset' }),
      };
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** The customers' search index (code, name, e-mails). */
export const customerIndex = createFoldIndex<CustomerRow>((r) => `${r.code} ${r.name} ${r.emails.join(' ')}`);

/** The customers that pass the filters and the search, in the chosen order. */
export const visibleCustomers = memoLast((data: CustomerList | null, filters: Filters, query: string, sort: SortState = UNSORTED): readonly CustomerRow[] => {
  if (!data) return [];
  return sortRows(matchingCustomers(data, filters, query), CUSTOMER_SORTS, sort);
});

function matchingCustomers(data: CustomerList, filters: Filters, query: string): CustomerRow[] {
  const q = foldText(query.trim());
  const plain = isUnfiltered(filters);
  if (q === '' && plain) return data.rows;
  const index = q === '' ? null : customerIndex.full(data.rows);
  const out: CustomerRow[] = [];
  for (let i = 0; i < data.rows.length; i += 1) {
    const row = data.rows[i]!;
    if (index && !index[i]!.includes(q)) continue;
    if (!plain && !customerPasses(row, filters)) continue;
    out.push(row);
  }
  return out;
}
