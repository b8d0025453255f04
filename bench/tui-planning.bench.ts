/**
 * The desk on real services over the planning benchmark's ledger (100,000 customers, 1,000,000
 * items, a steady state: about 20,000 candidates, 17,700 messages), held in memory so only the
 * desk and planning are timed: how soon the first frame shows, how long a key pressed right after
 * it waits while the plan computes, and when Due now shows the plan ("plan on screen"). Judged
 * against absolute bounds; there is no reference program to compare with.
 */
import type { CommandContext } from '../src/runtime/context.js';
import type { Ledger } from '../src/storage/ledger.js';
import type { DeskServices } from '../src/ui/services.js';
import { BENCH_AS_OF, BENCH_SETTINGS, buildPlanningDatabases } from './planning.bench.js';
import { renderDesk, until, type Rendered } from './lib/tui-desk.js';
import { defineBenchmark, type Benchmark, type Measurement } from './types.js';

interface Context {
  services: DeskServices;
  store: Ledger;
}

/** One ledger for every benchmark of this file: building it takes seconds at full size. */
let built: Promise<Context> | null = null;

function prepared(quick: boolean, workDir: string): Promise<Context> {
  built ??= (async (): Promise<Context> => {
    const size = quick ? { customers: 10_000, items: 100_000 } : { customers: 100_000, items: 1_000_000 };
    const { store, native } = await buildPlanningDatabases(size.customers, size.items);
    native.close();
    const sink = { write: () => true };
    const ctx: CommandContext = {
      openLedger: async () => store,
      settings: { path: `${workDir}/config.json`, read: () => BENCH_SETTINGS },
      env: {},
      stdout: sink,
      stderr: sink,
      now: () => new Date(`${BENCH_AS_OF}T09:00:00`),
      cwd: workDir,
    };
    const { createServices } = await import('../src/ui/services-impl.js');
    return { services: await createServices(ctx), store };
  })();
  return built;
}

const planned = (frame: string): boolean => / of [\d,]+ planned/.test(frame);
const firstFrame = (frame: string): boolean => frame.includes('[1 Due now]');

/** Render the desk, measure from the render call with `measure`, then wait for the plan so no run overlaps the next. */
async function session(c: Context, measure: (desk: Rendered, start: number) => Promise<number>): Promise<Measurement> {
  const start = performance.now();
  const desk = await renderDesk(c.services, BENCH_AS_OF);
  try {
    const ms = await measure(desk, start);
    await until(desk, planned);
    return { ms };
  } finally {
    desk.unmount();
  }
}

function planningBenchmark(name: string, max: number, measure: (desk: Rendered, start: number) => Promise<number>): Benchmark {
  return defineBenchmark<Context>({
    name,
    absolute: { max, unit: 'ms' },
    repetitions: 5,
    setup: ({ quick, workDir }) => prepared(quick, workDir),
    ours: (c) => session(c, measure),
  });
}

/** Every benchmark of this file. */
export const benchmarks: Benchmark[] = [
  // From the render call to the first frame of the desk (tab bar and the planning line).
  planningBenchmark('TUI first frame on real services (1M items)', 1000, async (desk, start) => (await until(desk, firstFrame)) - start),
  // `?` pressed as soon as the desk shows: how long it waits for the planning under way.
  planningBenchmark('TUI keypress while planning (1M items)', 250, async (desk) => {
    await until(desk, firstFrame);
    const pressed = performance.now();
    desk.press('?');
    const shown = (await until(desk, (f) => f.includes(' Keys — Esc'))) - pressed;
    desk.press('\u001B');
    return shown;
  }),
  // From the render call to Due now showing the planned messages.
  planningBenchmark('TUI plan on screen (1M items)', 3000, async (desk, start) => (await until(desk, planned)) - start),
];
