/**
 * The operator's stop (TUI Esc, Ctrl-C, q) cuts every wait of a run short: a message the server
 * refused for now (4xx) is not tried again, is reported as stopped and stays due, and the run
 * ends at once instead of waiting out up to 21 s of back-off; a message waiting for its slot
 * under smtp.rateLimit is not sent.
 */
import { describe, expect, it } from 'vitest';
import { deliverPlan, type DeliveryOptions } from '../../src/delivery/deliver.js';
import { realSleep } from '../../src/mail/transports/wait.js';
import type { Ledger } from '../../src/storage/ledger.js';
import type { TestSmtpServer } from '../helpers/smtp.js';
import { serverAndStorePerTest } from './fixtures/server-and-store.js';
import { aContext, aPlan, historyRows, testRenderer } from './fixtures/messages.js';

let server: TestSmtpServer;
let store: Ledger;
serverAndStorePerTest((current) => ({ server, store } = current));

const tryLater = { code: 451, message: '4.3.0 try later' };

/** Resolve once `predicate` holds (polled), or fail after `timeoutMs`. */
async function until(predicate: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`never happened within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

function options(signal: AbortSignal, extra: Partial<DeliveryOptions> = {}): DeliveryOptions {
  return {
    renderer: testRenderer(),
    concurrency: 1,
    signal,
    smtpTuning: { socketTimeoutMs: 2000, connectionTimeoutMs: 2000, greetingTimeoutMs: 2000 },
    ...extra,
  };
}

describe('stopping a send during a retry back-off', () => {
  it('ends the run at once: the refused message is not tried again, is reported stopped and stays due; the next is not attempted', async () => {
    server.behaviour.data = () => tryLater;
    let backOffs = 0;
    // A back-off that would never end on its own: only the stop can end this run.
    const neverEnds = (): Promise<void> => {
      backOffs += 1;
      return new Promise(() => undefined);
    };
    const stop = new AbortController();
    const ctx = aContext(store, {}, { DUEDESK_SMTP_URL: server.url() });
    const run = deliverPlan(aPlan(2), ctx, undefined, options(stop.signal, { retry: { delaysMs: [1000, 5000, 15_000], sleep: neverEnds } }));
    await until(() => backOffs === 1, 'the first back-off began');
    stop.abort();
    const outcome = await run;

    expect(server.bodies).toHaveLength(1);
    expect(outcome.messages.map((m) => [m.key, m.status, m.status === 'not-sent' ? m.reason : null])).toEqual([
      ['C0001-EUR-first', 'not-sent', 'stopped'],
      ['C0002-EUR-first', 'not-sent', 'stopped'],
    ]);
    expect(outcome.messages[0]?.error).toMatch(/^not sent: temporary failure, not tried again: stopped by the operator after 1 attempt: .*451/);
    expect(outcome.messages[1]?.error).toBe('not sent: stopped by the operator');
    // The operator's stop is no failure: exit 0, and history keeps the refused attempt as stopped
    // (never failed: it needs no attention), which leaves the message due for the next run.
    expect(outcome.exitCode).toBe(0);
    expect((await historyRows(store)).map((r) => [r.customer, r.status])).toEqual([['C0001', 'stopped']]);
  });

  it('cuts the real timer short: a run in a 60-second back-off ends as soon as it is stopped', async () => {
    server.behaviour.data = () => tryLater;
    const stop = new AbortController();
    const ctx = aContext(store, {}, { DUEDESK_SMTP_URL: server.url() });
    const run = deliverPlan(aPlan(1), ctx, undefined, options(stop.signal, { retry: { delaysMs: [60_000, 60_000], sleep: realSleep } }));
    await until(() => server.bodies.length === 1, 'the server refused the first attempt');
    stop.abort();
    const outcome = await run;
    expect(outcome.messages.map((m) => m.status)).toEqual(['not-sent']);
    expect(server.bodies).toHaveLength(1);
  });

  it('a message waiting for its smtp.rateLimit slot is not sent, and the run ends at once', async () => {
    const stop = new AbortController();
    // One message every 5 s: with three side by side, the second and third wait 5 and 10 s.
    const ctx = aContext(store, { smtp: { rateLimit: 0.2 } }, { DUEDESK_SMTP_URL: server.url() });
    const run = deliverPlan(aPlan(3), ctx, undefined, options(stop.signal, { concurrency: 3 }));
    await until(() => server.accepted().length === 1, 'the first message was accepted');
    stop.abort();
    const outcome = await run;
    expect(outcome.messages.map((m) => m.status).sort()).toEqual(['not-sent', 'not-sent', 'sent']);
    expect(outcome.messages.filter((m) => m.status === 'not-sent').map((m) => m.error)).toEqual([
      'not sent: the operator stopped the run while it waited for its turn (smtp.rateLimit)',
      'not sent: the operator stopped the run while it waited for its turn (smtp.rateLimit)',
    ]);
    expect(server.bodies).toHaveLength(1);
  });

  it('a real sleep ends when its signal aborts, and at once when it was already aborted', async () => {
    const stop = new AbortController();
    const waiting = realSleep(60_000, stop.signal);
    stop.abort();
    await waiting;
    await realSleep(60_000, stop.signal);
    expect(stop.signal.aborted).toBe(true);
  });
});
