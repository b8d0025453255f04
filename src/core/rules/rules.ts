/**
 * Every rule that can give a customer something on the as-of date. The engine reaches each rule's
 * decision through this list and storage builds its candidate search from the same list, so a rule
 * the engine applies is always searched for (test/rules/rule-modules.test.ts checks that every rule
 * object in this folder is listed here).
 */
import type { IsoDate } from '../domain.js';
import type { Policy } from '../plan.js';
import { statementRule } from './cadence.js';
import { installmentRule } from './installments.js';
import { profileRule } from './profiles.js';
import { promiseRule } from './promises.js';
import { reminderRule } from './reminders.js';
import type { CandidateDialect } from './rule.js';

/** The rules by id. */
export const RULES = {
  reminders: reminderRule,
  promises: promiseRule,
  statements: statementRule,
  installments: installmentRule,
  profiles: profileRule,
} as const;

/**
 * The parts of the candidate search for `asOf`: their union holds every customer any rule could
 * give a message or a problem. A superset is harmless (the engine decides); a customer missing
 * would be a lost message.
 */
export function candidateParts<P>(dialect: CandidateDialect<P>, policy: Policy, asOf: IsoDate): P[] {
  return Object.values(RULES).flatMap((rule) => rule.candidates(dialect, policy, asOf));
}
