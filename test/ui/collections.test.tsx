/** The collections workflow in the TUI: follow-up tasks on Due now, the disputes filter, and the customer's collection keys. */
import { userInfo } from 'node:os';
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/plan.js';
import { KEYS, renderDesk } from './harness.js';
import { closeRealDesks, realDesk } from './real-desk.js';

afterEach(() => {
  cleanup();
  closeRealDesks();
});

describe('collections in the TUI', () => {
  it('Due now shows the follow-ups due at the top; F marks the first done', async () => {
    const services = await realDesk();
    const first = services.data.customers[0]!;
    await services.addNote(first.code, 'Call back about the pallets', services.today());
    const [task] = await services.followUps(services.today());
    const desk = renderDesk(services, { columns: 140 });
    const frame = await desk.waitFor((f) => f.includes('Call back about the pallets') && f.includes('planned'));
    expect(frame).toContain(`Follow up ${services.today()}: ${first.code} ${first.name} — Call back about the pallets (note #${task!.id})`);
    expect(frame.split('\n').findIndex((line) => line.includes('Follow up'))).toBeLessThan(frame.split('\n').findIndex((line) => line.includes('planned')));
    desk.press('F');
    const done = `follow-up #${task!.id} (${first.code}) done`;
    await desk.waitFor((f) => f.includes(done) && !f.includes('Call back about the pallets'));
    expect(services.calls).toContain(`done ${task!.id}`);
    // The status line never says the task is done while it is still listed.
    expect(desk.frames().filter((f) => f.includes(done) && f.includes('Call back about the pallets'))).toEqual([]);
  });

  it('Customers flags a customer on another profile and one whose statements are off', async () => {
    const services = await realDesk({ shape: (data) => Object.assign(data.customers[1]!, { profile: 'gentle', statements: false }) });
    const customer = services.data.customers[1]!;
    const desk = renderDesk(services, { columns: 160 });
    await desk.waitFor('planned');
    desk.press('2');
    const frame = await desk.waitFor('Customers —');
    expect(frame.split('\n').find((line) => line.includes(customer.code))).toContain('no stmt gentle');
  });

  it('D on Customers keeps only the customers with a disputed item, D again shows all', async () => {
    const services = await realDesk({ shape: (data) => Object.assign(data.items.get(data.customers[2]!.code)![0]!, { dispute: 'wrong price' }) });
    const desk = renderDesk(services, { columns: 140 });
    await desk.waitFor('planned');
    desk.press('2');
    await desk.waitFor('Customers —');
    desk.press('D');
    const only = await desk.waitFor('only disputes (D)');
    expect(only).toMatch(/Customers — 1 of/);
    expect(only).toContain(services.data.customers[2]!.code);
    desk.press('D');
    await desk.waitFor((f) => f.includes('Customers —') && !f.includes('only disputes'));
  });

  it('the customer detail records a promise, a note, a profile, statements and a dispute of the item under the cursor', async () => {
    const services = await realDesk();
    const code = services.data.customers[0]!.code;
    await services.addNote(code, 'called, the invoices are with accounts', undefined);
    const desk = renderDesk(services, { columns: 160, rows: 40 });
    await desk.waitFor('planned');
    desk.press('2');
    await desk.waitFor('Customers —');
    desk.press(KEYS.enter);
    const opened = await desk.waitFor('Profile: default (L)');
    // Who wrote it: the OS user, with the operator setting beside it (docs/reference/roles.md §1).
    expect(opened).toContain(`${services.today()} note #1: called, the invoices are with accounts · ${userInfo().username} (clerk)`);
    desk.press('P', 'tomorrow', KEYS.enter);
    await desk.waitFor('"tomorrow" is not a date');
    desk.press(KEYS.escape);
    await desk.waitFor((f) => !f.includes('is not a date'));
    desk.press('P', '2026-12-15 250.00 transfer', KEYS.enter);
    const item = (await services.customerDetail(code, services.today()))!.items[0]!;
    await desk.waitFor(`${code}: promise of 250.00 ${item.currency} by 2026-12-15 (${item.number})`);
    desk.press('N', '2026-12-01 call back', KEYS.enter);
    await desk.waitFor('note added, follow up on 2026-12-01');
    desk.press('L', 'strict', KEYS.enter);
    await desk.waitFor('unknown profile "strict" (known: default, gentle');
    desk.press(KEYS.escape);
    await desk.waitFor((f) => !f.includes('unknown profile'));
    desk.press('S');
    await desk.waitFor(`${code}: statements off`);
    desk.press('D', 'wrong price', KEYS.enter);
    await desk.waitFor(`${code} item ${item.number} disputed; left out of reminders`);
    expect(services.calls).toEqual(expect.arrayContaining([
      `promise ${code} 2026-12-15 250.00 transfer`,
      `note ${code} call back 2026-12-01`,
      `setStatements ${code} false`,
      `dispute ${code} ${item.number} wrong price`,
    ]));
  });
});

/** The first three planned messages, proposed as a scheduled run with schedule.approval would. */
const firstThree = (plan: Plan): Plan => ({ ...plan, messages: plan.messages.slice(0, 3) });

describe('the proposal review (schedule.approval)', () => {
  it('A opens the pending proposal; space takes a line out; Y approves the rest', async () => {
    const services = await realDesk({ proposal: firstThree });
    const desk = renderDesk(services, { columns: 160, rows: 30 });
    await desk.waitFor('proposal #1 awaits approval (A)');
    desk.press('A');
    const review = await desk.waitFor('Proposal #1 for');
    const keys = services.data.plan.messages.slice(0, 3).map((m) => m.key);
    for (const key of keys) expect(review).toContain(key);
    expect(review).toContain('3 messages');
    desk.press('j', ' ');
    await desk.waitFor(`- removed ${keys[1]}`);
    await desk.waitFor('2 messages');
    desk.press('Y');
    await desk.waitFor('proposal #1 approved (2 messages)');
    expect(services.calls).toContain(`approve 1 ${keys[1]}`);
    await desk.waitFor((f) => !f.includes('awaits approval'));
    expect(desk.frames().filter((f) => f.includes('proposal #1 approved') && f.includes('awaits approval'))).toEqual([]);
    expect(await services.pendingProposal(services.today())).toBeNull();
  });

  it('review mode shows the proposal but refuses to approve it', async () => {
    const services = await realDesk({ proposal: firstThree });
    const desk = renderDesk(services, { columns: 160, rows: 30, review: true });
    await desk.waitFor('proposal #1 awaits approval (A)');
    desk.press('A');
    await desk.waitFor('Proposal #1 for');
    desk.press('Y');
    await desk.waitFor('review mode: Y (approve) is refused');
    expect(services.calls.filter((call) => call.startsWith('approve'))).toEqual([]);
    expect((await services.pendingProposal(services.today()))?.status).toBe('pending');
  });
});
