/**
 * The filter form (`f`): one line per filter; Enter edits a field, c clears all, a (or f) applies
 * and closes (or lists what cannot be read and stays open), Esc closes without applying.
 * It is a window on the desk's dialog stack: the App draws it over the screen's body.
 */
import type { Key } from 'ink';
import { Box, Text } from 'ink';
import React from 'react';
import { compileFilters, FILTER_FIELDS, NO_FILTERS, type FilterText, type Filters } from '../filters.js';
import { clip, fit } from '../format.js';
import { useDesk, type Desk } from '../desk-context.js';
import { createDialogStore, useDialogStore, type DialogStore } from '../dialog-store.js';
import type { Dialog } from '../dialog-stack.js';
import { cursorParts } from '../components/line-input.js';
import { editLine, lineOf, type Line } from '../line-edit.js';

interface FormState {
  cursor: number;
  draft: FilterText;
  editing: Line | null;
  errors: string[];
}

type FormAction =
  | { type: 'move'; delta: number }
  | { type: 'edit'; line: Line | null }
  | { type: 'commit' }
  | { type: 'clear' }
  | { type: 'errors'; errors: string[] };

const closedForm: FormState = { cursor: 0, draft: NO_FILTERS, editing: null, errors: [] };

function reducer(state: FormState, action: FormAction): FormState {
  switch (action.type) {
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
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** The filter form's controls, for the screen that opens it. */
export interface FilterForm {
  open(current: FilterText): void;
}

/**
 * Open the filter form on `current` as a window on the desk's dialog stack; `onApply` gets the
 * typed text and the compiled filters; `levels` lists the level ids and kinds a level filter may name.
 */
export function openFilterForm(desk: Desk, current: FilterText, onApply: (text: FilterText, filters: Filters) => void, levels?: () => readonly string[]): void {
  const store = createDialogStore(reducer, { ...closedForm, draft: current });
  const close = (): void => desk.dialogs.hide(dialog);
  const handle = (input: string, key: Key): void => {
    const now = store.get();
    if (now.editing !== null) {
      const result = editLine(now.editing, input, key);
      if (result.type === 'change') store.dispatch({ type: 'edit', line: result.line });
      else if (result.type === 'submit') store.dispatch({ type: 'commit' });
      else if (result.type === 'cancel') store.dispatch({ type: 'edit', line: null });
      return;
    }
    const command = desk.keys.commandFor(input, key, ['list', 'global']);
    if (command === 'down') store.dispatch({ type: 'move', delta: 1 });
    else if (command === 'up') store.dispatch({ type: 'move', delta: -1 });
    else if (command === 'home' || command === 'pageUp') store.dispatch({ type: 'move', delta: -FILTER_FIELDS.length });
    else if (command === 'end' || command === 'pageDown') store.dispatch({ type: 'move', delta: FILTER_FIELDS.length });
    else if (key.return) {
      const field = FILTER_FIELDS[now.cursor];
      if (field) store.dispatch({ type: 'edit', line: lineOf(now.draft[field.key]) });
    } else if (input === 'c') store.dispatch({ type: 'clear' });
    else if (command === 'filters' || command === 'selectAll') {
      const compiled = compileFilters(now.draft, levels?.());
      if (compiled.ok) {
        close();
        onApply(now.draft, compiled.filters);
      } else {
        store.dispatch({ type: 'errors', errors: compiled.errors });
      }
    }
  };
  // Esc leaves the field being edited, else closes the form without applying it.
  const escape = (): void => (store.get().editing !== null ? store.dispatch({ type: 'edit', line: null }) : close());
  const dialog: Dialog = { handle, escape, window: ({ width }) => <FilterFormWindow store={store} width={width} /> };
  desk.dialogs.show(dialog);
}

/** The filter form: one line per filter, the one being edited with its cursor, then what cannot be read. */
function FilterFormWindow({ store, width }: { store: DialogStore<FormState, FormAction>; width: number }): React.JSX.Element {
  const state = useDialogStore(store);
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
}

/** The filter form opener of the current desk (see openFilterForm). */
export function useFilterForm(onApply: (text: FilterText, filters: Filters) => void, levels?: () => readonly string[]): FilterForm {
  const desk = useDesk();
  return { open: (current) => openFilterForm(desk, current, onApply, levels) };
}
