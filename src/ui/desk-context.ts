/**
 * What every screen gets from the App: the services, review mode, the session date, a status line
 * to report to, a data version that changes after anything was sent or changed, and the key router.
 */
import type { Key } from 'ink';
import { createContext, useContext, useLayoutEffect, useRef } from 'react';
import type { IsoDate } from '../core/domain.js';
import type { DeskServices } from './services.js';

/** Tone of a status line message. */
export type Tone = 'info' | 'ok' | 'warn' | 'error';

/** A key handler; returns true when it used the key (then the App does not). */
export type KeyHandler = (input: string, key: Key) => boolean;

/** The screens, in Tab order. */
export const SCREENS = ['due', 'customers', 'history', 'settings'] as const;
/** One screen id. */
export type ScreenId = (typeof SCREENS)[number];

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
  /** Register the key handler of a screen (only the active screen's handler is called). */
  register(screen: ScreenId, handler: KeyHandler): void;
}

/** The desk context (provided by App). */
export const DeskContext = createContext<Desk | null>(null);

/** The desk of the current App. */
export function useDesk(): Desk {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk outside of the App');
  return desk;
}

/** Route keys to `handler` while `screen` is the active screen. The latest handler is always used. */
export function useScreenKeys(screen: ScreenId, handler: KeyHandler): void {
  const { register } = useDesk();
  const ref = useRef(handler);
  ref.current = handler;
  useLayoutEffect(() => {
    register(screen, (input, key) => ref.current(input, key));
  }, [register, screen]);
}

/** The message to show for a failed action. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
