/**
 * TUI benchmarks (targets: docs/benchmarks.md): with 100,000 customers the first frame appears in under a second and
 * a keypress redraws in under 50 ms. The desk runs on the in-memory fake services with generated
 * five-language data (prepared in setup, so only the UI is timed), rendered as lib/tui-desk.ts
 * does. Judged against absolute bounds; there is no reference program to compare with.
 */
import type { FakeServices } from '../test/ui/fake-services.js';
import { deskModules as desk, renderDesk, until, TUI_AS_OF as AS_OF, type Rendered } from './lib/tui-desk.js';
import { defineBenchmark, type Benchmark, type Measurement } from './types.js';

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
