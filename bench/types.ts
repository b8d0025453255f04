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

/** One side of a comparison: run once per repetition, returns the measured value if not time. */
export type Side<C> = (context: C) => Promise<number | void> | number | void;

/** A benchmark with its reference. */
export interface Benchmark<C = unknown> {
  name: string;
  target?: Target;
  /** Build data once (sizes smaller with quick). */
  setup(options: { quick: boolean; workDir: string }): Promise<C>;
  ours: Side<C>;
  reference: Side<C>;
  /** Units of work per repetition (e.g. messages), for throughput. */
  units?: number;
  teardown?(context: C): Promise<void> | void;
}
