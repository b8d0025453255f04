/**
 * Inbox: the bounces and replies no clerk has handled yet, newest first (docs/reference/tui.md
 * §2.9). Enter shows the mail's text; h marks it handled; P, D and N turn a reply into a promise,
 * a dispute or a note (the customer detail's own questions) and then mark it handled that way; U
 * clears the undeliverable mark a bounce left; R fetches new mail (docs/reference/inbox.md §2).
 */
import type { Key } from 'ink';
import { Box, Text } from 'ink';
import React, { useRef, useState } from 'react';
import type { FiledMail, HandledAs } from '../../actions/inbox.js';
import { footer } from '../chrome.js';
import { runCommand, type CommandHandlers } from '../command-handlers.js';
import type { Column } from '../components/virtual-table.js';
import { VirtualTable } from '../components/virtual-table.js';
import { errorText, useDesk, useScreenKeys, type Desk, type ScreenProps } from '../desk-context.js';
import { PromptLine, usePrompt, type Prompt } from '../dialogs/prompt.js';
import { clip, formatCount, localTime, wrapLine } from '../format.js';
import { listActionFor } from '../hooks/list-keys.js';
import { initialList, listReducer, windowTop, type ListState } from '../hooks/list-state.js';
import { useLoad } from '../hooks/use-load.js';
import type { Command } from '../keys.js';
import { parseNoteLine, parsePromiseLine } from './collection-keys.js';

/** What an Inbox command sees. */
interface InboxKeyView {
  /** The mail under the cursor, or the one whose text is open. */
  current: FiledMail | null;
  desk: Desk;
  prompt: Prompt;
  /** Reload the list, close the text, say `text`, and tell the other screens the data changed. */
  changed(text: string): void;
}

/** A bounce's gist: the address, the status and the server's reason; a reply's: its first line. */
function gist(mail: FiledMail): string {
  if (mail.kind === 'bounce') return `${mail.permanent ? 'bounced' : 'delayed'} ${mail.address} ${mail.status}: ${mail.detail}`.replace(/\s+/g, ' ').trim();
  return mail.detail;
}

const COLUMNS: readonly Column<FiledMail>[] = [
  { title: 'Received', width: 16, cell: (m) => localTime(m.receivedAt) },
  { title: 'Kind', width: 6, cell: (m) => m.kind },
  { title: 'Customer', width: 10, min: 6, cell: (m) => m.customerCode ?? '' },
  { title: 'From', width: 28, min: 10, drop: 1, cell: (m) => m.from },
  { title: 'Gist', width: 40, min: 10, cell: gist },
];

/** The text view's lines: who, what, when, the attachments, then the text kept. */
function textLines(mail: FiledMail, width: number): string[] {
  const attachments = JSON.parse(mail.attachments || '[]') as string[];
  const head = [
    `${mail.kind} from ${mail.from || '(no sender)'} · received ${localTime(mail.receivedAt)}`,
    `Subject: ${mail.subject}`,
    `Customer: ${mail.customerCode ?? '(none)'}${mail.messageId !== null ? ` · our message ${mail.messageId}` : ''}`,
    ...(mail.kind === 'bounce' ? [`Address: ${mail.address} · ${mail.status || (mail.permanent ? 'failed' : 'delayed')}: ${mail.detail}`] : []),
    ...(attachments.length > 0 ? [`Attachments: ${attachments.join(', ')}`] : []),
    '',
  ];
  const body = (mail.body || '(no text)').split(/\r?\n/).flatMap((line) => wrapLine(line, width));
  return [...head.flatMap((line) => wrapLine(line, width)), ...body];
}

/** Run `change` (a promise, a dispute, a note or nothing), then mark the mail handled `as`; resolves to the error text or null. */
function handleAs(view: InboxKeyView, mail: FiledMail, as: HandledAs, change: () => Promise<string>): Promise<string | null> {
  const { services } = view.desk;
  return change()
    .then(async (line) => {
      await services.handleMail(mail.id, as);
      view.changed(`${line}${line ? '; ' : ''}${mail.kind} from ${mail.from || mail.customerCode} handled${as === 'handled' ? '' : ` as a ${as}`}`);
      return null;
    })
    .catch((error: unknown) => errorText(error));
}

/** The reply's customer, or a warning when it has none. */
function customerOf(mail: FiledMail, desk: Desk): string | null {
  if (mail.customerCode === null) desk.notify(`this ${mail.kind} is not filed against a customer; h marks it handled`, 'warn');
  return mail.customerCode;
}

