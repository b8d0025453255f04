/** A retried message links to its retry and stops needing attention; retry all failed asks once. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { MessageRecord } from '../../src/core/domain.js';
import type { Plan } from '../../src/core/plan.js';
import type { DeskServices } from '../../src/ui/services.js';
import { KEYS, renderDesk, rowOf } from './harness.js';
import { closeRealDesks, realDesk, recordOf } from './real-desk.js';

afterEach(() => {
  cleanup();
  closeRealDesks();
});

/** Three failed messages and one uncertain of `plan` (ids 1–4, newest last). */
function problems(plan: Plan): MessageRecord[] {
  const { messages } = plan;
  return [
    ...messages.slice(0, 3).map((m, i) => recordOf(m, { status: 'failed', messageId: null, error: '550 5.1.1 mailbox unavailable' }, i + 1)),
    recordOf(messages[3]!, { status: 'uncertain', messageId: '<u@acme.example>', error: 'connection lost after DATA' }, 4),
  ];
}

async function openHistory(services: DeskServices) {
  const desk = renderDesk(services, { rows: 30, columns: 120 });
  await desk.waitFor('planned');
  desk.press('3');
  await desk.waitFor('4 need attention');
  return desk;
}

describe('retries in History', () => {
  it('a failed message sent by a retry links to it and no longer needs attention', async () => {
    const services = await realDesk({ history: problems });
    const desk = await openHistory(services);
    // Newest first: 4 (uncertain), 3, 2, 1; move to message 3 and retry it.
    desk.press('j', 'r');
    let frame = await desk.waitFor('3 need attention');
    expect(frame).toContain('5 of 5 messages');
    const code = services.history[2]!.customerCode;
    const oldRow = frame.split('\n').find((line) => line.includes(code) && line.includes('→'));
    expect(oldRow).toContain('failed → #5 sent');
    expect(oldRow).not.toContain('!!');
    desk.press('x');
    frame = await desk.waitFor('3 of 5 messages');
    expect(frame).not.toContain('→ #5');
    desk.press('x', 'G', 'k', 'k', KEYS.enter);
    frame = await desk.waitFor('Message 3 ·');
    expect(frame).toContain('Retried: sent again as message 5');
  });

  it('A retries every failed message after one confirmation, in one run', async () => {
    const services = await realDesk({ history: problems });
    const desk = await openHistory(services);
    desk.press('A');
    await desk.waitFor(`Retry 3 failed messages via outbox ${services.dir}/outbox?`);
    expect(services.calls.some((c) => c.startsWith('retry'))).toBe(false);
    desk.press('y');
    const frame = await desk.waitFor('retried 3 of 3: 3 sent');
    expect(rowOf(await desk.waitFor('1 need attention'), '!!')).toContain('uncertain');
    expect(services.calls.filter((c) => c.startsWith('retryMessages'))).toEqual(['retryMessages 3,2,1 2026-11-22']);
    expect(frame).not.toContain('Retry 3 failed');
    desk.press('A');
    await desk.waitFor('no failed message waits for a retry');
  });

  it('Esc at the confirmation retries nothing', async () => {
    const services = await realDesk({ history: problems });
    const desk = await openHistory(services);
    desk.press('A');
    await desk.waitFor('Retry 3 failed messages');
    desk.press(KEYS.escape);
    await desk.waitFor((f) => !f.includes('Retry 3 failed'));
    expect(services.calls.some((c) => c.startsWith('retry'))).toBe(false);
  });
});
