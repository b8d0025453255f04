/**
 * Is a process still running? Used to judge leftover temp files and lock files of other
 * processes on this host. Pid reuse is detected with the kernel's process start time where
 * /proc exists (Linux); elsewhere the pid alone decides.
 */
import { readFileSync } from 'node:fs';

/** Start time of a process in clock ticks since boot (field 22 of /proc/PID/stat), or null if unknown. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: count fields after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return rest[19] ?? null;
  } catch {
    return null;
  }
}

/** True when a process with this pid exists (or exists but belongs to someone else). */
export function pidExists(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * True when the process that wrote `startTime` for `pid` is still the one running under that pid.
 * A null start time (not recorded, or no /proc) falls back to the pid check alone.
 */
export function processAlive(pid: number, startTime: string | null): boolean {
  if (!pidExists(pid)) return false;
  if (startTime === null) return true;
  const now = processStartTime(pid);
  return now === null || now === startTime;
}