/** The Inbox screen's commands. */
export const INBOX_COMMANDS: CommandHandlers<InboxKeyView> = {
  mailHandled: (view) => {
    const mail = view.current;
    if (!mail) return;
    void handleAs(view, mail, 'handled', () => Promise.resolve('')).then((error) => error && view.desk.notify(error, 'error'));
  },
  mailPromise: (view) => {
    const mail = view.current;
    const code = mail && customerOf(mail, view.desk);
    if (!mail || !code) return;
    view.prompt.open({
      label: `Promise to pay of ${code} (from the ${mail.kind})`,
      hint: 'YYYY-MM-DD [amount] [note] · every open item in its currency · then the reply is handled · Esc cancels',
      onSubmit: (value) => {
        const parsed = parsePromiseLine(value);
        if (typeof parsed === 'string') return parsed;
        return handleAs(view, mail, 'promise', () => view.desk.services.recordPromise(code, parsed.date, parsed.amount, parsed.note));
      },
    });
  },
  mailDispute: (view) => {
    const mail = view.current;
    const code = mail && customerOf(mail, view.desk);
    if (!mail || !code) return;
    view.prompt.open({
      label: `Dispute of ${code} (from the reply): item and reason`,
      hint: 'the open item\'s number, then the reason · left out of reminders until resolved · Esc cancels',
      onSubmit: (value) => {
        const [item = '', ...reason] = value.trim().split(/\s+/);
        if (item === '') return "type the open item's number, then the reason";
        return handleAs(view, mail, 'dispute', () => view.desk.services.markDisputed(code, item, reason.join(' ')));
      },
    });
  },
  mailNote: (view) => {
    const mail = view.current;
    const code = mail && customerOf(mail, view.desk);
    if (!mail || !code) return;
    view.prompt.open({
      label: `Note on ${code} (from the ${mail.kind})`,
      initial: `${mail.kind} from ${mail.from}: ${mail.detail}`.slice(0, 200),
      hint: '[YYYY-MM-DD follow-up] text · then the reply is handled · Esc cancels',
      onSubmit: (value) => {
        const { text, followUp } = parseNoteLine(value);
        if (text === '') return 'type the note';
        return handleAs(view, mail, 'note', () =>
          view.desk.services.addNote(code, text, followUp).then(() => `${code}: note added${followUp ? `, follow up on ${followUp}` : ''}`));
      },
    });
  },
  clearUndeliverable: (view) => {
    const mail = view.current;
    if (!mail) return;
    if (mail.kind !== 'bounce' || mail.customerCode === null || mail.address === '') {
      view.desk.notify('U clears the address a bounce marked undeliverable: choose a bounce', 'warn');
      return;
    }
    const code = mail.customerCode;
    void handleAs(view, mail, 'handled', () =>
      view.desk.services.clearUndeliverableAddress(code, mail.address).then((n) =>
        n > 0 ? `${code}: ${mail.address} is deliverable again` : `${code}: ${mail.address} was not marked undeliverable`),
    ).then((error) => error && view.desk.notify(error, 'error'));
  },
  fetchInbox: ({ desk, changed }) => {
    const { services, notify } = desk;
    notify('fetching the inbox…', 'info');
    services.fetchInbox((done, total) => notify(`fetching the inbox: ${formatCount(done)} of ${formatCount(total)} mails`, 'info')).then(
      (result) => {
        const c = result.counts;
        changed(`inbox fetched from ${result.mailbox}: ${c.bounce} bounce${c.bounce === 1 ? '' : 's'}, ${c.reply} repl${c.reply === 1 ? 'y' : 'ies'}, ${c['auto-reply']} automatic, ${c.unmatched} unmatched`);
      },
      (error: unknown) => notify(`could not fetch the inbox: ${errorText(error)}`, 'error'),
    );
  },
};

