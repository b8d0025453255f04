/**
 * Keeps the leases of the locks this process holds fresh by touching their files (mtime) from a
 * worker thread. A timer on the main thread would stop while a long synchronous sql.js call (an
 * export of a large database takes seconds) blocks it, and another process would then judge a
 * live holder's lease lapsed; the worker runs whatever the main thread is doing.
 *
 * The worker is plain JavaScript passed as source, so it starts the same from the TypeScript
 * sources (tsx, vitest) and from dist, without loading any of duedesk. One worker serves every
 * lock of the process; it is unreferenced, so it never keeps the process alive.
 */
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { utimesSync } = require('node:fs');
const timers = new Map();
function stop(path) {
  clearInterval(timers.get(path));
  timers.delete(path);
}
parentPort.on('message', (message) => {
  if (message.drop !== undefined) return stop(message.drop);
  const path = message.hold;
  stop(path);
  timers.set(path, setInterval(() => {
    const now = new Date();
    try {
      utimesSync(path, now, now);
    } catch (error) {
      // Gone: a newer holder removed it after judging our lease lapsed. Nothing left to keep.
      if (error && error.code === 'ENOENT') stop(path);
    }
  }, message.everyMs));
});
`;

let worker: Worker | null = null;
/** The files being refreshed and how often, to hand to a new worker if the old one died. */
const held = new Map<string, number>();

function refresher(): Worker {
  if (worker === null) {
    // No inherited flags (--import tsx, inspector): the source above needs none of them.
    const started = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
    started.unref();
    started.on('error', () => undefined);
    started.on('exit', () => {
      if (worker !== started) return;
      worker = null;
      // A lease left unrefreshed would lapse under a live holder: carry on in a new worker.
      if (held.size > 0) for (const [file, everyMs] of held) refresher().postMessage({ hold: file, everyMs });
    });
    worker = started;
  }
  return worker;
}

/** Touch `lockFile` every `everyMs` from the worker thread until `stopRefreshing` is called. */
export function startRefreshing(lockFile: string, everyMs: number): void {
  held.set(lockFile, everyMs);
  refresher().postMessage({ hold: lockFile, everyMs });
}

/** Stop touching `lockFile` (on release). */
export function stopRefreshing(lockFile: string): void {
  held.delete(lockFile);
  worker?.postMessage({ drop: lockFile });
}
