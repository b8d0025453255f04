/**
 * An inter-process lock named after a file: a database file's write lock, or its send lock,
 * which a sending run holds.
 *
 * A lock is stale when its owning process is gone or its lease has lapsed. On this host the pid
 * decides at once (start time compared to catch pid reuse). Everywhere, and so also for a host
 * whose name has since changed (a restarted container), the lease decides: the holder refreshes
 * its lock file from a worker thread, so a long synchronous sql.js call on its main thread cannot
 * let it lapse, and a lock not refreshed for LEASE_MS (60 s) is stale (./lock-lease.ts explains
 * how clock steps are kept from breaking a live lease). (An unreadable lock file, only possible
 * after a power cut, is stale when it predates the last boot.)
 *
 * Why generations instead of deleting a stale lock file: POSIX has no "delete this file only if
 * it is still the one I looked at", so two processes breaking the same stale lock could each
 * remove the other's fresh lock. Instead each holder owns a numbered file `<db>.lock.<N>`,
 * created exclusively (a fully written temp file hard-linked into place, which fails if the name
 * exists, like O_EXCL). Whoever sees the highest N released or stale may claim N+1; the
 * exclusive create lets exactly one claimant win. A claimant that acted on an old view finds a
 * higher number when it looks again and backs off. Older numbers are removed by the new holder;
 * the highest file is never removed, so the sequence cannot restart behind a holder's back.
 * Waiting processes are served in arrival order (./lock-queue.ts).
 */
import { closeSync, linkSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname, uptime } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { asFileError, rethrowAsFileError, shortWriteError } from '../core/file-errors.js';
import { pidExists, processAlive, processStartTime } from './process-alive.js';
import { removeQuietly } from './atomic-file.js';
import { WaitQueue, type Waiter } from './lock-queue.js';
import { declaredLease, LEASE_MS, LeaseWatch, refreshEveryMs } from './lock-lease.js';
import { startRefreshing, stopRefreshing } from './lease-refresher.js';
import { busyError, commandLine } from './lock-busy.js';
import type { LockInfo } from './lock-info.js';

export type { LockInfo };

/** A held lock. */
export interface LockHandle {
  readonly generation: number;
  readonly token: string;
  /** True while the lock file still carries our token (nobody judged us dead). */
  stillHeld(): boolean;
  /** Give the lock up (only if it is still ours). */
  release(): void;
}

/** Options for acquiring. */
export interface AcquireOptions {
  /** Give up after this long (ms) with UserError exit 75. */
  timeoutMs: number;
  /** Lease period of the lock we take (default LEASE_MS); tests shorten it. */
  leaseMs?: number;
  /** The exit-75 error when the time is up (default: "the database is busy: …"). */
  busy?: (holder: LockInfo | null, file: string | null) => Error;
}

/**
 * Result of one attempt: the lock, or who holds it (`file`: its lock file). `decidedBy` is set
 * while the holder's lease is a suspect: by then (Date.now() ms) we know whether it lapsed.
 */
export type Attempt = { lock: LockHandle } | { holder: LockInfo | null; file: string | null; decidedBy?: number };

const MIN_BACKOFF_MS = 5;
const MAX_BACKOFF_MS = 25;
/** Uncertainty of the boot time estimate (uptime has whole seconds on some systems). */
const BOOT_MARGIN_MS = 5000;

/**
 * Acquire the write lock of `dbPath`, waiting in turn with backoff up to `timeoutMs`. A lease
 * being confirmed as lapsed when the time is up is watched to the end (at most LEASE_MS / 12),
 * so a dead holder's lock is taken over rather than reported busy run after run.
 */
