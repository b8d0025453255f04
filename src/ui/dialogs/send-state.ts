/**
 * The send window's state (pure): confirmation, the run with what is in flight, and the finished
 * list. Outcomes are kept by message key, since messages sent side by side finish in any order.
 */
import type { PlannedMessage } from '../../core/plan.js';
import type { SendOutcome, SendResult } from '../services.js';

/** Where the send window is. `width` is how many messages go out side by side. */
export type SendState =
  | { phase: 'idle' }
  | { phase: 'confirm'; messages: PlannedMessage[]; transport: string; note?: string }
  | { phase: 'sending'; messages: PlannedMessage[]; width: number; outcomes: ReadonlyMap<string, SendOutcome>; stoppedWith: ReadonlySet<string> | null }
  | { phase: 'done'; messages: PlannedMessage[]; outcomes: ReadonlyMap<string, SendOutcome>; stopped: boolean; error: string | null; scroll: number };

/** What can happen to the send window. */
export type SendAction =
  | { type: 'confirm'; messages: PlannedMessage[]; transport: string; note?: string }
  | { type: 'start'; width: number }
  | { type: 'progress'; outcome: SendOutcome }
  | { type: 'stop' }
  | { type: 'done'; result: SendResult | null; error: string | null }
  | { type: 'scroll'; delta: number; rows: number }
  | { type: 'close' };

/** The keys of the messages in flight: the first `width` without an outcome (workers take them in order), or those in flight when the operator stopped. */
export function inFlight(state: Extract<SendState, { phase: 'sending' }>): string[] {
  if (state.stoppedWith !== null) return [...state.stoppedWith].filter((key) => !state.outcomes.has(key));
  const keys: string[] = [];
  for (const m of state.messages) {
    if (keys.length >= state.width) break;
    if (!state.outcomes.has(m.key)) keys.push(m.key);
  }
  return keys;
}

/** Messages that were attempted: everything with an outcome except those never tried (stopped, deferred, already sent). */
export function attemptedCount(outcomes: ReadonlyMap<string, SendOutcome>): number {
  let n = 0;
  for (const o of outcomes.values()) if (o.status !== 'skipped' && o.status !== 'stopped') n += 1;
  return n;
}

/** The send window reducer. */
export function sendReducer(state: SendState, action: SendAction): SendState {
  switch (action.type) {
    case 'confirm':
      return { phase: 'confirm', messages: action.messages, transport: action.transport, ...(action.note === undefined ? {} : { note: action.note }) };
    case 'start':
      return state.phase === 'confirm' ? { phase: 'sending', messages: state.messages, width: Math.max(1, action.width), outcomes: new Map(), stoppedWith: null } : state;
    case 'progress':
      return state.phase === 'sending' ? { ...state, outcomes: new Map(state.outcomes).set(action.outcome.key, action.outcome) } : state;
    case 'stop':
      return state.phase === 'sending' && state.stoppedWith === null ? { ...state, stoppedWith: new Set(inFlight(state)) } : state;
    case 'done': {
      if (state.phase !== 'sending') return state;
      const outcomes = new Map(state.outcomes);
      for (const o of action.result?.outcomes ?? []) outcomes.set(o.key, o);
      return { phase: 'done', messages: state.messages, outcomes, stopped: action.result?.stopped ?? state.stoppedWith !== null, error: action.error, scroll: 0 };
    }
    case 'scroll':
      return state.phase === 'done' ? { ...state, scroll: Math.max(0, Math.min(state.messages.length - action.rows, state.scroll + action.delta)) } : state;
    case 'close':
      return { phase: 'idle' };
    default: {
      const never: never = action;
      return never;
    }
  }
}
