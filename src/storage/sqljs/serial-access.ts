/**
 * One read or write at a time on a ledger held in one process's memory (sql.js): a read issued
 * while a write is under way waits for it, so it never sees the write's uncommitted rows, and
 * writes run in call order. A read started inside a write (or another read) of the same ledger
 * runs at once on the same state: it must see the write's own rows, and queueing it behind its
 * own caller would never end.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** A write started from inside a read or write of the same ledger would wait for itself forever. */
export function nestedWriteError(): TypeError {
  return new TypeError('a write cannot start inside a read or write of the same ledger: use the Sql it was given');
}

/** What a running body does. */
type Access = 'read' | 'write';

/** The queue of one ledger's reads and writes. */
export class SerialAccess {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly inside = new AsyncLocalStorage<Access>();

  /** True when called from inside a body this queue is running. */
  busyHere(): boolean {
    return this.inside.getStore() !== undefined;
  }

  /** Run `body` after everything queued before it; `nested` is true when it runs inside another. */
  run<T>(access: Access, body: (nested: boolean) => Promise<T>): Promise<T> {
    if (this.busyHere()) {
      if (access === 'write') return Promise.reject(nestedWriteError());
      return body(true);
    }
    const run = this.tail.then(() => this.inside.run(access, () => body(false)));
    this.tail = run.catch(() => undefined);
    return run;
  }
}
