/**
 * One progress line on stderr for long work, redrawn in place, only when stderr is a terminal:
 * a pipe, a cron log or a `--json` run gets nothing, so their output stays what it was.
 */
import { progressText } from '../core/progress-text.js';
import type { CommandContext } from './context.js';

/** A progress line: `update` as work is done, `finish` (always) to clear it. */
export interface ProgressLine {
  update(done: number, total?: number): void;
  finish(): void;
}

/** Redraws at most this often: a terminal needs no more, and a million updates must stay cheap. */
const REDRAW_MS = 200;

const silent: ProgressLine = { update: () => undefined, finish: () => undefined };

/**
 * A line counting `unit` towards `total` on `ctx.stderr`, or one that writes nothing when stderr
 * is not a terminal or `quiet` is set (e.g. under --json).
 */
export function progressLine(
  ctx: Pick<CommandContext, 'stderr' | 'now'>,
  label: string,
  unit: string,
  total: number,
  quiet = false,
): ProgressLine {
  if (quiet || ctx.stderr.isTTY !== true) return silent;
  const started = ctx.now().getTime();
  let drawnAt: number | null = null;
  let shown = false;
  let all = total;
  return {
    update(done, newTotal) {
      if (newTotal !== undefined) all = newTotal;
      const now = ctx.now().getTime();
      if (drawnAt !== null && now - drawnAt < REDRAW_MS && done < all) return;
      drawnAt = now;
      shown = true;
      // \r and erase-line: the same line is redrawn instead of a new one per update.
      ctx.stderr.write(`\r${progressText({ label, unit, done, total: all, elapsedMs: now - started })}\x1b[K`);
    },
    finish() {
      if (shown) ctx.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}
