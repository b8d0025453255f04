/**
 * A one-line prompt (hold date, interval, a setting, password, file name): opens over a screen as
 * a dialog and takes every key until Enter or Esc. The submit callback may refuse the value with a message.
 * The screen that owns it draws PromptLine on its bottom rows.
 */
import type { Key } from 'ink';
import { Box, Text } from 'ink';
import React from 'react';
import { LineInput } from '../components/line-input.js';
import { editLine, lineOf, type Line } from '../line-edit.js';
import { useDialogReducer } from '../hooks/use-dialog.js';

/** What a prompt asks. `onSubmit` returns an error message to keep the prompt open, or null. */
export interface PromptRequest {
  label: string;
  initial?: string;
  hint?: string;
  mask?: boolean;
  onSubmit(value: string): string | null | Promise<string | null>;
  /** Called on every change (live search). */
  onChange?(value: string): void;
  onCancel?(): void;
}

interface PromptState {
  request: PromptRequest | null;
  line: Line;
  error: string | null;
}

type PromptAction =
  | { type: 'open'; request: PromptRequest }
  | { type: 'set'; line: Line }
  | { type: 'error'; error: string }
  | { type: 'close' };

function reducer(state: PromptState, action: PromptAction): PromptState {
  switch (action.type) {
    case 'open':
      return { request: action.request, line: lineOf(action.request.initial ?? ''), error: null };
    case 'set':
      return { ...state, line: action.line, error: null };
    case 'error':
      return { ...state, error: action.error };
    case 'close':
      return { request: null, line: lineOf(''), error: null };
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** The prompt's controls. */
export interface Prompt {
  open(request: PromptRequest): void;
  /** What it shows while open (the screen leaves it two rows), or null when closed. */
  shown: PromptShown | null;
}

/** An open prompt: what it asks, the line typed so far and why the last value was refused. */
export interface PromptShown {
  request: PromptRequest;
  line: Line;
  error: string | null;
}

const closedPrompt: PromptState = { request: null, line: lineOf(''), error: null };
const promptIsOpen = (state: PromptState): boolean => state.request !== null;

/** A prompt owned by one screen; while open it is a dialog of the desk's stack (Esc cancels). */
export function usePrompt(): Prompt {
  const handle = (input: string, key: Key): void => {
    const { request, line } = ref.current;
    if (!request) return;
    const result = editLine(line, input, key);
    switch (result.type) {
      case 'change':
        dispatch({ type: 'set', line: result.line });
        if (result.line.value !== line.value) request.onChange?.(result.line.value);
        return;
      case 'cancel':
        cancel();
        return;
      case 'submit': {
        // A synchronous answer closes at once, so the next key (sent right after Enter) is the screen's.
        const settle = (error: string | null): void => {
          if (error === null) closeIfSame(request);
          else dispatch({ type: 'error', error });
        };
        const answer = request.onSubmit(result.value);
        if (answer instanceof Promise) {
          answer.then(settle, (error: unknown) => settle(error instanceof Error ? error.message : String(error)));
        } else {
          settle(answer);
        }
        return;
      }
      case 'ignore':
        return;
      default: {
        const never: never = result;
        return never;
      }
    }
  };
  const cancel = (): void => {
    const { request } = ref.current;
    dispatch({ type: 'close' });
    request?.onCancel?.();
  };
  const [state, dispatch, ref] = useDialogReducer(reducer, closedPrompt, promptIsOpen, { handle, escape: cancel });
  const closeIfSame = (request: PromptRequest): void => {
    if (ref.current.request === request) dispatch({ type: 'close' });
  };
  const shown = state.request ? { request: state.request, line: state.line, error: state.error } : null;
  return { open: (request) => dispatch({ type: 'open', request }), shown };
}

/** The prompt's line and the reason a value was refused; nothing while it is closed. */
export function PromptLine({ prompt }: { prompt: Prompt }): React.JSX.Element | null {
  const shown = prompt.shown;
  if (shown === null) return null;
  return (
    <Box flexDirection="column">
      <LineInput label={shown.request.label} line={shown.line} mask={shown.request.mask} hint={shown.request.hint} />
      {shown.error ? (
        <Text color="red" wrap="truncate">
          {shown.error}
        </Text>
      ) : null}
    </Box>
  );
}

/** Open `prompt` as the live search of a list: every change filters, Enter keeps, Esc clears. */
export function openSearch(prompt: Prompt, current: string, setQuery: (query: string) => void): void {
  prompt.open({
    label: 'Search',
    initial: current,
    hint: 'Enter keep · Esc clear',
    onChange: setQuery,
    onSubmit: () => null,
    onCancel: () => setQuery(''),
  });
}
