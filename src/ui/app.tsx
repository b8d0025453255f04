/**
 * The desk: tab bar, review banner, the active screen, and a status line. Keys go first to the
 * top of the one dialog stack (help, the status in full, and every screen's prompts and windows),
 * then to the active screen's handler, then to the global bindings. The screens, their tabs and
 * their keys come from the screen registry (screens/registry.ts).
 */
import { Box, Text, useApp, useInput, useStdin, type Key } from 'ink';
import React, { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { deskRefusal, type SessionRights } from '../actions/index.js';
import type { IsoDate } from '../core/domain.js';
import { DeskContext, ScreenContext, type Desk, type KeyRoute, type RunningSend, type ScreenId, type Tone } from './desk-context.js';
import { topBar } from './chrome.js';
import type { StatusText } from './components/status-detail.js';
import { openHelp, openStatusDetail } from './dialogs/overlays.js';
import { DialogStack } from './dialog-stack.js';
import { cellWidth, clip } from './format.js';
import { plainError } from './plain-errors.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { ESCAPE_KEY, escapeBurst, keypresses } from './keypresses.js';
import { screenCommand, type Command, type KeyBinding, type KeyScope } from './keys.js';
import { KEY_TABLE, SCREEN_REGISTRY } from './screens/registry.js';
import type { DeskServices } from './services.js';

/** Props of App. */
export interface AppProps {
  services: DeskServices;
  review: boolean;
  asOf: IsoDate;
}

const SCREENS: readonly ScreenId[] = SCREEN_REGISTRY.map((s) => s.id);
const START: ScreenId = SCREENS[0] ?? '';
/** The screen each digit command shows. */
const SCREEN_OF_COMMAND = new Map<Command, ScreenId>(SCREENS.map((id, i) => [screenCommand(i + 1), id]));
const TONES: Record<Tone, string | undefined> = { info: undefined, ok: 'green', warn: 'yellow', error: 'red' };

/**
 * The binding of `command` (read in `scopes`) when it sends or changes something: review mode
 * refuses those here, once, for every screen.
 */
function changingBinding(command: Command | null, scopes: readonly KeyScope[]): KeyBinding | undefined {
  if (command === null) return undefined;
  return KEY_TABLE.bindings.find((b) => b.command === command && scopes.includes(b.scope) && b.changes === true);
}

/** The status line: what it says, how it is coloured, and the raw error text it explains. */
interface Status extends StatusText {
  tone: Tone;
}

const NO_STATUS: Status = { text: '', raw: null, tone: 'info' };

/** A status for `text`: a known SMTP or file error is told in plain words, keeping the raw text. */
function statusOf(text: string, tone: Tone): Status {
  const plain = tone === 'error' || tone === 'warn' ? plainError(text) : null;
  return plain === null ? { text, raw: null, tone } : { text: plain, raw: text, tone };
}

/** The status line at `width`: when there is more than it shows, it says that `e` shows it all. */
function statusLine(status: Status, width: number): string {
  if (status.raw === null && cellWidth(status.text) <= width) return status.text;
  const more = '  (e: in full)';
  return `${clip(status.text, Math.max(1, width - more.length))}${more}`;
}

/** An Alt-key as Ink reports Esc and a character in one event: meta with no input and no named key. */
function isBareAlt(input: string, key: Key): boolean {
  return key.meta && !key.escape && input === '' && !key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow && !key.pageUp && !key.pageDown && !key.home && !key.end && !key.return && !key.tab && !key.backspace && !key.delete;
}

/** The whole TUI. */
export function App({ services, review, asOf }: AppProps): React.JSX.Element {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const [screen, setScreenState] = useState<ScreenId>(START);
  const screenRef = useRef<ScreenId>(START);
  const [visited, setVisited] = useState<ReadonlySet<ScreenId>>(new Set([START]));
  const [status, setStatusState] = useState<Status>(NO_STATUS);
  const statusRef = useRef<Status>(NO_STATUS);
  const [version, setVersion] = useState(0);
  const routes = useRef(new Map<ScreenId, KeyRoute>());
  const [customerRequest, setCustomerRequest] = useState<Desk['customerRequest']>(null);
  const runningSend = useRef<RunningSend | null>(null);
  // What the session may change, read once when the desk opens (docs/reference/roles.md §3.1).
  const [rights, setRights] = useState<SessionRights | null>(null);
  useEffect(() => {
    services.sessionRights(undefined).then(setRights, () => setRights(null));
  }, [services]);

  const setStatus = useCallback((next: Status) => {
    statusRef.current = next;
    setStatusState(next);
  }, []);
  const setScreen = useCallback(
    (next: ScreenId) => {
      // What the last screen reported is stale on another one.
      if (screenRef.current !== next) setStatus(NO_STATUS);
      screenRef.current = next;
      setScreenState(next);
      setVisited((v) => (v.has(next) ? v : new Set([...v, next])));
    },
    [setStatus],
  );
  const dialogs = useMemo(() => new DialogStack(), []);
  // A dialog that is a window is drawn here, over the screen's body: draw again when one opens or closes.
  const [, setDialogsChanged] = useState(0);
  useLayoutEffect(() => dialogs.subscribe(() => setDialogsChanged((n) => n + 1)), [dialogs]);
  const desk = useMemo<Desk>(
    () => ({
      services,
      review,
      asOf,
      version,
      notify: (text, tone = 'info') => setStatus(statusOf(text, tone)),
      dataChanged: () => setVersion((v) => v + 1),
      register: (id, route) => {
        routes.current.set(id, route);
      },
      openCustomer: (code) => {
        setCustomerRequest((last) => ({ code, seq: (last?.seq ?? 0) + 1 }));
        setScreen('customers');
      },
      customerRequest,
      runningSend,
      dialogs,
      keys: KEY_TABLE,
      roleRefusal: (binding) => (binding.action === undefined ? null : deskRefusal(binding.action, rights)),
    }),
    [services, review, asOf, version, customerRequest, setScreen, setStatus, dialogs, rights],
  );

  const chrome = 2 + (review ? 1 : 0);
  const bodyHeight = Math.max(3, rows - chrome);

  /**
   * Quit; with a send under way, stop it after the messages in flight first and quit when it has
   * ended, so what was sent is folded into the history before the process goes. A second
   * Ctrl-C quits at once (the journal then stays on disk and the next run folds it).
   */
  const quitting = useRef(false);
  const quit = (force: boolean): void => {
    const run = runningSend.current;
    if (run === null || (force && quitting.current)) {
      exit();
      return;
    }
    if (quitting.current) return;
    quitting.current = true;
    run.stop();
    setStatus(statusOf('quitting after the messages in flight (Ctrl-C again: quit now)', 'warn'));
    void run.ended.finally(() => exit());
  };

  const route = (input: string, key: Key): void => {
    if (key.ctrl && input === 'c') {
      quit(true);
      return;
    }
    if (runningSend.current !== null && input === 'q' && !key.ctrl && !key.meta) {
      quit(false);
      return;
    }
    // Only the top dialog hears the key; nothing under it does.
    if (dialogs.route(input, key)) return;
    const entry = routes.current.get(screenRef.current);
    if (entry !== undefined) {
      const scopes = entry.scopes();
      const meant = KEY_TABLE.commandFor(input, key, scopes);
      const refused = review ? changingBinding(meant, scopes) : undefined;
      if (refused) {
        setStatus(statusOf(`review mode: ${refused.keys.at(-1)} (${refused.short ?? refused.help}) is refused — nothing can be sent or changed`, 'warn'));
        return;
      }
      const bound = meant === null ? undefined : KEY_TABLE.bindings.find((b) => b.command === meant && scopes.includes(b.scope) && b.action !== undefined);
      const byRole = bound === undefined ? null : desk.roleRefusal(bound);
      if (byRole !== null) {
        setStatus(statusOf(byRole, 'warn'));
        return;
      }
      if (entry.handler(meant, input, key)) return;
    }
    const command = KEY_TABLE.commandFor(input, key, ['global']);
    switch (command) {
      case 'quit':
        quit(false);
        return;
      case 'help':
        openHelp(desk, { height: bodyHeight, width: columns });
        return;
      case 'statusDetail':
        if (statusRef.current.text !== '') openStatusDetail(desk, { height: bodyHeight, width: columns }, () => statusRef.current);
        return;
      case 'nextScreen':
      case 'previousScreen': {
        const step = command === 'nextScreen' ? 1 : SCREENS.length - 1;
        setScreen(SCREENS[(SCREENS.indexOf(screenRef.current) + step) % SCREENS.length] ?? START);
        return;
      }
      case 'refresh':
        setVersion((v) => v + 1);
        setStatus(statusOf('reloaded', 'info'));
        return;
      default: {
        const shown = command === null ? undefined : SCREEN_OF_COMMAND.get(command);
        if (shown !== undefined) setScreen(shown);
        return;
      }
    }
  };
  // A chunk may hold several keys (typed fast, pasted, over SSH): each is handled in order.
  useInput((input, key) => {
    if (isBareAlt(input, key)) return; // read from the raw event below
    for (const [one, oneKey] of keypresses(input, key)) route(one, oneKey);
  });
  // Esc and a key in one burst is Esc, then the key (docs/reference/tui.md §2.1).
  const routeRef = useRef(route);
  routeRef.current = route;
  const { internal_eventEmitter: inputEvents } = useStdin();
  useEffect(() => {
    const onInput = (data: string): void => {
      const rest = escapeBurst(data);
      if (rest === null) return;
      routeRef.current(...ESCAPE_KEY);
      for (const [one, oneKey] of keypresses(rest, { ...ESCAPE_KEY[1], escape: false, meta: false })) routeRef.current(one, oneKey);
    };
    inputEvents.on('input', onInput);
    return () => {
      inputEvents.removeListener('input', onInput);
    };
  }, [inputEvents]);

  const screenProps = { height: bodyHeight, width: columns };
  const windowDialog = dialogs.topWindow();
  return (
    <DeskContext.Provider value={desk}>
      <Box flexDirection="column" width={columns} height={rows}>
        <Text bold wrap="truncate">
          {topBar(SCREEN_REGISTRY.map((s) => s.title), SCREENS.indexOf(screen), asOf, columns)}
        </Text>
        {review ? (
          <Text backgroundColor="yellow" color="black" wrap="truncate">
            {clip(' REVIEW MODE — read-only: nothing can be sent or changed; preview and w (to the preview folder) work', columns)}
          </Text>
        ) : null}
        <Box flexDirection="column" height={bodyHeight}>
          {windowDialog?.window?.(screenProps)}
          {SCREEN_REGISTRY.filter((s) => visited.has(s.id)).map(({ id, component: Screen }) => (
            <Box key={id} display={windowDialog === undefined && id === screen ? 'flex' : 'none'} flexDirection="column">
              <ScreenContext.Provider value={id}>
                <Screen {...screenProps} active={id === screen} />
              </ScreenContext.Provider>
            </Box>
          ))}
        </Box>
        <Text color={TONES[status.tone]} wrap="truncate">
          {statusLine(status, columns)}
        </Text>
      </Box>
    </DeskContext.Provider>
  );
}
