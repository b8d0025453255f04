/**
 * Turns benchmark results into the printed table and the results file. The file keeps the latest
 * figure of every benchmark: a run with --only replaces just the benchmarks it ran.
 */
import type { BenchResult, ResultUnit } from './harness.js';
import type { SideStats } from './stats.js';

/** The shape of bench/results.json. */
export interface ResultsFile {
  /** When the newest figure was measured (ISO timestamp). */
  updatedAt: string;
  machine: { node: string; platform: string; cpus: number; cpuModel: string };
  quick: boolean;
  results: Array<BenchResult & { measuredAt: string }>;
}

/** A figure with its unit, short enough for a table cell. */
export function formatValue(value: number, unit: ResultUnit): string {
  if (!Number.isFinite(value)) return '—';
  switch (unit) {
    case 'ms':
      return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value >= 100 ? 0 : 1)} ms`;
    case 'bytes':
      return value >= 1_048_576 ? `${(value / 1_048_576).toFixed(2)} MiB` : value >= 1024 ? `${(value / 1024).toFixed(1)} KiB` : `${value} B`;
    case 'per-second':
      return `${value.toFixed(value >= 100 ? 0 : 1)}/s`;
    default: {
      const never: never = unit;
      return never;
    }
  }
}

/** "median (min–max)" of one side. */
export function formatSide(stats: SideStats | null, unit: ResultUnit): string {
  if (stats === null) return '—';
  return `${formatValue(stats.median, unit)} (${formatValue(stats.min, unit)}–${formatValue(stats.max, unit)})`;
}

/** The target as a reader says it: "≤ 1.5×", "≥ 0.7×", "< 1000 ms". */
export function formatTarget(result: BenchResult): string {
  const parts: string[] = [];
  if (result.target !== null) parts.push(`${result.target.measure === 'throughput' ? '≥' : '≤'} ${result.target.ratio}×`);
  if (result.absolute !== null) parts.push(`≤ ${formatValue(result.absolute.max, result.absolute.unit)}`);
  return parts.length === 0 ? '—' : parts.join(', ');
}

/** Median CPU time of each side per repetition ("1.20 s / 310 ms"), or — when not measured. */
export function formatCpu(result: BenchResult): string {
  const cpu = result.cpu ?? null;
  if (result.error !== null || cpu === null) return '—';
  return `${formatValue(cpu.ours.median, 'ms')} / ${cpu.reference === null ? '—' : formatValue(cpu.reference.median, 'ms')}`;
}

/** A plain-text table of the results, one row per benchmark, errors listed beneath. */
export function formatTable(results: readonly BenchResult[]): string {
  const header = ['benchmark', 'ours median (min–max)', 'reference median (min–max)', 'ratio', 'CPU ours / reference', 'target', 'met'];
  const rows = results.map((r) => [
    r.name,
    r.error !== null ? 'error' : formatSide(r.ours, r.unit),
    r.error !== null ? '' : formatSide(r.reference, r.unit),
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
    formatCpu(r),
    formatTarget(r),
    r.met === null ? '—' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  for (const r of results) if (r.error !== null) out.push(`  ${r.name}: ${r.error}`);
  return `${out.join('\n')}\n`;
}

/** Merge new results into a previous results file (same name = replaced), keeping file order stable. */
export function mergeResults(previous: ResultsFile | null, fresh: readonly BenchResult[], meta: Omit<ResultsFile, 'results'>): ResultsFile {
  const byName = new Map<string, BenchResult & { measuredAt: string }>();
  // A failure recorded for a file (e.g. it could not load) is dropped once that file runs again.
  const freshFiles = new Set(fresh.map((r) => r.file));
  for (const r of previous?.results ?? []) if (r.error === null || !freshFiles.has(r.file)) byName.set(r.name, r);
  for (const r of fresh) byName.set(r.name, { ...r, measuredAt: meta.updatedAt });
  return { ...meta, results: [...byName.values()] };
}
