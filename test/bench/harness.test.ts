import { describe, expect, it } from 'vitest';
import { judge, runBenchmark } from '../../bench/lib/harness.js';
import { formatTable, mergeResults } from '../../bench/lib/report.js';
import { quantile, summarize } from '../../bench/lib/stats.js';
import { defineBenchmark } from '../../bench/types.js';
import { parseRunArgs, selected } from '../../bench/run.js';

/** A clock that each side advances by a scripted amount, so timings are exact. */
function scriptedClock() {
  let time = 0;
  return { now: () => time, advance: (ms: number) => void (time += ms) };
}

describe('statistics', () => {
  it('takes medians and quartiles by linear interpolation', () => {
    expect(summarize([5, 1, 3]).median).toBe(3);
    expect(summarize([4, 1, 3, 2]).median).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.25)).toBe(20);
    expect(quantile([1, 2], 0.75)).toBe(1.75);
    const s = summarize([9, 1, 5]);
    expect([s.min, s.max, s.samples]).toEqual([1, 9, [9, 1, 5]]);
  });
});

describe('harness', () => {
  it('times both sides, alternating which goes first, and computes the ratio of medians', async () => {
    const clock = scriptedClock();
    const calls: string[] = [];
    const oursTimes = [100, 30, 10, 50, 20, 25]; // warm-up 100, then 30, 10, 50, 20, 25 → median 25
    const refTimes = [999, 20, 20, 10, 40, 15]; // warm-up 999, then 20, 20, 10, 40, 15 → median 20
    const benchmark = defineBenchmark({
      name: 'synthetic',
      target: { measure: 'time', ratio: 1.2 },
      // Fewer than 5 is not enough for a spread: a full run takes 5 whatever a benchmark asks.
      repetitions: 4,
      setup: async () => ({ clock }),
      ours: (c) => { calls.push('o'); c.clock.advance(oursTimes.shift() ?? 0); },
      reference: (c) => { calls.push('r'); c.clock.advance(refTimes.shift() ?? 0); },
    });
    const result = await runBenchmark(benchmark, 'x.bench.ts', { quick: false, workDir: '/nonexistent', now: clock.now });
    expect(calls.join('')).toBe('orroorroorro');
    expect(result.repetitions).toBe(5);
    expect(result.ours?.samples).toEqual([30, 10, 50, 20, 25]);
    expect(result.ours?.median).toBe(25);
    expect(result.reference?.median).toBe(20);
    expect(result.ratio).toBe(1.25);
    expect(result.met).toBe(false);
    expect(result.error).toBeNull();
  });

  it('reports the CPU time of each side beside the wall time, or the CPU time a side measured itself', async () => {
    // Spin until this process has used `ms` of CPU (not wall time: a busy machine stretches that).
    const busy = (ms: number) => {
      const start = process.cpuUsage();
      while (process.cpuUsage(start).user < ms * 1000);
    };
    const benchmark = defineBenchmark({
      name: 'cpu',
      target: { measure: 'time', ratio: 2 },
      warmup: 0,
      setup: async () => ({}),
      ours: () => busy(30),
      // Like a side that waits for a child process: little CPU here, the child's CPU reported.
      reference: async () => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        return { ms: 30, cpuMs: 123 };
      },
    });
    const result = await runBenchmark(benchmark, 'x', { quick: false, workDir: '' });
    expect(result.cpu?.ours.samples).toHaveLength(5);
    expect(result.cpu?.ours.median).toBeGreaterThanOrEqual(30);
    expect(result.cpu?.reference?.samples).toEqual([123, 123, 123, 123, 123]);
  });

  it('turns time into throughput with units from the context, higher being better', async () => {
    const clock = scriptedClock();
    const benchmark = defineBenchmark({
      name: 'send',
      target: { measure: 'throughput', ratio: 0.7 },
      warmup: 0,
      units: (c: { n: number }) => c.n,
      setup: async () => ({ n: 100 }),
      ours: () => clock.advance(1000),
      reference: () => clock.advance(500),
    });
    const result = await runBenchmark(benchmark, 'x', { quick: true, workDir: '', now: clock.now });
    expect(result.unit).toBe('per-second');
    expect(result.repetitions).toBe(3);
    expect(result.ours?.median).toBe(100);
    expect(result.reference?.median).toBe(200);
    expect(result.ratio).toBe(0.5);
    expect(result.met).toBe(false);
  });

  it('takes sizes and Measurements from what the sides return', async () => {
    const size = await runBenchmark(defineBenchmark({
      name: 'pdf size', target: { measure: 'size', ratio: 2 }, setup: async () => null,
      ours: () => 3000, reference: () => 2000,
    }), 'x', { quick: true, workDir: '' });
    expect([size.unit, size.ratio, size.met]).toEqual(['bytes', 1.5, true]);
    const frame = await runBenchmark(defineBenchmark({
      name: 'first frame', absolute: { max: 1000, unit: 'ms' }, setup: async () => null,
      ours: () => ({ ms: 1200 }),
    }), 'x', { quick: true, workDir: '' });
    expect([frame.ours?.median, frame.reference, frame.ratio, frame.met]).toEqual([1200, null, null, false]);
  });

  it('reports a failing setup or side as an error and still tears down what was set up', async () => {
    let tornDown = false;
    const result = await runBenchmark(defineBenchmark({
      name: 'broken', setup: async () => null, ours: () => { throw new Error('boom'); },
      reference: () => undefined, teardown: () => { tornDown = true; },
    }), 'x', { quick: true, workDir: '' });
    expect(result.error).toBe('boom');
    expect(result.met).toBeNull();
    expect(tornDown).toBe(true);
    expect(formatTable([result])).toContain('broken: boom');
  });

  it('judges ratio and absolute bounds together', () => {
    expect(judge({ measure: 'time', ratio: 1.5 }, null, 1.5, 1)).toBe(true);
    expect(judge({ measure: 'time', ratio: 1.5 }, { max: 10, unit: 'ms' }, 1.4, 11)).toBe(false);
    expect(judge(null, null, 2, 1)).toBeNull();
  });
});

