import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { formatAmount } from '../../src/ui/format.js';
import { startSmtpServer, type SmtpBehaviour, type TestSmtpServer } from '../helpers/smtp.js';
import { KEYS, renderDesk } from './harness.js';
import { closeRealDesks, realDesk } from './real-desk.js';

const servers: TestSmtpServer[] = [];
afterEach(async () => {
  cleanup();
  closeRealDesks();
  for (const server of servers.splice(0)) await server.close();
});

/** A local SMTP server behaving as `behaviour` says, closed after the test. */
async function smtpServer(behaviour: SmtpBehaviour = {}): Promise<TestSmtpServer> {
  const server = await startSmtpServer({ behaviour });
  servers.push(server);
  return server;
}

/** A hold on the server's answer to the message with index `at`, until released. */
function holdAt(at: number): { hold: (n: number) => Promise<void> | undefined; release: () => void } {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    hold: (n) => (n === at ? held : undefined),
    release: () => release(),
  };
}

/** Send every planned message, holding the one with index `at` in flight until released. */
async function sendAllHeldAt(at: number) {
  const hold = holdAt(at);
  const services = await realDesk({ smtp: { server: await smtpServer({ hold: hold.hold }) } });
  const desk = renderDesk(services);
  await desk.waitFor('planned');
  desk.press('a', 's', KEYS.enter);
  return { hold, services, desk, total: services.data.plan.messages.length };
}

