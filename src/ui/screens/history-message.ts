/**
 * What History's commands see, and the two of its message menu that reach the archived copy
 * (docs/reference/tui.md §2.6): the text as sent, and a copy sent again.
 */
import type { MessageRecord } from '../../core/domain.js';
import { errorText, type Desk, type Tone } from '../desk-context.js';
import type { Prompt } from '../dialogs/prompt.js';
import type { HistoryAction, HistoryState } from './history-model.js';

/** What a History command sees: the screen's state at the key press and what it can do. */
export interface HistoryKeyView {
  state: HistoryState;
  /** The message under the cursor, or the one whose detail is open. */
  current: MessageRecord | null;
  desk: Desk;
  prompt: Prompt;
  dispatch(action: HistoryAction): void;
  /** Send these failed messages again in one run and say how it went. */
  retry(ids: number[]): void;
  /** After a change: load the history as it now stands, then say `text` and tell the other screens. */
  changed(text: string, tone: Tone): void;
}

/** Show the message's text as sent; it changes nothing, so a review desk may do it (docs/reference/tui.md §2.6). */
export function showMessageText({ current, state, desk, dispatch }: HistoryKeyView): void {
  if (!current) return;
  // From the list, the text opens over the message: Esc goes back to it.
  if (state.open !== current.id) dispatch({ type: 'open', id: current.id });
  desk.services.messageText(current.id).then(
    (lines) => dispatch({ type: 'text', text: { id: current.id, lines, top: 0 } }),
    (error: unknown) => desk.notify(`could not show the text of message ${current.id}: ${errorText(error)}`, 'error'),
  );
}

/** Ask where to, then send a copy; review mode refuses it in the actions with the words of every refusal (docs/reference/tui.md §2.6). */
export function sendMessageCopy({ current, desk, prompt, changed }: HistoryKeyView): void {
  if (!current) return;
  const { services, notify, review } = desk;
  const failed = (error: unknown): void => notify(`could not send a copy of message ${current.id}: ${errorText(error)}`, review ? 'warn' : 'error');
  if (review) {
    services.sendMessageCopy(current.id, undefined).catch(failed);
    return;
  }
  const same = current.to.join(', ');
  prompt.open({
    label: `Send a copy of message ${current.id} to`,
    initial: same,
    hint: 'Enter = send · Esc = cancel',
    onSubmit: (value) => {
      const to = value.trim();
      if (to === '') return 'an e-mail address, please';
      notify(`sending a copy of message ${current.id} to ${to}…`, 'info');
      services.sendMessageCopy(current.id, to === same ? undefined : to).then((copy) => {
        const where = `copy of message ${copy.of} to ${copy.to.join(', ')}`;
        if (copy.status === 'sent') changed(`${where} sent${copy.id !== null ? ` as message ${copy.id}` : ''}`, 'ok');
        else changed(`${where} ${copy.status}: ${copy.error ?? ''}`, 'error');
      }, failed);
      return null;
    },
  });
}
