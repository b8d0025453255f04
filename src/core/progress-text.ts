/**
 * The text of a progress line for long work (an import, a bulk send): how much is done of how
 * much, the rate so far and the time left at that rate. Pure: the elapsed time is passed in.
 */

/** What a progress line reports. */
export interface ProgressState {
  /** What is being done, e.g. `import items`. */
  label: string;
  /** What is counted, plural, e.g. `rows`. */
  unit: string;
  done: number;
  total: number;
  elapsedMs: number;
}

const count = (value: number): string => Math.round(value).toLocaleString('en-US');

/** `m:ss` or `h:mm:ss`: a terminal line has no room for more. */
function duration(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** E.g. `import items: 250,000/1,000,000 rows (25%) · 50,000 rows/s · 0:15 left`. */
export function progressText(state: ProgressState): string {
  const { label, unit, done, total, elapsedMs } = state;
  const percent = total > 0 ? Math.floor((Math.min(done, total) / total) * 100) : 100;
  const head = `${label}: ${count(done)}/${count(total)} ${unit} (${percent}%)`;
  // No rate before anything is done or any time has passed: it would be a guess, not a measure.
  if (done <= 0 || elapsedMs <= 0) return head;
  const rate = done / (elapsedMs / 1000);
  return `${head} · ${count(rate)} ${unit}/s · ${duration(Math.max(0, total - done) / rate)} left`;
}
