/**
 * The desk as the TUI benchmarks drive it: Ink, React and the App loaded with the production
 * build (as runTui does), rendered by ink-testing-library (unthrottled: every state change writes
 * a frame), each frame checked against the terminal height, and frames awaited by predicate.
 */
import type { DeskServices } from '../../src/ui/services.js';

/** The as-of date of the TUI benchmarks. */
export const TUI_AS_OF = '2026-11-22';

/**
 * Ink, React and the desk, loaded on first use with NODE_ENV=production when it is unset, as
 * runTui does: the operator gets the production build of React, so that is what is measured.
 */
export async function deskModules() {
  process.env.NODE_ENV ??= 'production';
  const [{ render }, { createElement }, { App }] = await Promise.all([import('ink-testing-library'), import('react'), import('../../src/ui/app.js')]);
  return { render, createElement, App };
}

/** The fake terminal of ink-testing-library has 100 columns; it reports no rows, so the desk uses 24. */
const ROWS = 24;

/** A desk being measured. */
export interface Rendered {
  frame(): string;
  /** Resolves at the next frame written after this call. */
  nextFrame(): Promise<number>;
  press(key: string): void;
  unmount(): void;
}

/** Render the App on `services` for `asOf`. */
export async function renderDesk(services: DeskServices, asOf = TUI_AS_OF): Promise<Rendered> {
  const { render, createElement, App } = await deskModules();
  const instance = render(createElement(App, { services, review: false, asOf }));
  let waiting: ((at: number) => void) | null = null;
  const original = instance.stdout.write;
  instance.stdout.write = (frame: string) => {
    original(frame);
    const lines = frame.split('\n').length;
    if (lines > ROWS) throw new Error(`a frame of ${lines} lines in a ${ROWS}-line terminal`);
    const resolve = waiting;
    waiting = null;
    resolve?.(performance.now());
  };
  return {
    frame: () => instance.lastFrame() ?? '',
    nextFrame: () => new Promise((resolve) => (waiting = resolve)),
    press: (key) => instance.stdin.write(key),
    unmount: () => instance.unmount(),
  };
}

/** The time at which a frame matching `predicate` is on screen (now, if it already is). */
export async function until(desk: Rendered, predicate: (frame: string) => boolean): Promise<number> {
  for (;;) {
    const next = desk.nextFrame();
    if (predicate(desk.frame())) return performance.now();
    await next;
  }
}
