/**
 * The filter form (`f`): one line per filter; Enter edits a field, c clears all, a (or f) applies
 * and closes (or lists what cannot be read and stays open), Esc closes without applying.
 */
import type { Key } from 'ink';
import { Box, Text } from 'ink';
import React from 'react';
import { compileFilters, FILTER_FIELDS, NO_FILTERS, type FilterText, type Filters } from '../filters.js';
import { clip, fit } from '../format.js';
import { useDesk } from '../desk-context.js';
import { cursorParts } from '../components/line-input.js';
import { editLine, lineOf, type Line } from '../line-edit.js';
import { useDialogReducer } from './use-dialog.js';

interface FormState {
  open: boolean;
  cursor: number;
  draft: FilterText;
  editing: Line | null;
  errors: string[];
}

type FormAction =
  | { type: 'open'; current: FilterText }
  | { type: 'move'; delta: number }
  | { type: 'edit'; line: Line | null }
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
      return { ...state, editing: action.line };
    case 'commit': {
      const field = FILTER_FIELDS[state.cursor];
      if (!field || state.editing === null) return state;
      return { ...state, draft: { ...state.draft, [field.key]: state.editing.value }, editing: null, errors: [] };
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
  open(current: FilterText): void;
  render(width: number): React.JSX.Element | null;
}

const formIsOpen = (state: FormState): boolean => state.open;

/**
 * A filter form, a dialog of the desk's stack while open; `onApply` gets the typed text and the
 * compiled filters; `levels` lists the level ids and kinds a level filter may name.
 */
export function useFilterForm(onApply: (text: FilterText, filters: Filters) => void, levels?: () => readonly string[]): FilterForm {
  const { keys } = useDesk();
  const handle = (input: string, key: Key): void => {
    const current = ref.current;
    if (current.editing !== null) {
      const result = editLine(current.editing, input, key);
      if (result.type === 'change') dispatch({ type: 'edit', line: result.line });
      else if (result.type === 'submit') dispatch({ type: 'commit' });
      else if (result.type === 'cancel') dispatch({ type: 'edit', line: null });
      return;
    }
    const command = keys.commandFor(input, key, ['list', 'global']);
    if (command === 'down') dispatch({ type: 'move', delta: 1 });
    else if (command === 'up') dispatch({ type: 'move', delta: -1 });
    else if (key.return) {
      const field = FILTER_FIELDS[current.cursor];
      if (field) dispatch({ type: 'edit', line: lineOf(current.draft[field.key]) });
    } else if (input === 'c') dispatch({ type: 'clear' });
    else if (command === 'filters' || command === 'selectAll') {
      const compiled = compileFilters(current.draft, levels?.());
      if (compiled.ok) {
        dispatch({ type: 'close' });
        onApply(current.draft, compiled.filters);
      } else {
        dispatch({ type: 'errors', errors: compiled.errors });
      }
    }
  };
  // Esc leaves the field being edited, else closes the form without applying it.
  const escape = (): void => dispatch(ref.current.editing !== null ? { type: 'edit', line: null } : { type: 'close' });
  const [state, dispatch, ref] = useDialogReducer(reducer, closedForm, formIsOpen, { handle, escape });

  const render = (width: number): React.JSX.Element | null => {
    if (!state.open) return null;
    return (
      <Box flexDirection="column">
        <Text inverse bold wrap="truncate">
          {fit(' Filters — ↑/↓ choose · Enter edit · c clear all · a apply and close · Esc cancel', width)}
        </Text>
        {FILTER_FIELDS.map((field, i) => {
          const editing = i === state.cursor && state.editing !== null;
          const [before, under, after] = state.editing ? cursorParts(state.editing) : ['', '', ''];
          const value = editing ? `${before}▏${`${under}${after}`.trimEnd()}` : state.draft[field.key] || '—';
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

  return { open: (current) => dispatch({ type: 'open', current }), render };
}
