/**
 * A server that takes no more for now (421, rate or quota replies) stops the run after the
 * messages in flight: the rest stay due, the run exits 75, and nobody hammers the server.
 */
import { describe, expect, it } from 'vitest';
import { deliverPlan, type DeliveryOptions } from '../../src/delivery/deliver.js';
import { ExitCode } from '../../src/core/exit-codes.js';
import type { Ledger } from '../../src/storage/ledger.js';
import type { Refusal, TestSmtpServer } from '../helpers/smtp.js';
import { serverAndStorePerTest } from './fixtures/server-and-store.js';
import { aContext, aPlan, historyRows, testRenderer } from './fixtures/messages.js';

let server: TestSmtpServer;
let store: Ledger;
serverAndStorePerTest((current) => ({ server, store } = current));

/** Retries as in production (three), without the waiting. */
const options = (concurrency: number): DeliveryOptions => ({
  renderer: testRenderer(),
  concurrency,
  retry: { delaysMs: [1000, 5000, 15_000], sleep: async () => undefined },
  smtpTuning: { socketTimeoutMs: 2000, connectionTimeoutMs: 2000, greetingTimeoutMs: 2000 },
});

const context = () => aContext(store, {}, { DUEDESK_SMTP_URL: server.url() });

const deferrals: Refusal[] = [
  { code: 421, message: '4.7.0 Too many messages in this session, try again later' },
  { code: 452, message: '4.3.1 Insufficient system storage' },
  { code: 451, message: '4.7.1 Rate limit exceeded, slow down' },
  { code: 552, message: '5.4.5 Daily sending quota exceeded' },
  { code: 550, message: '5.4.5 Daily user sending quota exceeded' },
];

describe.each(deferrals)('the server answers $code $message after two messages', (reply) => {
  it('stops at once on the one connection, leaves the rest due, exits 75; the next run sends them', async () => {
    server.behaviour.data = (_m, n) => (n < 2 ? 'accept' : reply);
    const plan = aPlan(6);
    const outcome = await deliverPlan(plan, context(), undefined, options(1));

    expect(outcome.exitCode).toBe(ExitCode.Deferred);
    expect(outcome.exitCode).toBe(75);
    expect(outcome.messages.map((m) => m.status)).toEqual(['sent', 'sent', 'not-sent', 'not-sent', 'not-sent', 'not-sent']);
    expect(outcome.messages.map((m) => (m.status === 'not-sent' ? m.reason : null))).toEqual([null, null, 'deferred', 'deferred', 'deferred', 'deferred']);
    const text = `${reply.code} ${reply.message}`;
    expect(outcome.deferral).toBe(text);
    for (const m of outcome.messages.slice(2)) expect(m.error).toBe(`not sent: server deferred (${text})`);
    // One connection, one refused body: no retry, no reconnect per remaining message.
    expect(server.connections()).toBe(1);
    expect(server.bodies).toHaveLength(3);
    // History: the deferred attempt is stopped, not failed (it stays due); the others were never begun.
    expect((await historyRows(store)).map((r) => [r.customer, r.status])).toEqual([['C0001', 'sent'], ['C0002', 'sent'], ['C0003', 'stopped']]);

    server.behaviour.data = () => 'accept';
    const next = await deliverPlan(plan, context(), undefined, options(1));
    expect(next.exitCode).toBe(ExitCode.Ok);
    expect(next.messages.map((m) => [m.key, m.status])).toEqual(plan.messages.slice(2).map((m) => [m.key, 'sent']));
    expect(server.accepted().map((b) => b.to[0]).sort()).toEqual(plan.messages.map((m) => m.to[0]).sort());
  });
});

it('with five messages in flight, asks the server five times, not four times per message', async () => {
  server.behaviour.data = () => ({ code: 421, message: '4.7.0 Try again later' });
  const outcome = await deliverPlan(aPlan(30), context(), undefined, options(5));
  expect(outcome.exitCode).toBe(75);
  expect(outcome.messages.every((m) => m.status === 'not-sent' && m.reason === 'deferred')).toBe(true);
  expect(server.connections()).toBeLessThanOrEqual(5);
  expect(server.bodies.length).toBeLessThanOrEqual(5);
  expect((await historyRows(store)).every((r) => r.status === 'stopped')).toBe(true);
});

it('a 421 greeting defers the whole run before anything is recorded, after one connection', async () => {
  server.behaviour.greeting = () => ({ code: 421, message: '4.7.0 Too many connections from your host' });
  const outcome = await deliverPlan(aPlan(4), context(), undefined, options(2));
  expect(outcome.exitCode).toBe(75);
  expect(outcome.messages.map((m) => m.error)).toEqual(Array(4).fill('not sent: server deferred (421 4.7.0 Too many connections from your host)'));
  expect(server.connections()).toBe(1);
  expect(await historyRows(store)).toEqual([]);
});

it('a deferral after a failure exits 1: the failure needs a look', async () => {
  server.behaviour.rcpt = (address) => (address === 'c1@example.test' ? { code: 550, message: '5.1.1 no such user' } : null);
  server.behaviour.data = (_m, n) => (n === 0 ? 'accept' : { code: 421, message: '4.3.2 Service shutting down' });
  const outcome = await deliverPlan(aPlan(4), context(), undefined, options(1));
  expect(outcome.messages.map((m) => m.status)).toEqual(['failed', 'sent', 'not-sent', 'not-sent']);
  expect(outcome.exitCode).toBe(ExitCode.SomeFailed);
});

it('a mailbox-full reply for one recipient is not a deferral: the run goes on', async () => {
  server.behaviour.rcpt = (address) => (address === 'c1@example.test' ? { code: 452, message: '4.2.2 Mailbox full' } : null);
  const outcome = await deliverPlan(aPlan(3), context(), undefined, options(1));
  expect(outcome.messages.map((m) => m.status)).toEqual(['failed', 'sent', 'sent']);
  expect(outcome.exitCode).toBe(ExitCode.SomeFailed);
});
