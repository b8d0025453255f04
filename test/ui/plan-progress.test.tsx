/**
 * The desk shows at once while a large plan computes: the first frame has the tab bar and the
 * planning line, planning reports how many customers it has planned, the other screens and q work
 * meanwhile, and Due now fills in when the plan is ready.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { PlanProgress } from '../../src/ui/services.js';
import { FakeServices } from './fake-services.js';
import { renderDesk, rowOf } from './harness.js';

afterEach(() => cleanup());

/** Planning held by the test: it reports progress and finishes only when told. */
function heldPlanning(): { gate: (onProgress: PlanProgress) => Promise<void>; report: PlanProgress; finish: () => void } {
  let progress: PlanProgress = () => undefined;
  let finish = (): void => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    gate: (onProgress) => {
      progress = onProgress;
      return done;
    },
    report: (n, total) => progress(n, total),
    finish: () => finish(),
  };
}

describe('the desk while the plan computes', () => {
  it('draws the desk and the planning line first, counts customers planned, and fills Due now when the plan is ready', async () => {
    const planning = heldPlanning();
    const services = new FakeServices({ planGate: planning.gate });
    const desk = renderDesk(services);
    const first = await desk.waitFor((f) => f !== '');
    expect(first).toContain('[1 Due now]');
    expect(first).toContain('Planning…');
    planning.report(5000, 20_000);
    await desk.waitFor('Planning… 5,000 of 20,000 customers');

    // Other screens work meanwhile, and Due now still says how far planning has come.
    desk.press('2');
    await desk.waitFor((f) => f.includes('[2 Customers]') && f.includes(services.data.customers[0]!.code));
    planning.report(15_000, 20_000);
    desk.press('1');
    await desk.waitFor('Planning… 15,000 of 20,000 customers');

    planning.finish();
    const messages = services.data.plan.messages;
    const frame = await desk.waitFor(`${messages.length} of ${messages.length} planned`);
    expect(rowOf(frame, messages[0]!.customer.code)).toBeDefined();
    expect(frame).not.toContain('Planning…');
  });

  it('quits with q before the plan is ready', async () => {
    const planning = heldPlanning();
    const desk = renderDesk(new FakeServices({ planGate: planning.gate }));
    await desk.waitFor('Planning…');
    desk.press('q');
    await desk.waitFor(() => desk.exited());
    planning.finish();
  });
});
