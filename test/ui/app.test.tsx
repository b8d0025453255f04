import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { helpLines } from '../../src/ui/components/help.js';
import { parseImportArgs } from '../../src/csv/import/request.js';
import { KEY_BINDINGS, KEY_TABLE } from '../../src/ui/screens/registry.js';
import type { Plan } from '../../src/core/plan.js';
import { KEYS, renderDesk } from './harness.js';
import { closeRealDesks, realDesk, recordOf } from './real-desk.js';

afterEach(() => {
  cleanup();
  closeRealDesks();
});

/** Lines of a frame (the frame never ends in a newline). */
const lines = (frame: string): string[] => frame.split('\n');

describe('the desk', () => {
  it('help lists every key binding of the one table', async () => {
    const desk = renderDesk(await realDesk(), { rows: 80 });
    await desk.waitFor('planned');
    desk.press('?');
    const frame = await desk.waitFor('Keys — Esc or ? closes');
    for (const binding of KEY_BINDINGS) {
      expect(frame, binding.command).toContain(`${binding.keys.join(' / ')}`);
      expect(frame, binding.command).toContain(binding.help);
    }
    desk.press(KEYS.escape);
    await desk.waitFor('planned');
  });

  it('help scrolls on a short terminal and never draws past its last row', async () => {
    const desk = renderDesk(await realDesk(), { rows: 12 });
    await desk.waitFor('planned');
    desk.press('?');
    let frame = await desk.waitFor('↑/↓ scroll');
    expect(lines(frame).length).toBeLessThanOrEqual(12);
    const last = helpLines(KEY_TABLE).at(-1)!.text;
    expect(frame).not.toContain(last);
    for (let i = 0; i < helpLines(KEY_TABLE).length; i += 1) desk.press('j');
    frame = await desk.waitFor(last);
    expect(lines(frame).length).toBeLessThanOrEqual(12);
    desk.press('?');
    await desk.waitFor('planned');
  });

  it('switches screens with Tab and 1–4', async () => {
    const desk = renderDesk(await realDesk());
    await desk.waitFor('[1 Due now]');
    desk.press(KEYS.tab);
    await desk.waitFor('[2 Customers]');
    desk.press(KEYS.tab, KEYS.tab);
    await desk.waitFor('[4 Settings]');
    desk.press('3');
    await desk.waitFor('[3 History]');
    desk.press('1');
    await desk.waitFor((f) => f.includes('[1 Due now]') && f.includes('planned'));
  });

  it('keeps every frame within the terminal, also after a resize', async () => {
    const services = await realDesk();
    const desk = renderDesk(services, { columns: 100, rows: 30 });
    let frame = await desk.waitFor('planned');
    expect(lines(frame)).toHaveLength(30);
    desk.resize(60, 10);
    frame = await desk.waitFor((f) => lines(f).length === 10);
    for (const line of lines(frame)) expect([...line].length).toBeLessThanOrEqual(60);
    // A short terminal shows fewer rows; the cursor still stays visible while moving.
    for (let i = 0; i < 12; i += 1) desk.press('j');
    const twelfth = services.data.plan.messages[12]!.customer.code;
    frame = await desk.waitFor((f) => f.split('\n').some((l) => l.startsWith('›') && l.includes(twelfth)));
    expect(lines(frame).length).toBeLessThanOrEqual(10);
    // Every screen keeps its heading and status line in view: nothing is pushed off or overlapped.
    for (const [screen, heading] of [['2', 'Customers —'], ['3', 'History —'], ['4', 'Settings —']] as const) {
      desk.press(screen);
      frame = await desk.waitFor(heading);
      expect(lines(frame).length).toBeLessThanOrEqual(10);
    }
    desk.resize(120, 40);
    frame = await desk.waitFor((f) => lines(f).length === 40);
    expect(frame).toContain('[4 Settings]');
  });
});