export async function acquireLock(dbPath: string, options: AcquireOptions): Promise<LockHandle> {
  let deadline = Date.now() + options.timeoutMs;
  const queue = new WaitQueue(dbPath);
  const watch = new LeaseWatch();
  let ticket: string | undefined;
  let backoff = MIN_BACKOFF_MS;
  try {
    for (;;) {
      const attempt = tryAcquireLock(dbPath, ticket, { watch, leaseMs: options.leaseMs });
      if ('lock' in attempt) return attempt.lock;
      if (attempt.decidedBy !== undefined) deadline = Math.max(deadline, attempt.decidedBy + MAX_BACKOFF_MS);
      if (Date.now() >= deadline) throw (options.busy ?? busyError)(attempt.holder, attempt.file);
      ticket ??= queue.join();
      const wait = Math.min(backoff, Math.max(1, deadline - Date.now()));
      await new Promise((resolve) => setTimeout(resolve, wait * (0.5 + Math.random() / 2)));
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  } catch (error) {
    // Reading the folder or joining the queue refused by the file system: name what failed.
    throw asFileError(error) ?? error;
  } finally {
    if (ticket) queue.leave(ticket);
  }
}

/** What one attempt remembers between attempts, and the lease of a lock it takes. */
export interface AttemptOptions {
  /** Observations of suspect leases (a fresh one per acquireLock). */
  watch?: LeaseWatch;
  /** Lease period of the lock we take (default LEASE_MS). */
  leaseMs?: number | undefined;
}

/**
 * One non-blocking attempt to take the lock. `ticket` is our place in the wait queue, if we
 * have one: while an earlier waiter exists we do not claim, even if the lock is free.
 */
export function tryAcquireLock(dbPath: string, ticket?: string, options: AttemptOptions = {}): Attempt {
  const files = new LockFiles(dbPath);
  const watch = options.watch ?? new LeaseWatch();
  files.removeStaleTemps();
  const first = new WaitQueue(dbPath).first();
  if (first && first.name !== ticket) {
    const current = files.holder();
    return current ?? { holder: waiterAsHolder(first), file: null };
  }
  // A few quick rounds absorb races with other claimants before reporting "busy".
  for (let round = 0; round < 5; round++) {
    const { max, released } = files.scan();
    if (max > 0 && !released.has(max)) {
      const holder = files.read(max);
      if (holder === 'missing') continue;
      const file = files.path(max);
      if (holder === 'unreadable') {
        // Only a power cut before the content reached the disk makes one: stale once rebooted.
        if (!files.fromBeforeBoot(max)) return { holder: null, file };
      } else if (!holderGone(holder)) {
        const lease = watch.judge(file, declaredLease(holder.leaseMs));
        if (lease.state === 'fresh') return { holder, file };
        if (lease.state === 'suspect') return { holder, file, decidedBy: lease.decidedBy };
      }
    }
    const claimed = files.claim(max + 1, options.leaseMs ?? LEASE_MS);
    if (claimed) return { lock: claimed };
  }
  return files.holder() ?? { holder: null, file: null };
}

function waiterAsHolder(waiter: Waiter): LockInfo {
  return { pid: waiter.pid, hostname: waiter.hostname, startTime: null, token: '', acquiredAt: '' };
}

/**
 * Is the holder of `info` known to be gone? Only on this host can we look (pid and start time);
 * elsewhere only its lease can tell.
 */
export function holderGone(info: LockInfo): boolean {
  return info.hostname === hostname() && !processAlive(info.pid, info.startTime);
}

/** The lock files of one database and the file-level steps on them (exported for tests). */
export class LockFiles {
  private readonly folder: string;
  private readonly base: string;

  constructor(dbPath: string) {
    this.folder = dirname(dbPath);
    this.base = `${basename(dbPath)}.lock`;
  }

  /** Path of the lock file of one generation. */
  path(generation: number): string {
    return join(this.folder, `${this.base}.${generation}`);
  }

  /** Path of the marker saying a generation was released. */
  releasedPath(generation: number): string {
    return `${this.path(generation)}.released`;
  }

  /** Highest generation present and which generations are marked released. */
  scan(): { max: number; all: number[]; released: Set<number> } {
    const all: number[] = [];
    const released = new Set<number>();
    const prefix = `${this.base}.`;
    for (const name of readdirSync(this.folder)) {
      if (!name.startsWith(prefix)) continue;
      const match = /^(\d+)(\.released)?$/.exec(name.slice(prefix.length));
      if (!match) continue;
      const generation = Number(match[1]);
      if (match[2]) released.add(generation);
      else all.push(generation);
    }
    return { max: all.reduce((m, g) => Math.max(m, g), 0), all, released };
  }

  /** What the lock file of a generation says. */
  read(generation: number): LockInfo | 'missing' | 'unreadable' {
    let text: string;
    try {
      text = readFileSync(this.path(generation), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
      throw error;
    }
    try {
      const info = JSON.parse(text) as Partial<LockInfo>;
      if (typeof info.pid !== 'number' || typeof info.hostname !== 'string' || typeof info.token !== 'string') {
        return 'unreadable';
      }
      return { startTime: null, acquiredAt: '', ...info } as LockInfo;
    } catch {
      return 'unreadable';
    }
  }

  /** Who the highest generation names and its file (to report a busy lock), or null when free. */
  holder(): { holder: LockInfo | null; file: string } | null {
    const { max, released } = this.scan();
    if (max === 0 || released.has(max)) return null;
    const info = this.read(max);
    if (info === 'missing') return null;
    return { holder: info === 'unreadable' ? null : info, file: this.path(max) };
  }

  /**
   * Was this lock file written before the machine last booted? Used only for unreadable files,
   * whose holder cannot be named. A margin keeps a lock taken just after boot from counting.
   */
  fromBeforeBoot(generation: number): boolean {
    try {
      const bootedAt = Date.now() - uptime() * 1000;
      return statSync(this.path(generation)).mtimeMs < bootedAt - BOOT_MARGIN_MS;
    } catch {
      return false;
    }
  }

  /** Try to become holder of `generation`; null when another claimant won or got further. */
  claim(generation: number, leaseMs: number = LEASE_MS): LockHandle | null {
    const info: LockInfo = {
      pid: process.pid,
      hostname: hostname(),
      startTime: processStartTime(process.pid),
      token: randomBytes(12).toString('hex'),
      acquiredAt: new Date().toISOString(),
      leaseMs,
      command: commandLine(),
    };
    const target = this.path(generation);
    const temp = join(this.folder, `${this.base}-tmp-${process.pid}-${info.token}`);
    // The temp goes whatever happens: a refused write (disk full, read-only) must not leave
    // litter that only a later run would clean, and is reported naming the lock file.
    try {
      writeNewFile(temp, target, JSON.stringify(info));
      linkSync(temp, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
      rethrowAsFileError(error, target);
    } finally {
      removeQuietly(temp);
    }
    // We may have acted on an old view: if a higher generation exists, someone else holds it.
    const { max, all, released } = this.scan();
    if (max !== generation) {
      removeQuietly(this.path(generation));
      return null;
    }
    for (const older of all) if (older < generation) removeQuietly(this.path(older));
    for (const older of released) if (older < generation) removeQuietly(this.releasedPath(older));
    startRefreshing(target, refreshEveryMs(leaseMs));
    return this.handle(generation, info.token);
  }

  private handle(generation: number, token: string): LockHandle {
    const stillHeld = (): boolean => {
      const current = this.read(generation);
      return typeof current === 'object' && current.token === token;
    };
    let released = false;
    return {
      generation,
      token,
      stillHeld,
      release: () => {
        if (released) return;
        released = true;
        stopRefreshing(this.path(generation));
        if (!stillHeld()) return;
        const marker = this.releasedPath(generation);
        try {
          writeFileSync(marker, token, { mode: 0o600 });
        } catch (error) {
          rethrowAsFileError(error, marker);
        }
      },
    };
  }

  /**
   * Remove every lock file of a database this process tried to create and could not (a copy
   * to a new file on a full disk): with no database there is nothing a lock protects, and the
   * files would only puzzle whoever looks in the folder. Not for a database that exists.
   */
  removeAll(): void {
    const { all, released } = this.scan();
    for (const generation of all) removeQuietly(this.path(generation));
    for (const generation of released) removeQuietly(this.releasedPath(generation));
  }

  /** Remove claim temps left by processes that died mid-claim. */
  removeStaleTemps(): void {
    const prefix = `${this.base}-tmp-`;
    for (const name of readdirSync(this.folder)) {
      if (!name.startsWith(prefix)) continue;
      const pid = Number(name.slice(prefix.length).split('-')[0]);
      if (!pidExists(pid)) removeQuietly(join(this.folder, name));
    }
  }
}

/**
 * Create `file` exclusively and write `text` into it, closing it in every case. No fsync:
 * exclusion needs no durability (after a crash every holder is gone), and a lock file left empty
 * by a power cut predates the boot, which fromBeforeBoot treats as stale. A short write is a
 * full disk, reported as one for `shownAs`.
 */
function writeNewFile(file: string, shownAs: string, text: string): void {
  const bytes = Buffer.from(text);
  const fd = openSync(file, 'wx', 0o600);
  try {
    if (writeSync(fd, bytes) !== bytes.byteLength) throw shortWriteError(shownAs);
  } finally {
    closeSync(fd);
  }
}
