/**
 * How far from today a real send may date its messages. A message sent for as-of date D counts as
 * sent on D in every rule, so a send with a far date records history the rules then trust: one for
 * 2062 reminded everybody "in 2062" and kept them from being reminded for decades. Dry runs may
 * take any date (they record nothing); a real send stays within `schedule.maxAsOfDays` of today.
 * Today is passed in by the command line, never read here.
 */
import { daysBetween } from './dates.js';
import type { IsoDate } from './domain.js';
import { UserError } from './exit-codes.js';
import type { Settings } from './settings.js';
import { settingDefault } from './settings-table.js';

/** Throws a UserError (exit 2) unless a real send for `asOf` may run on `today` under `settings`. */
export function assertSendAsOf(asOf: IsoDate, today: IsoDate, settings: Settings): void {
  const limit = settings.schedule?.maxAsOfDays ?? settingDefault('schedule.maxAsOfDays');
  const distance = daysBetween(today, asOf);
  if (Math.abs(distance) <= limit) return;
  const days = Math.abs(distance);
  const where = `${days} day${days === 1 ? '' : 's'} ${distance > 0 ? 'after' : 'before'}`;
  throw new UserError(
    `--as-of ${asOf} is ${where} today (${today}); a real send may be at most schedule.maxAsOfDays = ${limit} day${limit === 1 ? '' : 's'} away ` +
      'from today, so nothing was sent (--dry-run takes any date; raise schedule.maxAsOfDays to send further away)',
  );
}