describe('review mode', () => {
  it('shows a banner and refuses every action that sends or changes, while preview and w work', async () => {
    const history = (plan: Plan) => plan.messages.slice(0, 3).map((m, i) => recordOf(m, { status: i === 0 ? 'failed' : 'uncertain', messageId: null, error: 'x' }, i + 1));
    const services = await realDesk({ history });
    const desk = renderDesk(services, { review: true, columns: 160 });
    let frame = await desk.waitFor('planned');
    expect(frame).toContain('REVIEW MODE');
    // The footer does not invite what review mode refuses.
    expect(frame).toContain('p preview');
    expect(frame).not.toContain('s send');
    desk.press('a', 's');
    await desk.waitFor('review mode: s (send) is refused');
    desk.press('p');
    await desk.waitFor('── E-mail text ──');
    desk.press('w');
    frame = await desk.waitFor('Written:');
    expect(frame).toContain(`${services.dir}/preview/`);
    // Esc followed at once by another key reads as Alt+key in a terminal, so wait in between.
    desk.press(KEYS.escape);
    await desk.waitFor('planned');
    const pressed = new Set<string>(['send']);
    const refuse = async (keys: string, command: string): Promise<void> => {
      const binding = KEY_BINDINGS.find((b) => b.command === command)!;
      desk.press(keys);
      await desk.waitFor(`review mode: ${binding.keys.at(-1)} (${binding.short}) is refused`);
      pressed.add(command);
    };
    await refuse('F', 'followUpDone');
    await refuse('Y', 'approve');
    desk.press('2');
    await desk.waitFor('Customers —');
    desk.press(KEYS.enter);
    await desk.waitFor('Open items');
    const customerKeys = [['h', 'hold'], ['H', 'itemHold'], ['r', 'reminders'], ['i', 'interval'], ['s', 'send'], ['S', 'statements'], ['L', 'profile'], ['P', 'promise'], ['D', 'dispute'], ['N', 'note']];
    for (const [keys, command] of customerKeys) await refuse(keys!, command!);
    desk.press(KEYS.escape);
    await desk.waitFor('Customers —');
    desk.press('3');
    await desk.waitFor('History —');
    for (const [keys, command] of [['r', 'retry'], ['A', 'retryAll'], ['d', 'markDelivered'], ['u', 'markNotDelivered'], ['c', 'acknowledge'], ['S', 'sendCopy']]) await refuse(keys!, command!);
    desk.press('4');
    await desk.waitFor('Settings —');
    for (const [keys, command] of [[KEYS.enter, 'edit'], ['m', 'testMail'], ['I', 'importCsv'], ['P', 'password']]) await refuse(keys!, command!);
    desk.press('5');
    await desk.waitFor('Bank —');
    await refuse(KEYS.enter, 'assignCredit');
    desk.press('6');
    await desk.waitFor('Inbox —');
    for (const [keys, command] of [['h', 'mailHandled'], ['P', 'mailPromise'], ['D', 'mailDispute'], ['N', 'mailNote'], ['U', 'clearUndeliverable'], ['R', 'fetchInbox']]) await refuse(keys!, command!);
    expect([...pressed].sort()).toEqual(KEY_BINDINGS.filter((b) => b.changes).map((b) => b.command).sort());
    const changing = services.calls.filter((c) => /^(send|set|mark|retry|import|testMail|ack|promise|dispute|resolve|note|done|assign|handled|clear|fetchInbox)/.test(c));
    expect(changing).toEqual([]);
  });

  it('keys typed into a text field are text, not refused commands', async () => {
    const desk = renderDesk(await realDesk(), { review: true });
    await desk.waitFor('planned');
    desk.press('/', 'sofia', KEYS.enter);
    const frame = await desk.waitFor('search: sofia');
    expect(frame).not.toContain('is refused');
  });

  it('the read-only services refuse even if a screen called them', async () => {
    const { readOnlyServices } = await import('../../src/ui/services.js');
    const services = await realDesk();
    const guarded = readOnlyServices(services);
    await expect(guarded.setHold('C00001', '2026-12-01')).rejects.toThrow(/review mode/);
    await expect(guarded.recordPromise('C00001', '2026-12-01', undefined, '')).rejects.toThrow(/review mode/);
    await expect(guarded.markDisputed('C00001', 'INV-1', 'why')).rejects.toThrow(/review mode/);
    await expect(guarded.addNote('C00001', 'text', undefined)).rejects.toThrow(/review mode/);
    await expect(guarded.completeFollowUp(7)).rejects.toThrow(/review mode/);
    await expect(guarded.setProfile('C00001', 'gentle')).rejects.toThrow(/review mode/);
    await expect(guarded.send([], () => undefined, new AbortController().signal)).rejects.toThrow(/review mode/);
    await expect(guarded.importCsv(parseImportArgs(['customers', 'x.csv']))).rejects.toThrow(/review mode/);
    expect(() => guarded.setSessionPassword('secret')).toThrow(/review mode/);
    expect(services.calls).toEqual([]);
    await expect(guarded.loadPlan('2026-11-22')).resolves.toHaveProperty('messages');
  });
});
