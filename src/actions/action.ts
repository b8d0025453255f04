/**
 * An action is one use case of duedesk: `run(deps, input)` with everything it needs passed in, and
 * a declaration of whether it changes anything. The command line and the desk call the same
 * actions; review mode refuses every action that changes something, by that declaration alone,
 * and every change other than a send is recorded in the audit trail (./audit-trail.ts).
 */
import type { Ledger } from '../storage/ledger.js';
import type { RoleLevel } from '../storage/roles.js';
import { audited, type AuditSpec } from './audit-trail.js';
import { refusedByRole } from './role-refusal.js';

/** Whether an action changes anything: sends mail, records in the ledger, or changes settings. */
export type Changes =
  | { readonly changes: false }
  | {
      readonly changes: true;
      /** How review mode names it when it refuses it ("setting a hold"). */
      readonly refused: string;
      /** It returns at once rather than a promise, so review mode throws instead of rejecting. */
      readonly immediate?: true;
      /** The least role that may do it on a shared ledger (docs/reference/roles.md §3); default clerk. */
      readonly needs?: RoleLevel;
    };

/** One use case over dependencies `D`, taking `I` and giving `R`. */
export type Action<D, I, R> = Changes & {
  /** A short name for messages and the registry (and the audit trail's "what"). */
  readonly name: string;
  /**
   * How a change is recorded in the audit trail (docs/reference/roles.md §4): by default the
   * action's name, the input's customer and what it sets; false for a send (the history is its
   * record) and for what touches only the session.
   */
  readonly audit?: false | AuditSpec<I, R>;
  /** Do it. Errors carry a message a clerk can read as it is. */
  run(deps: D, input: I): R;
};

/** Declare an action: the object is the action, with a change other than a send recorded in the audit trail. */
export function defineAction<D, I, R>(action: Action<D, I, R>): Action<D, I, R> {
  if (!action.changes || action.immediate) return action;
  const run = action.audit === false ? action.run : audited(action.name, action.audit ?? {}, action.run);
  return { ...action, run: refusedByRole(action.refused, action.needs ?? 'clerk', run as (deps: D & { ledger: Ledger }, input: I) => R) as (deps: D, input: I) => R };
}

/** The same action with its result dropped, for a caller that only needs to know it is done. */
export function withoutResult<D, I>(action: Action<D, I, Promise<unknown>>): Action<D, I, Promise<void>> {
  return {
    ...action,
    run: async (deps: D, input: I): Promise<void> => {
      await action.run(deps, input);
    },
  };
}
