/** Stored instants as a person reads them: in the local time zone of the machine that shows them. */

/**
 * A stored instant (ISO 8601, UTC) in local date and time, to the minute (`2026-12-07 19:58`) or,
 * with `seconds`, to the second; text that is no instant is returned as it is.
 */
export function localTime(iso: string, seconds = false): string {
  const at = new Date(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(at.getTime())) return iso;
  const two = (n: number): string => String(n).padStart(2, '0');
  const minute = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
  return seconds ? `${minute}:${two(at.getSeconds())}` : minute;
}
