/**
 * The audit trail's one door (docs/reference/roles.md §4): every action that changes something,
 * other than a send, is run through `audited`, so a change made through any action — those added
 * later included — leaves an entry: who (roles.md §1), when, what, about whom, old → new.
 *
 * The entry is written inside the action's first write to the ledger (the ledger handed to the
 * action appends it to that transaction), so the change and its entry are kept together or not at
 * all. An action that changes nothing in the ledger (or whose detail is known only once it is
 * done, as an import's counts) gets its entry in a write of its own right after.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { appendAudit, type AuditEntry } from '../storage/audit-log.js';
import type { Ledger } from '../storage/ledger.js';
import type { Sql } from '../storage/sql.js';
import { operatorName } from '../delivery/record.js';
import type { CommandContext } from '../runtime/context.js';
import { actorOf, type ActionDeps } from './deps.js';

/** How the audit trail records one action's change; each part is optional. */
export interface AuditSpec<I, R> {
  /** What the entry calls the change; default the action's name. */
  readonly what?: string;
  /** The value the change is about, read in the change's own transaction before and after it: the entry's old → new. */
  value?(sql: Sql, input: I): Promise<string | null>;
  /** The customer and the subject, where the input's `code` and `item`/`number`/`id` do not say it. */
  about?(input: I): { customer: string | null; subject: string | null };
  /**
   * What is known only once it is done (an import's file, hash and counts): the entry then follows
   * the change, with this as its detail; false when it turned out to change nothing (no entry).
   */
  done?(input: I, result: Awaited<R>, where: { cwd: string }): Promise<string | false> | string | false;
}

/** The change under way in this async context: the outermost action opens it, nested ones name it. */
interface Scope {
  what: string;
  spec: AuditSpec<unknown, unknown>;
  input: unknown;
  recorded: boolean;
}

const scope = new AsyncLocalStorage<Scope>();

/** `run` with its change recorded in the audit trail. */
export function audited<D, I, R>(what: string, spec: AuditSpec<I, R>, run: (deps: D, input: I) => R): (deps: D, input: I) => R {
  return (deps: D, input: I): R => {
    const open = scope.getStore();
    if (open !== undefined) {
      // A use case running another (a status line over a promise): the inner one names the change.
      Object.assign(open, { what: spec.what ?? what, spec, input });
      return run(deps, input);
    }
    const state: Scope = { what: spec.what ?? what, spec: spec as AuditSpec<unknown, unknown>, input, recorded: false };
    const actionDeps = deps as unknown as ActionDeps;
    return scope.run(state, async () => {
      const ledger = recordingLedger(actionDeps, state);
      const result = await run({ ...actionDeps, ledger } as unknown as D, input);
      if (!state.recorded || state.spec.done !== undefined) {
        const detail = state.spec.done ? await state.spec.done(state.input, result as Awaited<unknown>, { cwd: actionDeps.context.cwd }) : null;
        if (detail !== false) await actionDeps.ledger.write((sql) => appendAudit(sql, [entryOf(actionDeps, state, null, null, detail)]));
      }
      return result;
    }) as R;
  };
}

/** The deps' ledger whose writes append the scope's entry to the first transaction that changes something. */
function recordingLedger(deps: ActionDeps, state: Scope): Ledger {
  const ledger = deps.ledger;
  const write = <T>(change: (sql: Sql) => Promise<T>): Promise<T> =>
    ledger.write(async (sql) => {
      if (state.recorded || state.spec.done !== undefined) return change(sql);
      const before = state.spec.value ? await state.spec.value(sql, state.input) : null;
      const result = await change(sql);
      const after = state.spec.value ? await state.spec.value(sql, state.input) : null;
      state.recorded = true;
      // Setting what was already there changed nothing: nothing to record.
      if (state.spec.value && before === after) return result;
      await appendAudit(sql, [entryOf(deps, state, before, after, null)]);
      return result;
    });
  return new Proxy(ledger, {
    get(target, key) {
      if (key === 'write') return write;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Fields of an input that name what it is about rather than what it sets. */
const ABOUT_KEYS = new Set(['code', 'item', 'number', 'id', 'asOf']);

/** The entry of the scope's change. */
function entryOf(deps: ActionDeps, state: Scope, before: string | null, after: string | null, detail: string | null): AuditEntry {
  const about = state.spec.about ? state.spec.about(state.input) : aboutOf(state.input);
  return {
    at: deps.context.now().toISOString(),
    operator: actorOf(deps).operator,
    action: state.what,
    customerCode: about.customer,
    subject: about.subject,
    oldValue: before,
    newValue: state.spec.value ? after : state.spec.done ? null : settingsOf(state.input),
    detail,
  };
}

/** The customer and subject an input names by the usual field names. */
function aboutOf(input: unknown): { customer: string | null; subject: string | null } {
  if (typeof input !== 'object' || input === null) return { customer: null, subject: typeof input === 'number' ? `#${input}` : null };
  const fields = input as Record<string, unknown>;
  const subject = fields.item ?? fields.number ?? (typeof fields.id === 'number' ? `#${fields.id}` : undefined);
  return { customer: typeof fields.code === 'string' ? fields.code : null, subject: typeof subject === 'string' ? subject : null };
}

/** What an input sets, as `name=value` pairs of its plain fields (null when it has none). */
function settingsOf(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (ABOUT_KEYS.has(key) || value === undefined) continue;
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) parts.push(`${key}=${value === null ? '' : String(value)}`);
    else if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) parts.push(`${key}=${value.join(',')}`);
  }
  return parts.length > 0 ? parts.join('; ') : null;
}

/** What a command that is not an action records: the entry without who and when. */
export type ChangeRecord = Omit<AuditEntry, 'at' | 'operator'>;

/** Record a change made outside an action (`db copy`, `db grant`, …) in `ledger`'s audit trail, with who and when. */
export function recordChange(ledger: Ledger, context: CommandContext, change: ChangeRecord): Promise<void> {
  const entry = { ...change, at: context.now().toISOString(), operator: operatorName(ledger, context.settings.read().operator) };
  return ledger.write((sql) => appendAudit(sql, [entry]));
}
