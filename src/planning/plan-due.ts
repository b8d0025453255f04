/** Placeholder until the rules engine lands: builds the plan for an as-of date from the database. */
import type { IsoDate } from '../core/domain.js';
import type { Plan } from '../core/plan.js';
import { UserError } from '../core/exit-codes.js';
import type { Settings } from '../settings/types.js';
import type { Store } from '../storage/store.js';

/** Plan everything due on `asOf` (SPEC §3) from the data in `store`. */
export function planDue(_store: Store, _settings: Settings, _asOf: IsoDate): Plan {
  throw new UserError('--send-due is not available yet');
}