describe('runner', () => {
  it('parses flags and selects by benchmark or file name', () => {
    expect(parseRunArgs(['--quick', '--only', 'Import'])).toEqual({ quick: true, only: ['import'], help: false });
    expect(() => parseRunArgs(['--fast'])).toThrow(/unknown argument/);
    expect(() => parseRunArgs(['--only'])).toThrow(/needs a name/);
    expect(selected(['import'], 'import.bench.ts', 'x')).toBe(true);
    expect(selected(['save'], 'import.bench.ts', 'import 1M')).toBe(false);
    expect(selected([], 'a', 'b')).toBe(true);
  });

  it('merges fresh results over the previous file by name', () => {
    const meta = { updatedAt: 't2', machine: { node: 'v', platform: 'p', cpus: 1, cpuModel: 'm' }, quick: false };
    const base = { file: 'f', unit: 'ms' as const, ours: null, reference: null, ratio: null, target: null, absolute: null, met: null, repetitions: 1, error: null };
    const previous = { ...meta, updatedAt: 't1', results: [{ ...base, name: 'a', measuredAt: 't1' }, { ...base, name: 'b', measuredAt: 't1' }] };
    const merged = mergeResults(previous, [{ ...base, name: 'b', ratio: 2 }], meta);
    expect(merged.results.map((r) => [r.name, r.measuredAt, r.ratio])).toEqual([['a', 't1', null], ['b', 't2', 2]]);
    const failed = { ...meta, results: [{ ...base, name: 'save', file: 'save.bench.ts', error: 'cannot load', measuredAt: 't1' }] };
    const rerun = mergeResults(failed, [{ ...base, name: 'save: 1M', file: 'save.bench.ts', ratio: 1.1 }], meta);
    expect(rerun.results.map((r) => r.name)).toEqual(['save: 1M']);
  });
});
