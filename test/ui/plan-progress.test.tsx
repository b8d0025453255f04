/**
 * The desk shows at once while a large plan computes: the first frame has the tab bar and the
 * planning line, planning reports how many customers it has planned, the other screens and q work
 * meanwhile, and Due now fills in when the plan is ready.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { upsertCustomers } from '../../src/storage/customers.js';
import { upsertItems } from '../../src/storage/items.js';
import { createServices } from '../../src/ui/services-impl.js';
import type { PlanProgress } from '../../src/ui/services.js';
import { aCustomer, anItem, makeLedger } from '../helpers/store.js';
import { AS_OF } from './generated-data.js';
import { renderDesk, rowOf } from './harness.js';
import { closeRealDesks, realDesk } from './real-desk.js';
import { sessionContext } from './session-context.js';

afterEach(() => {
  cleanup();
  closeRealDesks();
});

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
    const services = await realDesk({ planGate: planning.gate });
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
    const desk = renderDesk(await realDesk({ planGate: planning.gate }));
    await desk.waitFor('Planning…');
    desk.press('q');
    await desk.waitFor(() => desk.exited());
    planning.finish();
  });
});

describe('the desk on real services while the plan computes', () => {
  it('draws the desk and the planning line before planning, reports how many customers it has looked at, then shows the rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duedesk-planning-'));
    const store = await makeLedger();
    const codes = ['C1', 'C2', 'C3'];
    await store.write(async (sql) => {
      await upsertCustomers(sql, codes.map((code) => aCustomer({ code, email: `ar@${code.toLowerCase()}.test` })));
      await upsertItems(sql, codes.map((code) => anItem({ customerCode: code, number: `INV-${code}`, dueDate: '2026-11-01' })));
    });
    try {
      const services = await createServices(sessionContext({ dir, store, asOf: AS_OF, read: () => ({}), write: () => undefined }));
      const progress: number[][] = [];
      const loadPlan = services.loadPlan.bind(services);
      services.loadPlan = (asOf, onProgress) =>
        loadPlan(asOf, (done, total) => {
          progress.push([done, total]);
          onProgress?.(done, total);
        });
      const desk = renderDesk(services);
      // Drawn before planning has looked at anyone: rendering does not wait for the plan.
      expect(desk.lastFrame()).toContain('[1 Due now]');
      expect(desk.lastFrame()).toContain('Planning…');
      expect(progress).toEqual([]);
      const frame = await desk.waitFor('3 of 3 planned');
      expect(progress).toEqual([[3, 3]]);
      expect(rowOf(frame, 'C1')).toBeDefined();
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
