/** Waiting that the operator's stop cuts short: retry back-offs and the SMTP rate limit's slots. */

/** Sleep with a real timer, cleared when `signal` aborts: a stopped run must not keep the process alive for the rest of a wait. */
export function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
