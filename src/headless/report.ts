/** Placeholder until the rules engine lands: the plan as SPEC §6 JSON and as a table for people. */
import type { Plan } from '../core/plan.js';
import type { DeliveryOutcome } from '../delivery/deliver.js';

/** The SPEC §6 JSON object; `outcome` is null for a dry run. */
export function planToJson(plan: Plan, outcome: DeliveryOutcome | null): unknown {
  return { asOf: plan.asOf, dryRun: outcome === null, messages: [], skipped: [], counts: {} };
}

/** A readable report of the plan (and outcome) for a terminal. */
export function formatPlanReport(plan: Plan, outcome: DeliveryOutcome | null): string {
  return `${plan.asOf}: ${plan.messages.length} messages${outcome ? '' : ' (dry run)'}\n`;
}
