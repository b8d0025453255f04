/**
 * The desk's view of the actions: each registry entry pairs an action with the argument list the
 * screens call it with (`services.setHold(code, until)`), and binding the registry to the session's
 * dependencies gives the object the screens use. Review mode is one filter over the registry: every
 * action that changes something is replaced by a refusal that names it.
 */
import type { Action } from './action.js';
import { refusing, ReviewRefusal } from './review-refusal.js';

/** One desk method: the action, and how the screen's arguments become its input. */
export interface DeskEntry<A extends unknown[], D, I, R> {
  readonly action: Action<D, I, R>;
  readonly input: (...args: A) => I;
}

/** An action on the desk whose single argument is its input (or that takes none). */
export function onDesk<D, I, R>(action: Action<D, I, R>): DeskEntry<[input: I], D, I, R>;
/** An action on the desk whose arguments `input` turns into its input. */
export function onDesk<A extends unknown[], D, I, R>(action: Action<D, I, R>, input: (...args: A) => I): DeskEntry<A, D, I, R>;
export function onDesk<D, I, R>(action: Action<D, I, R>, input?: (...args: unknown[]) => I): DeskEntry<unknown[], D, I, R> {
  return { action, input: input ?? ((value: unknown) => value as I) };
}

// `any` here only lets a table of differently typed entries be one record; each entry keeps its types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyEntry<D> = DeskEntry<any[], D, any, unknown>;

/** The methods a desk registry gives: one per entry, with the screen's arguments and the action's result. */
export type DeskMethods<T> = {
  [K in keyof T]: T[K] extends DeskEntry<infer A, infer _D, infer _I, infer R> ? (...args: A) => R : never;
};

/** The registry's methods, each running its action over `deps`. */
export function bindDesk<D, T extends Record<string, AnyEntry<D>>>(registry: T, deps: D): DeskMethods<T> {
  const methods: Record<string, (...args: unknown[]) => unknown> = {};
  for (const [key, entry] of Object.entries(registry)) methods[key] = (...args) => entry.action.run(deps, entry.input(...args));
  return methods as DeskMethods<T>;
}

/**
 * `methods` with every changing action refused (review mode): the read-only ones pass through,
 * the others reject (or throw, when immediate) with a ReviewRefusal naming what was refused. It is
 * enforced here as well as by the key table, so no path of the screens can slip through.
 */
export function reviewOnly<D, T extends Record<string, AnyEntry<D>>>(registry: T, methods: DeskMethods<T>): DeskMethods<T> {
  const guarded: Record<string, (...args: unknown[]) => unknown> = {};
  const open = methods as Record<string, (...args: unknown[]) => unknown>;
  for (const [key, { action }] of Object.entries(registry)) {
    if (!action.changes) guarded[key] = (...args) => open[key]!(...args);
    else if (action.immediate) {
      const refused = action.refused;
      guarded[key] = () => {
        throw new ReviewRefusal(refused);
      };
    } else guarded[key] = refusing(action.refused);
  }
  return guarded as DeskMethods<T>;
}
