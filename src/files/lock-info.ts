/** What a lock file says about its holder. */
export interface LockInfo {
  pid: number;
  hostname: string;
  /** Kernel start time of the holder (Linux), to tell a reused pid from the holder. */
  startTime: string | null;
  /** Random per acquisition; release touches only a lock that still carries it. */
  token: string;
  acquiredAt: string;
  /** The lease period the holder refreshes for (absent in older files: LEASE_MS). */
  leaseMs?: number;
  /** The holder's command line, to tell the operator which run it is. */
  command?: string;
}
