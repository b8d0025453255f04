/** Who records a collection fact, on which as-of date and at what wall-clock time (passed in, never read here). */
import type { IsoDate } from '../core/domain.js';

/** The clerk and the moment of a promise, dispute or note. */
export interface Actor {
  operator: string;
  asOf: IsoDate;
  /** Wall-clock ISO timestamp. */
  at: string;
}
