/**
 * smtp.maxPerDay: at most N messages per local calendar day of the wall clock, counted from the
 * history across runs (sending, sent, uncertain; not failed); the rest stay due for tomorrow.
 */
import { expect, it } from 'vitest';
import { deliverPlan, type DeliveryOptions } from '../../src/delivery/deliver.js';
import type { Ledger } from '../../src/storage/ledger.js';
import type { TestSmtpServer } from '../helpers/smtp.js';
import { serverAndStorePerTest } from './fixtures/server-and-store.js';
import { aContext, aPlan, historyRows, testRenderer } from './fixtures/messages.js';

let server: TestSmtpServer;
let store: Ledger;
serverAndStorePerTest((current) => ({ server, store } = current));

const options: DeliveryOptions = { renderer: testRenderer(), concurrency: 1, retry: { delaysMs: [], sleep: async () => undefined } };

/** A context with smtp.maxPerDay and the wall clock at `now` (local time). */
function at(now: Date, maxPerDay = 3) {
  return { ...aContext(store, { smtp: { maxPerDay } }, { DUEDESK_SMTP_URL: server.url() }), now: () => now };
}

const morning = new Date(2026, 1, 10, 8, 0);
const evening = new Date(2026, 1, 10, 19, 30);
const nextDay = new Date(2026, 1, 11, 0, 10);

it('sends up to the limit, keeps the rest due with exit 0, counts earlier runs of the day, and goes on tomorrow', async () => {
  const plan = aPlan(5);
  const first = await deliverPlan(plan, at(morning), undefined, options);
  expect(first.exitCode).toBe(0);
  expect(first.messages.map((m) => m.status)).toEqual(['sent', 'sent', 'sent', 'not-sent', 'not-sent']);
  expect(first.messages[3]?.error).toBe('not sent: daily limit of 3 reached');
  expect(first.dailyLimit).toEqual({ limit: 3, heldBack: 2 });
  expect(server.accepted()).toHaveLength(3);

  // Later the same day: the history already holds three; the server is not even contacted.
  const connections = server.connections();
  const again = await deliverPlan(plan, at(evening), undefined, options);
  expect(again.exitCode).toBe(0);
  expect(again.messages.map((m) => m.status)).toEqual(['not-sent', 'not-sent']);
  expect(again.dailyLimit).toEqual({ limit: 3, heldBack: 2 });
  expect(server.connections()).toBe(connections);

  const tomorrow = await deliverPlan(plan, at(nextDay), undefined, options);
  expect(tomorrow.exitCode).toBe(0);
  expect(tomorrow.messages.map((m) => m.status)).toEqual(['sent', 'sent']);
  expect(tomorrow.dailyLimit).toBeNull();
  expect((await historyRows(store)).map((r) => r.status)).toEqual(Array(5).fill('sent'));
});

it('does not count failed messages, in this run or an earlier one', async () => {
  server.behaviour.rcpt = (address) => (address === 'c1@example.test' || address === 'c2@example.test' ? { code: 550, message: '5.1.1 no such user' } : null);
  const first = await deliverPlan(aPlan(3), at(morning, 2), undefined, options);
  expect(first.messages.map((m) => m.status)).toEqual(['failed', 'failed', 'sent']);
  expect(first.dailyLimit).toBeNull();

  // History: two failed (not counted) and one sent today, so one place is left of two.
  const plan = { ...aPlan(5), messages: aPlan(5).messages.slice(3) };
  const second = await deliverPlan(plan, at(evening, 2), undefined, options);
  expect(second.messages.map((m) => m.status)).toEqual(['sent', 'not-sent']);
  expect(second.dailyLimit).toEqual({ limit: 2, heldBack: 1 });
});

it('counts by the wall-clock day, not the as-of date of the run', async () => {
  await deliverPlan(aPlan(2, '2026-01-15'), at(new Date(2026, 1, 9, 23, 50), 2), undefined, options);
  // Ten minutes later it is a new day: yesterday's two do not count, whatever the as-of date.
  const plan = { ...aPlan(4, '2026-01-15'), messages: aPlan(4, '2026-01-15').messages.slice(2) };
  const outcome = await deliverPlan(plan, at(new Date(2026, 1, 10, 0, 0), 2), undefined, options);
  expect(outcome.messages.map((m) => m.status)).toEqual(['sent', 'sent']);
  // And two sent today under another as-of date do count.
  const more = { ...aPlan(5, '2026-02-10'), messages: aPlan(5, '2026-02-10').messages.slice(4) };
  const capped = await deliverPlan(more, at(new Date(2026, 1, 10, 9, 0), 2), undefined, options);
  expect(capped.messages.map((m) => m.status)).toEqual(['not-sent']);
});
