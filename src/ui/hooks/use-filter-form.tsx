/**
 * The filter form (`f`): one line per filter; Enter edits a field, c clears all, Esc applies and
 * closes (or lists what cannot be read and stays open).
 */
import type { Key } from 'ink';
import { Box, Text } from 'ink';
import React from 'react';
import { compileFilters, FILTER_FIELDS, NO_FILTERS, type FilterText, type Filters } from '../filters.js';
import { clip, fit } from '../format.js';
import { commandFor } from '../keys.js';
import { editLine } from '../line-edit.js';
import { useRefReducer } from './use-ref-reducer.js';

interface FormState {
  open: boolean;
  cursor: number;
  draft: FilterText;
  editing: string | null;
  errors: string[];
}

type FormAction =
  | { type: 'open'; current: FilterText }
  | { type: 'move'; delta: number }
  | { type: 'edit'; value: string | null }
  | { type: 'commit' }
  | { type: 'clear' }
  | { type: 'errors'; errors: string[] }
  | { type: 'close' };

const closedForm: FormState = { open: false, cursor: 0, draft: NO_FILTERS, editing: null, errors: [] };

function reducer(state: FormState, action: FormAction): FormState {
  switch (action.type) {
    case 'open':
      return { ...closedForm, open: true, draft: action.current };
    case 'move':
      return { ...state, cursor: Math.max(0, Math.min(FILTER_FIELDS.length - 1, state.cursor + action.delta)) };
    case 'edit':
      return { ...state, editing: action.value };
    case 'commit': {
      const field = FILTER_FIELDS[state.cursor];
      if (!field || state.editing === null) return state;
      return { ...state, draft: { ...state.draft, [field.key]: state.editing }, editing: null, errors: [] };
    }
    case 'clear':
      return { ...state, draft: NO_FILTERS, errors: [] };
    case 'errors':
      return { ...state, errors: action.errors };
    case 'close':
      return closedForm;
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** The filter form's controls. */
export interface FilterForm {
  isOpen(): boolean;
  open(current: FilterText): void;
  handle(input: string, key: Key): boolean;
  render(width: number): React.JSX.Element | null;
}

/** A filter form; `onApply` gets the typed text and the compiled filters. */
export function useFilterForm(onApply: (text: FilterText, filters: Filters) => void): FilterForm {
  const [state, dispatch, ref] = useRefReducer(reducer, closedForm);

  const handle = (input: string, key: Key): boolean => {
    const current = ref.current;
    if (!current.open) return false;
    if (current.editing !== null) {
      const result = editLine(current.editing, input, key);
      if (result.type === 'change') dispatch({ type: 'edit', value: result.value });
      else if (result.type === 'submit') dispatch({ type: 'commit' });
      else if (result.type === 'cancel') dispatch({ type: 'edit', value: null });
      return true;
    }
    const command = commandFor(input, key, ['list', 'global']);
    if (command === 'down') dispatch({ type: 'move', delta: 1 });
    else if (command === 'up') dispatch({ type: 'move', delta: -1 });
    else if (key.return) {
      const field = FILTER_FIELDS[current.cursor];
      if (field) dispatch({ type: 'edit', value: current.draft[field.key] });
    } else if (input === 'c') dispatch({ type: 'clear' });
    else if (command === 'back' || command === 'filters') {
      const compiled = compileFilters(current.draft);
      if (compiled.ok) {
        dispatch({ type: 'close' });
        onApply(current.draft, compiled.filters);
      } else {
        dispatch({ type: 'errors', errors: compiled.errors });
      }
    }
    return true;
  };

  const render = (width: number): React.JSX.Element | null => {
    if (!state.open) return null;
    return (
      <Box flexDirection="column">
        <Text inverse bold wrap="truncate">
          {fit(' Filters — ↑/↓ choose · Enter edit · c clear all · Esc apply and close', width)}
        </Text>
        {FILTER_FIELDS.map((field, i) => {
          const editing = i === state.cursor && state.editing !== null;
          const value = editing ? `${state.editing ?? ''}█` : state.draft[field.key] || '—';
          return (
            <Text key={field.key} inverse={i === state.cursor && !editing} wrap="truncate">
              {fit(`${i === state.cursor ? '›' : ' '} ${fit(field.label, 20)} ${fit(value, 24)} ${field.hint}`, width)}
            </Text>
          );
        })}
        {state.errors.map((error) => (
          <Text key={error} color="red" wrap="truncate">
            {clip(error, width)}
          </Text>
        ))}
      </Box>
    );
  };

  return { isOpen: () => ref.current.open, open: (current) => dispatch({ type: 'open', current }), handle, render };
}
