/** Rendering the desk in tests: keys by name, and waiting for a frame predicate (never a fixed sleep). */
import { render } from 'ink-testing-library';
import React from 'react';
import { App } from '../../src/ui/app.js';
import { readOnlyServices, type DeskServices } from '../../src/ui/services.js';
import { AS_OF } from './generated-data.js';

/** Escape sequences of the keys the tests press. */
export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
} as const;

/**
 * Wait until `predicate` holds for the last frame; fails with the frame it last saw. It polls
 * the frame, so it returns as soon as the UI gets there.
 */
export async function waitForFrame(lastFrame: () => string | undefined, predicate: (frame: string) => boolean, timeoutMs = 5000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const frame = lastFrame() ?? '';
    if (predicate(frame)) return frame;
    if (Date.now() - start > timeoutMs) throw new Error(`frame never matched within ${timeoutMs} ms; last frame:\n${frame}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** A rendered desk. */
export interface Desk {
  lastFrame(): string;
  /** Every frame drawn so far, oldest first. */
  frames(): readonly string[];
  /** Write keys (each argument one chunk, sent back to back). */
  press(...keys: string[]): void;
  /** Wait for a frame containing `text` (or matching a predicate). */
  waitFor(what: string | ((frame: string) => boolean), timeoutMs?: number): Promise<string>;
  resize(columns: number, rows: number): void;
  /** Whether the App has quit (Ink unmounted it). */
  exited(): boolean;
  unmount(): void;
}

/** Calls `onGone` when it is unmounted: tells a test that the App quit. */
function ExitProbe({ onGone, children }: { onGone: () => void; children: React.ReactNode }): React.ReactNode {
  React.useEffect(() => onGone, [onGone]);
  return children;
}

/** Render the App on `services` (wrapped read-only in review mode, as runTui does). */
export function renderDesk(services: DeskServices, options: { review?: boolean; columns?: number; rows?: number } = {}): Desk {
  const review = options.review ?? false;
  let gone = false;
  const onGone = (): void => {
    gone = true;
  };
  const instance = render(
    <ExitProbe onGone={onGone}>
      <App services={review ? readOnlyServices(services) : services} review={review} asOf={AS_OF} />
    </ExitProbe>,
  );
  const stdout = instance.stdout as unknown as NodeJS.EventEmitter;
  const resize = (columns: number, rows: number): void => {
    Object.defineProperty(stdout, 'columns', { value: columns, configurable: true });
    Object.defineProperty(stdout, 'rows', { value: rows, configurable: true });
    stdout.emit('resize');
  };
  if (options.columns !== undefined || options.rows !== undefined) resize(options.columns ?? 100, options.rows ?? 24);
  const lastFrame = (): string => instance.lastFrame() ?? '';
  return {
    lastFrame,
    frames: () => instance.frames,
    press: (...keys) => {
      for (const key of keys) instance.stdin.write(key);
    },
    waitFor: (what, timeoutMs) => waitForFrame(lastFrame, typeof what === 'string' ? (f) => f.includes(what) : what, timeoutMs),
    resize,
    exited: () => gone,
    unmount: () => instance.unmount(),
  };
}

/** The line of a frame that shows `text` (a customer code, a key), or undefined. */
export function rowOf(frame: string, text: string): string | undefined {
  return frame.split('\n').find((line) => line.includes(text));
}
