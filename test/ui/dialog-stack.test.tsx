/**
 * One dialog stack: whichever dialog is open (prompt, filter form, preview, confirmations, help,
 * the status in full) takes every key, so screen keys typed meanwhile do not reach the screen
 * under it; Esc closes the top one only, and then the screen has the keys again.
 */
import type { Key } from 'ink';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { DialogStack, type Dialog } from '../../src/ui/dialog-stack.js';
import { KEYS, renderDesk, type Desk } from './harness.js';
import { closeRealDesks, realDesk, recordOf, type RealDesk } from './real-desk.js';

afterEach(() => {
  cleanup();
  closeRealDesks();
});

/** How to open one dialog from the desk's first screen, what shows it is open, and which tab it is on. */
interface DialogCase {
  name: string;
  open: (desk: Desk) => Promise<void>;
  marker: string;
  tab: string;
}

const onDue = '[1 Due now]';

/** Press `first`, wait for `shown`, then press `then`. */
function pressAfter(first: string[], shown: string, then: string[]): (desk: Desk) => Promise<void> {
  return async (desk) => {
    desk.press(...first);
    await desk.waitFor(shown);
    desk.press(...then);
  };
}
const CASES: DialogCase[] = [
  { name: 'the search prompt', open: async (d) => d.press('/'), marker: 'Search:', tab: onDue },
  { name: 'the filter form', open: async (d) => d.press('f'), marker: ' Filters —', tab: onDue },
  { name: 'the preview', open: async (d) => d.press('p'), marker: ' Preview ', tab: onDue },
  { name: 'the send confirmation', open: async (d) => d.press('a', 's'), marker: 'via outbox', tab: onDue },
  { name: 'the write confirmation', open: async (d) => d.press('a', 'w'), marker: ' Write ', tab: onDue },
  { name: 'the help', open: async (d) => d.press('?'), marker: ' Keys — Esc', tab: onDue },
  { name: 'the status in full', open: pressAfter(['R'], 'reloaded', ['e']), marker: ' Last message — Esc', tab: onDue },
  { name: 'the retry-all confirmation', open: pressAfter(['3'], 'need attention', ['A']), marker: 'Retry 2 failed messages', tab: '[3 History]' },
];

function servicesWithFailures(): Promise<RealDesk> {
  return realDesk({
    history: ({ messages }) => messages.slice(0, 2).map((m, i) => recordOf(m, { status: 'failed', messageId: null, error: '550 5.1.1 mailbox unavailable' }, i + 1)),
  });
}

describe('the dialog stack on the desk', () => {
  it.each(CASES)('$name takes the keys meant for the screen, and Esc closes it and nothing else', async ({ open, marker, tab }) => {
    const desk = renderDesk(await servicesWithFailures(), { rows: 30, columns: 120 });
    await desk.waitFor('planned');
    await open(desk);
    await desk.waitFor(marker);
    // 2 and Tab would switch screens, x would toggle a list: the dialog is on top, so none does.
    desk.press('2', KEYS.tab, 'x', KEYS.escape);
    const frame = await desk.waitFor((f) => !f.includes(marker));
    expect(frame).toContain(tab);
    expect(frame).not.toContain('Skipped —');
    desk.press('2');
    await desk.waitFor('[2 Customers]');
  });

  it('Esc closes a prompt over the customer detail, and the next Esc the detail', async () => {
    const desk = renderDesk(await realDesk(), { rows: 30, columns: 120 });
    await desk.waitFor('planned');
    desk.press('2');
    await desk.waitFor('Customers —');
    desk.press(KEYS.enter);
    await desk.waitFor(' Customer — Esc back');
    desk.press('h');
    await desk.waitFor('Hold C');
    desk.press('2', KEYS.escape);
    await desk.waitFor((f) => f.includes(' Customer — Esc back') && !f.includes('Hold C'));
    desk.press(KEYS.escape);
    await desk.waitFor((f) => f.includes('Customers —') && !f.includes(' Customer — Esc back'));
  });
});

describe('DialogStack', () => {
  const noKey = { escape: false } as Key;
  const esc = { escape: true } as Key;
  function recorder(name: string, log: string[]): Dialog {
    return { handle: (input) => log.push(`${name}:${input}`), escape: () => log.push(`${name}:esc`) };
  }

  it('gives keys only to the top dialog, Esc to its escape, and nothing when none is open', () => {
    const log: string[] = [];
    const stack = new DialogStack();
    const below = recorder('below', log);
    const top = recorder('top', log);
    expect(stack.route('j', noKey)).toBe(false);
    stack.show(below);
    stack.show(top);
    // Showing an open dialog again leaves the order as it is.
    stack.show(below);
    expect(stack.route('j', noKey)).toBe(true);
    stack.route('', esc);
    stack.hide(top);
    stack.route('k', noKey);
    stack.hide(below);
    expect(stack.route('z', noKey)).toBe(false);
    expect(log).toEqual(['top:j', 'top:esc', 'below:k']);
  });

  it('tells its listeners when a dialog opens or closes, and names the topmost window', () => {
    const log: string[] = [];
    const stack = new DialogStack();
    let changes = 0;
    const stop = stack.subscribe(() => (changes += 1));
    const window: Dialog = { ...recorder('window', log), window: () => null };
    const line = recorder('line', log);
    stack.show(window);
    stack.show(line);
    // Showing an open dialog again changes nothing.
    stack.show(window);
    expect(changes).toBe(2);
    expect(stack.topWindow()).toBe(window);
    expect(stack.isOpen(line)).toBe(true);
    stack.hide(window);
    expect(stack.topWindow()).toBeUndefined();
    stop();
    stack.hide(line);
    expect(changes).toBe(3);
  });
});
