/**
 * Fairness for the write lock: a process that has been waiting gets the lock before one that
 * just arrived — in particular before the previous holder coming straight back for its next
 * write, which would otherwise win nearly every time and push the waiter into exit 75.
 *
 * Each waiter leaves a `<db>.lock-want-…` file whose name carries its arrival time, pid, start
 * time and host; only the earliest live waiter may claim. These files decide order only, never
 * exclusion, so a mistaken judgement here can delay a writer but never admit two. A waiter's
 * ticket is a lease like a lock (./lock-lease.ts): refreshed from the worker thread while it
 * waits, and ignored once not refreshed for LEASE_MS — the only sign of a waiter killed on
 * another host. (Order only, so a plain age check serves; a clock step merely reorders.)
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { processAlive, processStartTime } from './process-alive.js';
import { removeQuietly } from './atomic-file.js';
import { rethrowAsFileError } from '../core/file-errors.js';
import { LEASE_MS, refreshEveryMs } from './lock-lease.js';
import { startRefreshing, stopRefreshing } from './lease-refresher.js';

/** A process waiting for the lock. */
export interface Waiter {
  name: string;
  at: number;
  pid: number;
  hostname: string;
}

/** A waiter older than this has surely given up (waits are seconds); ignore it (pid reuse safety net). */
const FORGET_AFTER_MS = 10 * 60 * 1000;

/** The waiting list of one database's lock. */
export class WaitQueue {
  private readonly folder: string;
  private readonly prefix: string;

  constructor(dbPath: string) {
    this.folder = dirname(dbPath);
    this.prefix = `${basename(dbPath)}.lock-want-`;
  }

  /** Join the queue; returns the ticket (file name) to pass to `leave`. */
  join(now: number = Date.now()): string {
    const host = Buffer.from(hostname()).toString('hex');
    const start = processStartTime(process.pid) ?? 'x';
    const name = `${this.prefix}${now}-${process.pid}-${start}-${host}-${randomBytes(6).toString('hex')}`;
    const path = join(this.folder, name);
    try {
      writeFileSync(path, '', { flag: 'wx', mode: 0o600 });
    } catch (error) {
      rethrowAsFileError(error, path);
    }
    startRefreshing(path, refreshEveryMs(LEASE_MS));
    return name;
  }

  /** Leave the queue (after acquiring or giving up). */
  leave(ticket: string): void {
    stopRefreshing(join(this.folder, ticket));
    removeQuietly(join(this.folder, ticket));
  }

  /** The earliest live waiter, or null; tickets of dead waiters on this host are removed. */
  first(now: number = Date.now()): Waiter | null {
    let earliest: Waiter | null = null;
    for (const name of readdirSync(this.folder)) {
      if (!name.startsWith(this.prefix)) continue;
      const [at, pid, start, host] = name.slice(this.prefix.length).split('-');
      const waiter: Waiter = {
        name,
        at: Number(at),
        pid: Number(pid),
        hostname: Buffer.from(host ?? '', 'hex').toString(),
      };
      const local = waiter.hostname === hostname();
      const alive = local ? processAlive(waiter.pid, start === 'x' ? null : (start ?? null)) : true;
      if (!alive) this.leave(name);
      if (!alive || !(now - waiter.at < FORGET_AFTER_MS) || this.lapsed(name)) continue;
      if (!earliest || waiter.at < earliest.at || (waiter.at === earliest.at && name < earliest.name)) earliest = waiter;
    }
    return earliest;
  }

  /** Has this ticket gone unrefreshed for a lease period (its waiter gone, wherever it ran)? */
  private lapsed(name: string): boolean {
    try {
      return Date.now() - statSync(join(this.folder, name)).mtimeMs > LEASE_MS;
    } catch {
      return true;
    }
  }
}
