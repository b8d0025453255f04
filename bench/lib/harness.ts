/**
 * Runs one benchmark: setup, warm-up, then repetitions that alternate which side goes first so both
 * sides share the machine's noise, and judges the medians against the target. Pure of any output:
 * bench/run.ts prints and writes files.
 */
import type { AbsoluteTarget, Benchmark, Measurement, Side, Target } from '../types.js';
import { summarize, type SideStats } from './stats.js';

/** Unit of the figures of a result. */
export type ResultUnit = 'ms' | 'bytes' | 'per-second';

/** The outcome of one benchmark. */
export interface BenchResult {
  name: string;
  /** The module it came from (bench/<file>). */
  file: string;
  unit: ResultUnit;
  ours: SideStats | null;
  reference: SideStats | null;
  /** CPU time (user + system, ms) of each side per repetition: the process's, or a child's when it ran one. */
  cpu?: { ours: SideStats; reference: SideStats | null } | null;
  /** median(ours) / median(reference); null without a reference. */
  ratio: number | null;
  target: Target | null;
  absolute: AbsoluteTarget | null;
  /** True/false when judged; null when there is nothing to judge against or it failed. */
  met: boolean | null;
  repetitions: number;
  /** Set when setup or a side threw; the figures are then null. */
  error: string | null;
}

/** How to run. `now` and `collect` are injectable so tests can drive the harness synthetically. */
export interface HarnessOptions {
  quick: boolean;
  workDir: string;
  /** Milliseconds clock (default performance.now). */
  now?: () => number;
  /** Called before every timed run, e.g. to collect garbage (default: nothing). */
  collect?: () => void;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

/** Default timed repetitions per side; a full run never takes fewer, so the spread means something. */
export const DEFAULT_REPETITIONS = { full: 5, quick: 3 } as const;

/** Unit a benchmark's figures are in. */
export function unitOf(benchmark: Pick<Benchmark, 'target' | 'absolute'>): ResultUnit {
  if (benchmark.target?.measure === 'size' || benchmark.absolute?.unit === 'bytes') return 'bytes';
  if (benchmark.target?.measure === 'throughput') return 'per-second';
  return 'ms';
}

/** Whether the figures meet the target and the absolute bound (null when neither applies). */
export function judge(
  target: Target | null,
  absolute: AbsoluteTarget | null,
  ratio: number | null,
  oursMedian: number,
): boolean | null {
  const verdicts: boolean[] = [];
  if (target !== null && ratio !== null) {
    verdicts.push(target.measure === 'throughput' ? ratio >= target.ratio : ratio <= target.ratio);
  }
  if (absolute !== null) verdicts.push(oursMedian <= absolute.max);
  return verdicts.length === 0 ? null : verdicts.every(Boolean);
}

/** Run one benchmark end to end; never throws (a failure becomes `error`). */
export async function runBenchmark(benchmark: Benchmark<unknown>, file: string, options: HarnessOptions): Promise<BenchResult> {
  const now = options.now ?? (() => performance.now());
  const collect = options.collect ?? (() => undefined);
  const log = options.log ?? (() => undefined);
  const unit = unitOf(benchmark);
  const repetitions = Math.max(1, options.quick
    ? Math.min(benchmark.repetitions ?? DEFAULT_REPETITIONS.quick, DEFAULT_REPETITIONS.quick)
    : Math.max(benchmark.repetitions ?? DEFAULT_REPETITIONS.full, DEFAULT_REPETITIONS.full));
  const warmup = Math.max(0, benchmark.warmup ?? 1);
  const base: BenchResult = {
    name: benchmark.name, file, unit, ours: null, reference: null, ratio: null,
    target: benchmark.target ?? null, absolute: benchmark.absolute ?? null, met: null, repetitions, error: null,
  };
  let context: unknown;
  let ready = false;
  try {
    log(`${benchmark.name}: setup`);
    context = await benchmark.setup({ quick: options.quick, workDir: options.workDir });
    ready = true;
    const units = typeof benchmark.units === 'function' ? benchmark.units(context) : benchmark.units ?? 1;
    const sides: Array<{ key: 'ours' | 'reference'; side: Side<unknown> }> = [{ key: 'ours', side: benchmark.ours }];
    if (benchmark.reference !== undefined) sides.push({ key: 'reference', side: benchmark.reference });
    const samples = { ours: [] as number[], reference: [] as number[] };
    const cpu = { ours: [] as number[], reference: [] as number[] };
    for (let round = 0; round < warmup + repetitions; round += 1) {
      const order = round % 2 === 0 ? sides : [...sides].reverse();
      for (const { key, side } of order) {
        collect();
        const value = await measure(side, context, unit, units, now);
        if (round >= warmup) {
          samples[key].push(value.value);
          if (value.cpuMs !== null) cpu[key].push(value.cpuMs);
        }
      }
      log(`${benchmark.name}: ${round < warmup ? 'warm-up' : `repetition ${round - warmup + 1}/${repetitions}`} done`);
    }
    const ours = summarize(samples.ours);
    const reference = samples.reference.length > 0 ? summarize(samples.reference) : null;
    const ratio = reference === null ? null : ours.median / reference.median;
    const cpuStats = unit === 'bytes' || cpu.ours.length === 0 ? null
      : { ours: summarize(cpu.ours), reference: cpu.reference.length > 0 ? summarize(cpu.reference) : null };
    return { ...base, ours, reference, ratio, cpu: cpuStats, met: judge(base.target, base.absolute, ratio, ours.median) };
  } catch (error) {
    return { ...base, error: error instanceof Error ? error.message : String(error) };
  } finally {
    if (ready && benchmark.teardown !== undefined) {
      try {
        await benchmark.teardown(context);
      } catch (error) {
        log(`${benchmark.name}: teardown failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

/** CPU time of this process so far, in ms (every thread: worker threads count too). */
function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function measure(
  side: Side<unknown>, context: unknown, unit: ResultUnit, units: number, now: () => number,
): Promise<{ value: number; cpuMs: number | null }> {
  const cpuBefore = processCpuMs();
  const started = now();
  const returned = await side(context);
  const elapsed = now() - started;
  const cpuMs = processCpuMs() - cpuBefore;
  if (unit === 'bytes') {
    if (typeof returned !== 'number') throw new Error('a size benchmark side must return its size in bytes');
    return { value: returned, cpuMs: null };
  }
  // A side that timed only part of its call reports its own CPU time, or none.
  const measured = isMeasurement(returned);
  const ms = measured ? returned.ms : elapsed;
  const cpu = measured ? returned.cpuMs ?? null : cpuMs;
  return { value: unit === 'per-second' ? (units * 1000) / ms : ms, cpuMs: cpu };
}

function isMeasurement(value: unknown): value is Measurement {
  return typeof value === 'object' && value !== null && typeof (value as Measurement).ms === 'number';
}
