/**
 * The registry of actions: each has its own name, the desk offers only registered actions, and
 * review mode refuses exactly the actions that change something, naming them, without running them.
 */
import { describe, expect, it } from 'vitest';
import { ACTIONS, DESK_ACTIONS, reviewDesk, type DeskActions } from '../../src/actions/index.js';

/** Desk methods that only note that they ran. */
function recordingMethods(ran: string[]): DeskActions {
  const methods: Record<string, () => unknown> = {};
  for (const key of Object.keys(DESK_ACTIONS)) methods[key] = () => ran.push(key);
  return methods as unknown as DeskActions;
}

describe('the registry of actions', () => {
  it('names every action once, and the desk uses only registered actions', () => {
    const actions = Object.values(ACTIONS);
    expect(new Set(actions.map((action) => action.name)).size).toBe(actions.length);
    for (const [key, entry] of Object.entries(DESK_ACTIONS)) {
      const registered = actions.some((action) => action === entry.action || action.name === entry.action.name);
      expect(registered, key).toBe(true);
    }
  });

  it.each(Object.entries(DESK_ACTIONS))('review mode %s: refused exactly when it changes something', async (key, { action }) => {
    const ran: string[] = [];
    const guarded = reviewDesk(recordingMethods(ran)) as unknown as Record<string, () => unknown>;
    if (!action.changes) {
      guarded[key]!();
      expect(ran).toEqual([key]);
      return;
    }
    const refusal = `review mode: ${action.refused} is not allowed (nothing can be sent or changed)`;
    if (action.immediate) expect(() => guarded[key]!()).toThrow(refusal);
    else await expect(guarded[key]!()).rejects.toThrow(refusal);
    expect(ran).toEqual([]);
  });
});
