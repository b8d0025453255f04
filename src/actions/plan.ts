/** Planning: what is due, as `--send-due` and the desk both make it, and a customer's statements now. */
import type { IsoDate } from '../core/domain.js';
import type { Plan, PlannedMessage } from '../core/plan.js';
import { holdBackMissingInvoices } from '../documents/missing-invoices.js';
import type { PlanningSteps } from '../planning/plan-due.js';
import { statementsNow as manualStatementsNow, type StatementRequest } from '../statements/statements-now.js';
import { defineAction } from './action.js';
import { settingsOf, todayOf, type ActionDeps } from './deps.js';
import type { PlanProgress } from './desk-views.js';

/** What to plan: the day, and optionally only some customers, in steps that report progress. */
export interface PlanRequest {
  asOf: IsoDate;
  /** Only these customers (a retry re-plans its own messages without scanning every customer). */
  customers?: readonly string[];
  steps?: PlanningSteps;
}

/**
 * Plan everything due on the day, then hold back the messages whose invoice PDFs are missing: the
 * plan a dry run reports and a send sends.
 */
export const planDueNow = defineAction({
  name: 'plan due',
  changes: false,
  run: async (deps: ActionDeps, request: PlanRequest): Promise<Plan> => {
    const settings = settingsOf(deps);
    const made = await deps.planDue(deps.ledger, settings, request.asOf, request.customers, request.steps);
    for (const message of made.messages) {
      const count = made.changeCounts?.get(message.customer.code);
      if (count !== undefined) deps.session.plannedCounts.set(message, count);
    }
    return holdBackMissingInvoices(made, settings, deps.context.cwd);
  },
});

/**
 * Plan everything due on `asOf`. A large plan takes seconds: `onProgress` hears how many of the
 * candidate customers are planned so far, and the desk stays usable meanwhile.
 */
export const loadPlan = defineAction({
  name: 'load plan',
  changes: false,
  run: (deps: ActionDeps, { asOf, onProgress }: { asOf: IsoDate; onProgress?: PlanProgress | undefined }): Promise<Plan> =>
    // In steps, so the desk draws and takes keys while a large plan computes, and says how far it is.
    planDueNow.run(deps, { asOf, steps: onProgress ? { onProgress } : undefined }),
});

/** The manual statements of a customer now (seed 004), one per currency; empty when nothing is open. */
export const statementsNow = defineAction({
  name: 'statements now',
  changes: false,
  run: (deps: ActionDeps, { code, ...request }: { code: string } & StatementRequest): Promise<PlannedMessage[]> =>
    manualStatementsNow(deps.ledger, settingsOf(deps), code, request),
});

/** Today's date for the session (the as-of of the plan). */
export const today = defineAction({ name: 'today', changes: false, run: (deps: ActionDeps, _input: void): IsoDate => todayOf(deps) });

/** A plan of just these messages, with the change count each had when it was planned (a send checks them). */
export function plannedOnly(deps: ActionDeps, messages: PlannedMessage[]): Plan {
  const changeCounts = new Map<string, number>();
  for (const message of messages) {
    const count = deps.session.plannedCounts.get(message);
    if (count !== undefined) changeCounts.set(message.customer.code, count);
  }
  return { asOf: todayOf(deps), messages, skipped: [], problems: [], changeCounts };
}
