/**
 * The desk: tab bar, review banner, the active screen, and a status line. Keys go first to the
 * help window when it is open, then to the active screen's handler, then to the global bindings.
 */
import { Box, Text, useApp, useInput, type Key } from 'ink';
import React, { useCallback, useMemo, useRef, useState } from 'react';
import type { IsoDate } from '../core/domain.js';
import { Help, helpLines } from './components/help.js';
import { DeskContext, SCREENS, type Desk, type KeyRoute, type ScreenId, type Tone } from './desk-context.js';
import { topBar } from './chrome.js';
import { clip } from './format.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { keypresses } from './keypresses.js';
import { commandFor, KEY_BINDINGS, type KeyBinding, type KeyScope } from './keys.js';
import { CustomersScreen } from './screens/customers.js';
import { DueScreen } from './screens/due.js';
import { HistoryScreen } from './screens/history.js';
import { SettingsScreen } from './screens/settings.js';
import type { DeskServices } from './services.js';

/** Props of App. */
export interface AppProps {
  services: DeskServices;
  review: boolean;
  asOf: IsoDate;
}

const TITLES: Record<ScreenId, string> = { due: 'Due now', customers: 'Customers', history: 'History', settings: 'Settings' };
const TONES: Record<Tone, string | undefined> = { info: undefined, ok: 'green', warn: 'yellow', error: 'red' };

/**
 * The binding a key means in `scopes` when it sends or changes something: review mode refuses
 * those here, once, for every screen.
 */
function changingBinding(input: string, key: Key, scopes: readonly KeyScope[] | null): KeyBinding | undefined {
  if (scopes === null) return undefined;
  const command = commandFor(input, key, scopes);
  if (command === null) return undefined;
  return KEY_BINDINGS.find((b) => b.command === command && scopes.includes(b.scope) && b.changes === true);
}

/** The whole TUI. */
export function App({ services, review, asOf }: AppProps): React.JSX.Element {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const [screen, setScreenState] = useState<ScreenId>('due');
  const screenRef = useRef<ScreenId>('due');
  const [visited, setVisited] = useState<ReadonlySet<ScreenId>>(new Set(['due']));
  const [help, setHelpState] = useState<number | null>(null);
  const helpRef = useRef<number | null>(null);
  const [status, setStatus] = useState<{ text: string; tone: Tone }>({ text: '', tone: 'info' });
  const [version, setVersion] = useState(0);
  const routes = useRef(new Map<ScreenId, KeyRoute>());
  const [customerRequest, setCustomerRequest] = useState<Desk['customerRequest']>(null);

  const setScreen = useCallback((next: ScreenId) => {
    screenRef.current = next;
    setScreenState(next);
    setVisited((v) => (v.has(next) ? v : new Set([...v, next])));
  }, []);
  const setHelp = (value: number | null): void => {
    helpRef.current = value;
    setHelpState(value);
  };

  const desk = useMemo<Desk>(
    () => ({
      services,
      review,
      asOf,
      version,
      notify: (text, tone = 'info') => setStatus({ text, tone }),
      dataChanged: () => setVersion((v) => v + 1),
      register: (id, route) => {
        routes.current.set(id, route);
      },
      openCustomer: (code) => {
        setCustomerRequest((last) => ({ code, seq: (last?.seq ?? 0) + 1 }));
        setScreen('customers');
      },
      customerRequest,
    }),
    [services, review, asOf, version, customerRequest, setScreen],
  );

  const chrome = 2 + (review ? 1 : 0);
  const bodyHeight = Math.max(3, rows - chrome);

  const route = (input: string, key: Key): void => {
    if (helpRef.current !== null) {
      const command = commandFor(input, key, ['list', 'global']);
      const max = Math.max(0, helpLines().length - (bodyHeight - 1));
      if (command === 'down') setHelp(Math.min(max, helpRef.current + 1));
      else if (command === 'up') setHelp(Math.max(0, helpRef.current - 1));
      else if (command === 'back' || command === 'help' || command === 'quit') setHelp(null);
      return;
    }
    const entry = routes.current.get(screenRef.current);
    const refused = review ? changingBinding(input, key, entry?.scopes() ?? null) : undefined;
    if (refused) {
      setStatus({ text: `review mode: ${refused.keys.at(-1)} (${refused.short ?? refused.help}) is refused — nothing can be sent or changed`, tone: 'warn' });
      return;
    }
    if (entry?.handler(input, key)) return;
    const command = commandFor(input, key, ['global']);
    switch (command) {
      case 'quit':
        exit();
        return;
      case 'help':
        setHelp(0);
        return;
      case 'nextScreen':
      case 'previousScreen': {
        const step = command === 'nextScreen' ? 1 : SCREENS.length - 1;
        setScreen(SCREENS[(SCREENS.indexOf(screenRef.current) + step) % SCREENS.length] ?? 'due');
        return;
      }
      case 'screen1':
      case 'screen2':
      case 'screen3':
      case 'screen4':
        setScreen(SCREENS[Number(command.slice(-1)) - 1] ?? 'due');
        return;
      case 'refresh':
        setVersion((v) => v + 1);
        setStatus({ text: 'reloaded', tone: 'info' });
        return;
      default:
        return;
    }
  };
  // A chunk may hold several keys (typed fast, pasted, over SSH): each is handled in order.
  useInput((input, key) => {
    for (const [one, oneKey] of keypresses(input, key)) route(one, oneKey);
  });

  const screenProps = { height: bodyHeight, width: columns };
  return (
    <DeskContext.Provider value={desk}>
      <Box flexDirection="column" width={columns} height={rows}>
        <Text bold wrap="truncate">
          {topBar(SCREENS.map((id) => TITLES[id]), SCREENS.indexOf(screen), asOf, columns)}
        </Text>
        {review ? (
          <Text backgroundColor="yellow" color="black" wrap="truncate">
            {clip(' REVIEW MODE — read-only: nothing can be sent or changed; preview and w (to the preview folder) work', columns)}
          </Text>
        ) : null}
        <Box flexDirection="column" height={bodyHeight}>
          {help !== null ? <Help height={bodyHeight} width={columns} scroll={help} /> : null}
          {SCREENS.filter((id) => visited.has(id)).map((id) => (
            <Box key={id} display={help === null && id === screen ? 'flex' : 'none'} flexDirection="column">
              {id === 'due' ? <DueScreen {...screenProps} active={id === screen} /> : null}
              {id === 'customers' ? <CustomersScreen {...screenProps} active={id === screen} /> : null}
              {id === 'history' ? <HistoryScreen {...screenProps} active={id === screen} /> : null}
              {id === 'settings' ? <SettingsScreen {...screenProps} active={id === screen} /> : null}
            </Box>
          ))}
        </Box>
        <Text color={TONES[status.tone]} wrap="truncate">
          {clip(status.text, columns)}
        </Text>
      </Box>
    </DeskContext.Provider>
  );
}
