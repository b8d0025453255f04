/**
 * TUI benchmarks (targets: docs/benchmarks.md): with 100,000 customers the first frame appears in under a second and
 * a keypress redraws in under 50 ms. The desk runs on its real actions over an in-memory ledger
 * seeded with generated five-language data (test/ui/real-desk.ts), rendered as lib/tui-desk.ts
 * does. Only the UI is timed: the plan and the customer list are made once in setup and handed
 * back as made (planning and aging at this size are tui-planning.bench.ts's to measure). Judged
 * against absolute bounds; there is no reference program to compare with.
 */
import type { DeskServices } from '../src/ui/services.js';
import { deskModules as desk, renderDesk, until, TUI_AS_OF as AS_OF, type Rendered } from './lib/tui-desk.js';
import { defineBenchmark, type Benchmark, type Measurement } from './types.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

interface Context {
  services: DeskServices;
  customers: number;
  desk?: Rendered;
}

/** One seeded desk for every benchmark of this file: seeding 100,000 customers takes tens of seconds. */
let built: Promise<Context> | null = null;

function prepared(quick: boolean): Promise<Context> {
  built ??= (async (): Promise<Context> => {
    const customers = quick ? 20_000 : 100_000;
    const { realDesk } = await import('../test/ui/real-desk.js');
    const real = await realDesk({ customers });
    process.once('exit', () => real.close());
    // The plan and the aging of every customer are the actions' cost, made once here, not the desk's.
    const plan = real.data.plan;
    const list = await real.listCustomers(AS_OF);
    const services: DeskServices = { ...real, loadPlan: async () => plan, listCustomers: async () => list };
    return { services, customers };
  })();
  return built.then((c) => ({ ...c }));
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
