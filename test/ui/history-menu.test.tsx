/**
 * Enter on a message in History offers a menu (docs/reference/tui.md §2.6): write the copy, show
 * the text as sent (read from the archived copy, scrollable), send a copy (to the same or another
 * address, a new history row of kind copy). Review mode shows the text but refuses the copy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, renderDesk, type Desk } from './harness.js';
import { closeRealDesks, realDesk, type RealDesk } from './real-desk.js';

afterEach(() => {
  cleanup();
  closeRealDesks();
});

/** A desk whose history holds one message sent through the outbox, with its detail open. */
async function openedMessage(review: boolean, rows = 30): Promise<{ services: RealDesk; desk: Desk }> {
  const services = await realDesk({ customers: 3 });
  const sent = await services.send([services.data.plan.messages[0]!], () => undefined, new AbortController().signal);
  expect(sent.outcomes.map((o) => o.status)).toEqual(['sent']);
  const desk = renderDesk(services, { rows, columns: 140, review });
  await desk.waitFor('planned');
  desk.press('3');
  await desk.waitFor('1 of 1 messages');
  desk.press(KEYS.enter);
  await desk.waitFor((frame) => frame.includes('Message 1 ·') && frame.includes('▸ write the copy'));
  return { services, desk };
}

/** The body after the header block. */
const bodyOf = (raw: string): string => raw.slice(raw.indexOf('\r\n\r\n'));

describe('the message menu in History', () => {
  it('shows the text as sent, scrolls it, and goes back to the message with Esc', async () => {
    const { services, desk } = await openedMessage(false, 16);
    desk.press(KEYS.down);
    await desk.waitFor('▸ show the text as sent');
    desk.press(KEYS.enter);
    const subject = services.history[0]!.subject;
    const frame = await desk.waitFor('the text as sent · lines 1–');
    expect(frame).toContain(`Subject: ${subject}`);
    expect(frame).toMatch(new RegExp(`^To: .*${services.history[0]!.to[0]!.replace('.', '\\.')}`, 'm'));
    const total = Number(/of (\d+) · ↑/.exec(frame)![1]);
    desk.press(KEYS.pageDown);
    const scrolled = await desk.waitFor((f) => !f.includes('lines 1–'));
    expect(scrolled).not.toContain(`Subject: ${subject}`);
    desk.press('G');
    const end = await desk.waitFor(`–${total} of ${total}`);
    expect(end).toMatch(/Attached: .*\.pdf \(\d+ bytes\)/);
    desk.press('g');
    await desk.waitFor('lines 1–');
    desk.press(KEYS.escape);
    await desk.waitFor((f) => f.includes('Message 1 ·') && f.includes('▸ show the text as sent'));
  });

  it('sends a copy to another address: the body unchanged, the subject marked, a history row of kind copy', async () => {
    const { services, desk } = await openedMessage(false);
    desk.press(KEYS.down, KEYS.down);
    await desk.waitFor('▸ send a copy');
    desk.press(KEYS.enter);
    const to = services.history[0]!.to.join(', ');
    await desk.waitFor(`Send a copy of message 1 to`);
    desk.press(...Array.from({ length: to.length }, () => KEYS.backspace));
    desk.press('accounts@other.test');
    await desk.waitFor('accounts@other.test');
    desk.press(KEYS.enter);
    await desk.waitFor('copy of message 1 to accounts@other.test sent as message 2');
    expect(services.calls.filter((call) => call.startsWith('sendCopy'))).toEqual(['sendCopy 1 accounts@other.test']);
    const outbox = join(services.dir, 'outbox');
    const files = readdirSync(outbox).sort();
    expect(files).toHaveLength(2);
    const raws = files.map((name) => readFileSync(join(outbox, name), 'utf8'));
    const copied = raws.find((raw) => /^To: accounts@other\.test$/m.test(raw))!;
    const first = raws.find((raw) => raw !== copied)!;
    // Marked as a copy in the customer's language (this customer reads Italian).
    expect(copied).toMatch(/^Subject: Copia: /m);
    expect(bodyOf(copied)).toBe(bodyOf(first));
    expect(services.history.map((m) => [m.id, m.kind, m.copyOf ?? null])).toEqual([
      [1, services.history[0]!.kind, null],
      [2, 'copy', 1],
    ]);
    desk.press(KEYS.escape);
    await desk.waitFor('2 of 2 messages');
    expect(desk.lastFrame()).toContain('copy');
  });

  it('review mode shows the text but refuses sending a copy, with the words of every refusal', async () => {
    const { services, desk } = await openedMessage(true);
    desk.press(KEYS.down);
    await desk.waitFor('▸ show the text as sent');
    desk.press(KEYS.enter);
    await desk.waitFor('the text as sent · lines 1–');
    desk.press(KEYS.escape);
    await desk.waitFor('▸ show the text as sent');
    desk.press(KEYS.down, KEYS.enter);
    await desk.waitFor('review mode: sending a copy is not allowed (nothing can be sent or changed)');
    expect(services.calls.filter((call) => call.startsWith('sendCopy'))).toEqual([]);
    expect(services.history).toHaveLength(1);
    expect(readdirSync(join(services.dir, 'outbox'))).toHaveLength(1);
  });
});
