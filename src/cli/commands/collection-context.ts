/** What the collection commands (promise, dispute, note) share: the day they record on. */
import { isIsoDate } from '../../core/dates.js';
import type { IsoDate } from '../../core/domain.js';
import { UserError } from '../../core/exit-codes.js';

/** The day a collection command records on: its --as-of, checked; undefined means today. */
export function asOfArgument(command: string, asOf: string | undefined): IsoDate | undefined {
  if (asOf !== undefined && !isIsoDate(asOf)) throw new UserError(`${command}: --as-of "${asOf}" is not a date YYYY-MM-DD`);
  return asOf;
}