describe('sending from Due now', () => {
  it('refuses to send with nothing selected', async () => {
    const services = await realDesk();
    const desk = renderDesk(services);
    await desk.waitFor('planned');
    desk.press('s');
    await desk.waitFor('nothing selected');
    expect(services.calls.some((c) => c.startsWith('send'))).toBe(false);
  });

  it('confirms with count and transport, shows progress per message and a summary', async () => {
    const server = await smtpServer();
    const services = await realDesk({ customers: 40, smtp: { server, width: 5 } });
    const failing = services.data.plan.messages[1]!.customer.code;
    const refused = new Set(services.data.plan.messages[1]!.to);
    server.behaviour.rcpt = (address) => (refused.has(address) ? { code: 550, message: '5.1.1 mailbox unavailable' } : null);
    const desk = renderDesk(services);
    await desk.waitFor('planned');
    const messages = services.data.plan.messages;
    desk.press('a', 's');
    let frame = await desk.waitFor(`via ${services.transportLabel()}`);
    const customers = new Set(messages.map((m) => m.customer.code)).size;
    expect(frame).toContain(`Send ${messages.length} messages to ${customers} customers via ${services.transportLabel()}?`);
    desk.press(KEYS.enter);
    frame = await desk.waitFor('Finished');
    const failed = messages.filter((m) => m.customer.code === failing).length;
    expect(failed).toBe(1);
    expect(frame).toContain(`${messages.length}/${messages.length}`);
    expect(frame).toContain(`sent ${messages.length - failed} · failed ${failed} · uncertain 0 · not sent 0`);
    expect(services.calls).toContain(`send ${messages.length}`);
    desk.press(KEYS.enter);
    // Sent messages leave the plan; the failed one stays due.
    frame = await desk.waitFor(`${failed} of ${failed} planned`);
    expect(frame).toContain(`sent ${messages.length - failed}, failed ${failed}, uncertain 0`);
    expect(frame).toContain(failing);
  });

  it('Esc stops after the message in flight', async () => {
    const { hold, services, desk, total } = await sendAllHeldAt(2);
    let frame = await desk.waitFor(`2/${total}`);
    expect(frame).toContain('sending…');
    desk.press(KEYS.escape);
    await desk.waitFor('Stopping after the messages in flight (1)');
    hold.release();
    frame = await desk.waitFor('Finished (stopped)');
    expect(frame).toContain(`sent 3 · failed 0 · uncertain 0 · not sent ${total - 3}`);
    expect(services.history.filter((h) => h.status === 'sent')).toHaveLength(3);
  });

  it('shows every message in flight, counts only what was attempted, and the finished list scrolls', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const services = await realDesk({ smtp: { server: await smtpServer({ hold: (n) => (n < 2 ? undefined : held) }), width: 5 } });
    const desk = renderDesk(services);
    await desk.waitFor('planned');
    const messages = services.data.plan.messages;
    const total = messages.length;
    desk.press('a', 's', KEYS.enter);
    let frame = await desk.waitFor((f) => f.includes(`2/${total}`) && f.split('\n').filter((l) => l.startsWith('sending…')).length === 5);
    expect(frame).toContain('Esc stops after the messages in flight (5)');
    desk.press(KEYS.escape);
    await desk.waitFor('Stopping after the messages in flight (5)…');
    release();
    frame = await desk.waitFor('Finished (stopped)');
    expect(frame).toContain(`7/${total}`);
    expect(frame).toContain(`sent 7 · failed 0 · uncertain 0 · not sent ${total - 7}`);
    expect(frame).not.toContain(messages.at(-1)!.key);
    desk.press(...Array.from({ length: Math.ceil(total / 10) }, () => KEYS.pageDown));
    await desk.waitFor(messages.at(-1)!.key);
  });

  it.each([
    ['Ctrl-C', '\u0003'],
    ['q', 'q'],
  ])('%s during a send stops after the messages in flight and quits only when the run has ended', async (_name, keys) => {
    const { hold, services, desk, total } = await sendAllHeldAt(1);
    await desk.waitFor(`1/${total}`);
    desk.press(keys);
    await desk.waitFor('quitting after the messages in flight');
    expect(desk.exited()).toBe(false);
    hold.release();
    await desk.waitFor(() => desk.exited());
    expect(services.history.filter((h) => h.status === 'sent')).toHaveLength(2);
  });

  it('Ctrl-C with nothing under way quits at once', async () => {
    const desk = renderDesk(await realDesk());
    await desk.waitFor('planned');
    desk.press('\u0003');
    await desk.waitFor(() => desk.exited());
  });

  it('counts selected rows a search hides apart, sends only the visible ones, and sent rows leave the selection', async () => {
    const services = await realDesk({ customers: 400 });
    const desk = renderDesk(services, { columns: 120 });
    await desk.waitFor('planned');
    const messages = services.data.plan.messages;
    const sofia = messages.filter((m) => m.customer.name.startsWith('София'));
    expect(sofia.length).toBeGreaterThan(3);
    desk.press('a', '/', 'софия', KEYS.enter);
    await desk.waitFor(`${messages.length} selected, ${sofia.length} visible`);
    desk.press('s');
    const frame = await desk.waitFor('Totals:');
    expect(frame).toContain(`Send ${sofia.length} messages to ${sofia.length} customers via outbox`);
    const total = sofia.reduce((sum, m) => sum + m.total + m.fee + m.interest, 0);
    expect(frame).toContain(`Totals: ${formatAmount(total, 'BGN')}`);
    expect(frame).toContain(`To: ${sofia[0]!.customer.code} ${sofia[0]!.customer.name}, ${sofia[1]!.customer.code}`);
    expect(frame).toContain(`and ${sofia.length - 3} more`);
    desk.press(KEYS.enter);
    await desk.waitFor('Finished');
    expect(services.calls).toContain(`send ${sofia.length}`);
    desk.press(KEYS.enter);
    await desk.waitFor(`0 of ${messages.length - sofia.length} planned · ${messages.length - sofia.length} selected, 0 visible`);
    desk.press('/', KEYS.escape);
    await desk.waitFor(`${messages.length - sofia.length} of ${messages.length - sofia.length} planned · ${messages.length - sofia.length} selected`);
  });

  it('cancels at the confirmation without sending', async () => {
    const services = await realDesk();
    const desk = renderDesk(services);
    await desk.waitFor('planned');
    desk.press(' ', 's');
    await desk.waitFor('Send 1 message to 1 customer via');
    desk.press(KEYS.escape);
    await desk.waitFor('sending cancelled');
    expect(services.calls.some((c) => c.startsWith('send'))).toBe(false);
  });
});
