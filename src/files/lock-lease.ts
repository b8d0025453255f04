/**
 * Locks are leases: the holder touches its lock file every LEASE_MS / 30 (./lease-refresher.ts),
 * and a lock file not touched for LEASE_MS is stale on any host — the only way to judge a lock
 * left by a process we cannot see (another host, or this host under a new name, as a restarted
 * container is).
 *
 * Why the file's mtime, and why a confirmation: the age of a lease is our wall clock minus the
 * mtime the holder set with its wall clock, and wall clocks step (NTP corrections, a VM resumed,
 * two hosts a minute apart). A step can make a live lease look old, or a dead one look young. So
 * an age beyond the lease period in either direction only makes the lock a suspect; it is stale
 * once we have also watched its mtime stay unchanged for CONFIRM (two and a half refresh periods)
 * by our own monotonic clock. A live holder touches it several times in that window whatever any
 * clock says, so no clock step can break a live lease; a dead holder's lock is taken over
 * LEASE_MS + CONFIRM after its last touch at the latest (65 s with the default).
 */
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** Default lease period (ms): a lock file not refreshed for this long is stale, on any host. */
export const LEASE_MS = 60_000;

/** The lease period a lock file declares; missing (older files) or nonsensical means LEASE_MS. */
export function declaredLease(leaseMs: unknown): number {
  return typeof leaseMs === 'number' && Number.isFinite(leaseMs) && leaseMs > 0 ? leaseMs : LEASE_MS;
}

/** How often a holder with lease period `leaseMs` refreshes its lock file. */
export function refreshEveryMs(leaseMs: number): number {
  return Math.max(10, Math.floor(leaseMs / 30));
}

/** How long an unchanged mtime must be watched before a suspect lease counts as lapsed. */
function confirmMs(leaseMs: number): number {
  return Math.ceil(refreshEveryMs(leaseMs) * 2.5);
}

/** Verdict on one lock file's lease: fresh, lapsed, or suspect until `decidedBy` (Date.now() ms). */
export type LeaseVerdict = { state: 'fresh' } | { state: 'lapsed' } | { state: 'suspect'; decidedBy: number };

/** Our observations of suspect lock files, kept for the duration of one acquireLock. */
export class LeaseWatch {
  private readonly suspects = new Map<string, { mtimeNs: bigint; since: number }>();
  /** Lock files we saw touched: their holder is alive, whatever their timestamps say. */
  private readonly touched = new Set<string>();

  /**
   * Judge the lease of `lockFile`, whose holder declared a lease period of `leaseMs`.
   * A file that has vanished is fresh here: the caller's next scan sees what replaced it.
   */
  judge(lockFile: string, leaseMs: number): LeaseVerdict {
    let mtimeNs: bigint;
    try {
      mtimeNs = statSync(lockFile, { bigint: true }).mtimeNs;
    } catch {
      return { state: 'fresh' };
    }
    const age = Date.now() - Number(mtimeNs / 1_000_000n);
    if (Math.abs(age) <= leaseMs || this.touched.has(lockFile)) return { state: 'fresh' };
    const now = performance.now();
    const seen = this.suspects.get(lockFile);
    if (seen === undefined) {
      this.suspects.set(lockFile, { mtimeNs, since: now });
      return { state: 'suspect', decidedBy: Date.now() + confirmMs(leaseMs) };
    }
    if (seen.mtimeNs !== mtimeNs) {
      // Refreshed while we watched: a live holder whose clock differs from ours.
      this.touched.add(lockFile);
      return { state: 'fresh' };
    }
    const watched = now - seen.since;
    if (watched >= confirmMs(leaseMs)) return { state: 'lapsed' };
    return { state: 'suspect', decidedBy: Date.now() + (confirmMs(leaseMs) - watched) };
  }
}
