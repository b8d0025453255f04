/**
 * What every screen gets from the App: the services, review mode, the session date, a status line
 * to report to, a data version that changes after anything was sent or changed, and the key router.
 */
import type { Key } from 'ink';
import { createContext, useContext, useLayoutEffect, useRef } from 'react';
import type { IsoDate } from '../core/domain.js';
import type { DialogStack } from './dialog-stack.js';
import type { Command, KeyBinding, KeyScope, KeyTable } from './keys.js';
import type { DeskServices } from './services.js';

/** Tone of a status line message. */
export type Tone = 'info' | 'ok' | 'warn' | 'error';

/**
 * A screen's key handler: `command` is what the key means in the screen's scopes right now (null:
 * nothing); returns true when it used the key (then the App does not).
 */
export type KeyHandler = (command: Command | null, input: string, key: Key) => boolean;

/** The key scopes a screen reads its commands in right now, most specific first. */
export type ScopesNow = () => readonly KeyScope[];

/** A screen's entry in the key router. */
export interface KeyRoute {
  handler: KeyHandler;
  scopes: ScopesNow;
}

/** One screen's id, as the screen registry (screens/registry.ts) lists it. */
export type ScreenId = string;

/** Props every screen gets. */
export interface ScreenProps {
  height: number;
  width: number;
  active: boolean;
}

/** A send under way: how to stop it, and when it has ended (the App waits for it before quitting). */
export interface RunningSend {
  stop(): void;
  ended: Promise<void>;
}

/** Shared state and actions of the desk. */
export interface Desk {
  services: DeskServices;
  review: boolean;
  asOf: IsoDate;
  /** Changes whenever data changed (send, hold, import...); screens reload on it. */
  version: number;
  notify(text: string, tone?: Tone): void;
  /** Tell every screen that data changed. */
  dataChanged(): void;
  /** The send under way, if any (set by the send window; read by the App on Ctrl-C and q). */
  runningSend: { current: RunningSend | null };
  /** Show the Customers screen with this customer opened (Enter on a skipped row). */
  openCustomer(code: string): void;
  /** The last customer asked to be opened; `seq` tells a repeated request apart. */
  customerRequest: { code: string; seq: number } | null;
  /** Register the key route of a screen (only the active screen's handler is called). */
  register(screen: ScreenId, route: KeyRoute): void;
  /** The open dialogs: the top one takes every key before any screen. */
  dialogs: DialogStack;
  /** The desk's one key table (every screen's scope, the lists' and the global keys). */
  keys: KeyTable;
  /**
   * Why the session's role may not use `binding` (its action needs more, docs/reference/roles.md
   * §3.1), in the server's words; null when it may, or before the session's rights are known.
   */
  roleRefusal(binding: KeyBinding): string | null;
}

/** The desk context (provided by App). */
export const DeskContext = createContext<Desk | null>(null);

/** The desk of the current App. */
export function useDesk(): Desk {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk outside of the App');
  return desk;
}

/** The id of the screen a component is drawn in (provided by App around each registered screen). */
export const ScreenContext = createContext<ScreenId | null>(null);

/**
 * Route keys to `handler` while this screen is the active screen and no dialog is open (the dialog
 * stack takes them first); `scopes` says how the router reads them (it refuses keys that change
 * something in review mode). The latest functions are used.
 */
export function useScreenKeys(handler: KeyHandler, scopes: ScopesNow): void {
  const { register } = useDesk();
  const screen = useContext(ScreenContext);
  if (screen === null) throw new Error('useScreenKeys outside of a registered screen');
  const ref = useRef({ handler, scopes });
  ref.current = { handler, scopes };
  useLayoutEffect(() => {
    register(screen, {
      handler: (command, input, key) => ref.current.handler(command, input, key),
      scopes: () => ref.current.scopes(),
    });
  }, [register, screen]);
}

/** The message to show for a failed action. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
