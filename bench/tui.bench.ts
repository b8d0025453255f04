/**
 * TUI benchmarks (SPEC §10): with 100,000 customers the first frame appears in under a second and
 * a keypress redraws in under 50 ms. The desk runs on the in-memory fake services with generated
 * five-language data (prepared in setup, so only the UI is timed), rendered by ink-testing-library
 * (unthrottled: every state change writes a frame). Every frame is checked against the terminal
 * height. Judged against absolute bounds; there is no reference program to compare with.
 */
import type { FakeServices } from '../test/ui/fake-services.js';
import { defineBenchmark, type Benchmark, type Measurement } from './types.js';

const AS_OF = '2026-11-22';

/**
 * Ink, React and the desk, loaded on first use with NODE_ENV=production when it is unset, as
 * runTui does: the operator gets the production build of React, so that is what is measured.
 */
async function desk() {
  process.env.NODE_ENV ??= 'production';
  const [{ render }, { createElement }, { App }, { FakeServices }] = await Promise.all([
    import('ink-testing-library'),
    import('react'),
    import('../src/ui/app.js'),
    import('../test/ui/fake-services.js'),
  ]);
  return { render, createElement, App, FakeServices };
}

/** The fake terminal of ink-testing-library has 100 columns; it reports no rows, so the desk uses 24. */
const ROWS = 24;

interface Rendered {
  frame(): string;
  /** Resolves at the next frame written after this call. */
  nextFrame(): Promise<number>;
  press(key: string): void;
  unmount(): void;
}

async function renderDesk(services: FakeServices): Promise<Rendered> {
  const { render, createElement, App } = await desk();
  const instance = render(createElement(App, { services, review: false, asOf: AS_OF }));
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

async function until(desk: Rendered, predicate: (frame: string) => boolean): Promise<number> {
  for (;;) {
    const next = desk.nextFrame();
    if (predicate(desk.frame())) return performance.now();
    await next;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

interface Context {
  services: FakeServices;
  customers: number;
  desk?: Rendered;
}

async function prepared(quick: boolean): Promise<Context> {
  const customers = quick ? 20_000 : 100_000;
  const { FakeServices } = await desk();
  const services = new FakeServices({ customers });
  // The fake computes aging once and caches it: that is the services' cost, not the desk's.
  await services.listCustomers(AS_OF);
  return { services, customers };
}

const firstFrame = defineBenchmark<Context>({
  name: 'TUI first frame (Due now, 100,000 customers)',
  absolute: { max: 1000, unit: 'ms' },
  repetitions: 5,
  setup: ({ quick }) => prepared(quick),
  ours: async (c): Promise<Measurement> => {
    await desk();
    const start = performance.now();
    const rendered = await renderDesk(c.services);
    const shown = await until(rendered, (f) => / of [\d,]+ planned/.test(f));
    rendered.unmount();
    return { ms: shown - start };
  },
});

const customersFrame = defineBenchmark<Context>({
  name: 'TUI Customers screen first frame (100,000 customers)',
  absolute: { max: 1000, unit: 'ms' },
  repetitions: 5,
  setup: async ({ quick }) => {
    const c = await prepared(quick);
    c.desk = await renderDesk(c.services);
    await until(c.desk, (f) => f.includes('planned'));
    return c;
  },
  ours: async (c): Promise<Measurement> => {
    const desk = c.desk!;
    desk.press('1');
    await until(desk, (f) => f.includes('[1 Due now]'));
    const start = performance.now();
    desk.press('2');
    const shown = await until(desk, (f) => f.includes(`of ${c.customers.toLocaleString('en-US')} ·`));
    return { ms: shown - start };
  },
  teardown: (c) => c.desk?.unmount(),
});

/** Median keypress-to-frame over a run of keys on the Customers list. */
function keypress(name: string, keys: (i: number) => string): Benchmark {
  return defineBenchmark<Context>({
    name,
    absolute: { max: 50, unit: 'ms' },
    repetitions: 5,
    setup: async ({ quick }) => {
      const c = await prepared(quick);
      c.desk = await renderDesk(c.services);
      await until(c.desk, (f) => f.includes('planned'));
      c.desk.press('2');
      await until(c.desk, (f) => f.includes(`of ${c.customers.toLocaleString('en-US')} ·`));
      return c;
    },
    ours: async (c): Promise<Measurement> => {
      const desk = c.desk!;
      const times: number[] = [];
      for (let i = 0; i < 30; i += 1) {
        const frame = desk.nextFrame();
        const start = performance.now();
        desk.press(keys(i));
        times.push((await frame) - start);
      }
      return { ms: median(times) };
    },
    teardown: (c) => c.desk?.unmount(),
  });
}

/** Every benchmark of this file. */
export const benchmarks: Benchmark[] = [
  firstFrame,
  customersFrame,
  // Down/up through 100,000 rows, then page down: each redraws the visible window only.
  keypress('TUI keypress to frame (j/k/PgDn on 100,000 customers)', (i) => (i % 3 === 2 ? '\u001B[6~' : i % 3 === 0 ? 'j' : 'k')),
  // Space toggles the selection under the cursor.
  keypress('TUI keypress to frame (space select on 100,000 customers)', () => ' '),
  // `/` opens the search; typing and deleting a Greek letter searches all 100,000 names each time.
  keypress('TUI keypress to frame (search on 100,000 customers)', (i) => (i === 0 ? '/' : i === 29 ? '\u001B' : i % 2 === 1 ? 'α' : '\u007F')),
];
