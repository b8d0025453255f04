/**
 * Items handed over (docs/reference/rules.md §9.4): past their level's `maxRepeats`, no longer
 * reminded, listed by `duedesk export handover` for a collection agency or lawyer. The same
 * evaluation as planning, so an item is listed here exactly when planning stopped reminding it for
 * this reason.
 */
import type { Customer, IsoDate, Item } from '../domain.js';
import type { Policy } from '../plan.js';
import { casesUnderPlan, evaluateItems } from './candidates.js';
import { profileRuns } from './engine.js';
import type { CustomerSnapshot } from './input.js';
import { profileName } from './profiles.js';

/** One handed-over item. */
export interface HandedOver {
  customer: Customer;
  item: Item;
  daysOverdue: number;
  /** The capped level it reached. */
  level: string;
}

/** Every handed-over item of the snapshots on `asOf`, in snapshot and item order. */
export function handedOverItems(input: Iterable<CustomerSnapshot>, policy: Policy, asOf: IsoDate): HandedOver[] {
  const runs = profileRuns(policy, asOf);
  const out: HandedOver[] = [];
  for (const snapshot of input) {
    const run = runs.get(profileName(snapshot.customer));
    if (run === undefined) continue;
    for (const entry of evaluateItems(snapshot, casesUnderPlan(snapshot, asOf), run)) {
      if (!entry.handedOver || entry.line.reached === null) continue;
      out.push({ customer: snapshot.customer, item: entry.line.item, daysOverdue: entry.line.daysOverdue, level: entry.line.reached });
    }
  }
  return out;
}