/** The Inbox screen. */
export function InboxScreen({ height, width, active }: ScreenProps): React.JSX.Element {
  const desk = useDesk();
  const { services, review, version, notify, dataChanged } = desk;
  const [mails, setMails] = useState<FiledMail[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [list, setList] = useState<ListState>(initialList);
  /** The mail whose text is shown, and the first line shown. */
  const [open, setOpen] = useState<{ id: number; top: number } | null>(null);
  const state = useRef({ mails, list, open });
  state.current = { mails, list, open };
  const prompt = usePrompt();
  const tableHeight = useRef(10);

  useLoad(() => services.openInbox(), setMails, setError, [services, version]);

  const changed = (text: string): void => {
    setOpen(null);
    void services.openInbox().then(setMails, (failure: unknown) => setError(errorText(failure))).then(() => {
      notify(text, 'ok');
      dataChanged();
    });
  };

  const handle = (command: Command | null, _input: string, key: Key): boolean => {
    const rows = state.current.mails ?? [];
    const shown = state.current.open;
    if (shown !== null) {
      const mail = rows.find((m) => m.id === shown.id) ?? null;
      if (key.escape || mail === null) {
        setOpen(null);
        return key.escape;
      }
      if (command === 'up' || command === 'down' || command === 'pageUp' || command === 'pageDown') {
        const step = command === 'up' ? -1 : command === 'down' ? 1 : command === 'pageUp' ? -tableHeight.current : tableHeight.current;
        setOpen({ id: shown.id, top: Math.max(0, shown.top + step) });
        return true;
      }
      return runCommand(INBOX_COMMANDS, command, { current: mail, desk, prompt, changed }) ?? false;
    }
    const current = rows[state.current.list.cursor] ?? null;
    if (command === 'open') {
      if (current) setOpen({ id: current.id, top: 0 });
      return true;
    }
    const action = listActionFor(command, () => rows.map((m) => String(m.id)), rows.length, tableHeight.current, current ? String(current.id) : null);
    if (action && command !== 'toggle' && command !== 'selectAll') {
      // Keys typed in one burst act before the next frame: the ref moves with the cursor at once.
      state.current.list = listReducer(state.current.list, action);
      setList(state.current.list);
      return true;
    }
    return runCommand(INBOX_COMMANDS, command, { current, desk, prompt, changed }) ?? false;
  };
  useScreenKeys(handle, () => ['inbox', 'list']);

  const rows = mails ?? [];
  const promptLines = prompt.shown ? 2 : 0;
  const bodyHeight = Math.max(1, height - 3 - promptLines);
  tableHeight.current = bodyHeight;
  const replies = rows.filter((m) => m.kind === 'reply').length;
  const header = mails === null
    ? (error ? `Could not load the inbox: ${error}` : 'Loading the inbox…')
    : `Inbox — ${formatCount(rows.length)} open · ${formatCount(replies)} repl${replies === 1 ? 'y' : 'ies'} · ${formatCount(rows.length - replies)} bounce${rows.length - replies === 1 ? '' : 's'}`;
  const opened = open === null ? undefined : rows.find((m) => m.id === open.id);
  const commands = ['mailHandled', 'mailPromise', 'mailDispute', 'mailNote', 'clearUndeliverable', 'fetchInbox'];
  let body: React.JSX.Element;
  if (opened) {
    const lines = textLines(opened, width);
    const top = Math.min(open!.top, Math.max(0, lines.length - bodyHeight));
    body = (
      <Box flexDirection="column" height={bodyHeight + 1}>
        {lines.slice(top, top + bodyHeight + 1).map((line, i) => (
          <Text key={i} wrap="truncate">
            {clip(line, width) || ' '}
          </Text>
        ))}
      </Box>
    );
  } else {
    body = (
      <VirtualTable
        rows={rows}
        columns={COLUMNS}
        rowKey={(m) => String(m.id)}
        top={windowTop(list.top, list.cursor, bodyHeight, rows.length)}
        cursor={list.cursor}
        height={bodyHeight}
        width={width}
        focused={active}
        rowColor={(m) => (m.kind === 'bounce' ? 'red' : undefined)}
        empty={mails ? 'nothing open: R fetches new mail (imap settings, docs/reference/inbox.md)' : ''}
      />
    );
  }
  return (
    <Box flexDirection="column" height={height}>
      <Text bold color={rows.length > 0 ? 'yellow' : undefined} wrap="truncate">
        {clip(opened ? `${header} · the text of mail ${opened.id} (Esc: back to the list)` : header, width)}
      </Text>
      {body}
      <Box flexGrow={1} />
      <PromptLine prompt={prompt} />
      <Text dimColor wrap="truncate">
        {footer(desk.keys, opened ? commands : ['open', ...commands], review, width)}
      </Text>
    </Box>
  );
}
