/**
 * An action is one use case of duedesk: `run(deps, input)` with everything it needs passed in, and
 * a declaration of whether it changes anything. The command line and the desk call the same
 * actions; review mode refuses every action that changes something, by that declaration alone.
 */

/** Whether an action changes anything: sends mail, records in the ledger, or changes settings. */
export type Changes =
  | { readonly changes: false }
  | {
      readonly changes: true;
      /** How review mode names it when it refuses it ("setting a hold"). */
      readonly refused: string;
      /** It returns at once rather than a promise, so review mode throws instead of rejecting. */
      readonly immediate?: true;
    };

/** One use case over dependencies `D`, taking `I` and giving `R`. */
export type Action<D, I, R> = Changes & {
  /** A short name for messages and the registry. */
  readonly name: string;
  /** Do it. Errors carry a message a clerk can read as it is. */
  run(deps: D, input: I): R;
};

/** Declare an action (a typed identity: the object is the action). */
export function defineAction<D, I, R>(action: Action<D, I, R>): Action<D, I, R> {
  return action;
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
