/**
 * A benchmark compares our code with a reference doing the same job, measured in the same run, so
 * the ratio means something on a noisy shared machine. bench/run.ts discovers `bench/*.bench.ts`
 * files, each exporting `benchmarks: Benchmark[]`.
 */

/** How the ratio ours/reference is judged. */
export interface Target {
  /** 'time': lower ours/reference is better; 'throughput': higher is better; 'size': bytes, lower better. */
  measure: 'time' | 'throughput' | 'size';
  /** The ratio ours/reference that meets the target (e.g. 1.5 for time, 0.7 for throughput). */
  ratio: number;
}

/**
 * What a side may report instead of letting the harness time the whole call: `ms` is the time of
 * just the part that matters (e.g. keypress to frame, excluding the side's own preparation).
 */
export interface Measurement {
  ms: number;
  /** CPU time of the work in ms (user + system), when the side measured it itself (e.g. a child process). */
  cpuMs?: number;
}

/**
 * One side of a comparison: run once per repetition. Returns the measured value when the target
 * measures 'size' (bytes) or a Measurement; otherwise the harness times the call.
 */
export type Side<C> = (context: C) => Promise<number | Measurement | void> | number | Measurement | void;

/** A fixed bound for benchmarks without a reference (e.g. TUI first frame < 1000 ms). */
export interface AbsoluteTarget {
  /** The median of ours must stay below this, in `unit`. */
  max: number;
  unit: 'ms' | 'bytes';
}

/** A benchmark with its reference. */
export interface Benchmark<C = unknown> {
  name: string;
  target?: Target;
  /** Build data once (sizes smaller with quick). */
  setup(options: { quick: boolean; workDir: string }): Promise<C>;
  ours: Side<C>;
  /** The reference side; absent for benchmarks judged only against `absolute`. */
  reference?: Side<C>;
  /** Absolute bound on ours (for benchmarks without a reference, or in addition to the ratio). */
  absolute?: AbsoluteTarget;
  /** Units of work per repetition (e.g. messages), for throughput; a function when setup decides it. */
  units?: number | ((context: C) => number);
  /** Timed repetitions per side (default 5, and never fewer in a full run; quick 3). */
  repetitions?: number;
  /** Untimed warm-up runs per side before timing (default 1). */
  warmup?: number;
  teardown?(context: C): Promise<void> | void;
}

/**
 * Type a benchmark with its own context and list it in `benchmarks: Benchmark[]`: a Benchmark<C>
 * is not assignable to Benchmark<unknown> (its sides take C), and the harness only ever passes a
 * side the context its own setup returned, so erasing C here is safe.
 */
export function defineBenchmark<C>(benchmark: Benchmark<C>): Benchmark {
  return benchmark as unknown as Benchmark;
}
