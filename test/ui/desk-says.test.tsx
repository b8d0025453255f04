/** Keys and screens that do what they say: a clerk's bursts, cursors, words and widths (docs/reference/tui.md). */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Plan } from '../../src/core/plan.js';
import { AGING_BUCKETS } from '../../src/core/aging.js';
import { formatAmount, formatMoney, localTime } from '../../src/ui/format.js';
import { KEYS, renderDesk, rowOf } from './harness.js';
import { closeRealDesks, realDesk, recordOf } from './real-desk.js';

const HOME = '\u001B[H';
const END = '\u001B[F';

afterEach(() => {
  cleanup();
  closeRealDesks();
});

describe('keys and screens that do what they say', () => {
  it('Esc followed at once by a key closes the help and then takes the key', async () => {
    const desk = renderDesk(await realDesk());
    await desk.waitFor('planned');
    desk.press('?');
    await desk.waitFor('Keys — Esc');
    desk.press(KEYS.escape + '2');
    const frame = await desk.waitFor('Customers —');
    expect(frame).not.toContain('Keys — Esc');
  });

  it('after c on the last problem shown, the cursor stays on a row and r acts on it', async () => {
    const services = await realDesk({
      history: ({ messages }) => messages.slice(0, 2).map((m, i) => recordOf(m, { status: 'failed', messageId: null, error: '550 5.1.1 mailbox unavailable' }, i + 1)),
    });
    const desk = renderDesk(services, { rows: 30, columns: 120 });
    await desk.waitFor('planned');
    desk.press('3');
    await desk.waitFor('2 need attention');
    desk.press('x');
    await desk.waitFor('showing only those');
    desk.press('G', 'c');
    let frame = await desk.waitFor((f) => f.includes('acknowledged: it needs no more attention') && f.includes('1 need attention'));
    const cursorRow = rowOf(frame, '›');
    expect(cursorRow).toContain('!! failed');
    desk.press('r');
    frame = await desk.waitFor((f) => f.includes('retry of ') || f.includes('retrying message'), 15_000);
  });

  it('the filter takes a level of any dunning profile, not only the default one', async () => {
    const services = await realDesk({
      settings: (settings) => ({ ...settings, policy: { ...settings.policy, profiles: { gentle: { levels: [{ id: 'friendly', name: 'Friendly', days: 14, template: 'first' }] } } } }),
    });
    const desk = renderDesk(services, { columns: 120 });
    await desk.waitFor('planned');
    desk.press('f');
    await desk.waitFor('Filters —');
    desk.press(KEYS.enter, 'friendly', KEYS.enter, 'a');
    const frame = await desk.waitFor('filter:');
    expect(frame).not.toContain('is not a level');
  });

  it('Home and End in the filter form go to the first and last field, and the value lands there', async () => {
    const desk = renderDesk(await realDesk(), { columns: 120 });
    await desk.waitFor('planned');
    desk.press('f');
    await desk.waitFor('Filters —');
    desk.press(END, KEYS.enter, 'yes', KEYS.enter);
    const notYetDue = /Include not yet due\s+yes\s+yes \/ no/;
    let frame = await desk.waitFor((f) => notYetDue.test(f));
    expect(rowOf(frame, 'Level / kind')).toMatch(/Level \/ kind\s+—/);
    desk.press(HOME, KEYS.enter, 'first', KEYS.enter);
    frame = await desk.waitFor((f) => /Level \/ kind\s+first/.test(f));
    expect(frame).toMatch(notYetDue);
  });

  it('a search that finds nothing says "no match", not that nothing is due', async () => {
    const desk = renderDesk(await realDesk(), { columns: 120 });
    await desk.waitFor('planned');
    desk.press('/zzzqqq', KEYS.enter);
    const frame = await desk.waitFor('search: zzzqqq');
    expect(frame).toContain('no match');
    expect(frame).not.toContain('nothing is due');
  });

  it('Settings says what --send-due does when schedule.approval is on', async () => {
    const desk = renderDesk(await realDesk({ settings: (settings) => ({ ...settings, schedule: { approval: true } }) }), { columns: 160, rows: 40 });
    await desk.waitFor('planned');
    desk.press('4');
    const frame = await desk.waitFor('--send-due');
    expect(frame).toContain('--send-due proposes, sends what a clerk approved (schedule.approval)');
  });

  it('with schedule.approval, s says plainly that approval holds back scheduled runs only', async () => {
    const desk = renderDesk(await realDesk({ settings: (settings) => ({ ...settings, schedule: { approval: true } }) }), { columns: 160, rows: 30 });
    await desk.waitFor('planned');
    desk.press(' ', 's');
    const frame = await desk.waitFor('Send 1 message');
    expect(frame).toContain('schedule.approval applies to scheduled --send-due runs; what you send here goes now');
  });

  it('the proposal window shows amounts as the desk does, its time in local time, and says what space does', async () => {
    const firstThree = (plan: Plan): Plan => ({ ...plan, messages: plan.messages.slice(0, 3) });
    const services = await realDesk({ proposal: firstThree });
    const desk = renderDesk(services, { columns: 160, rows: 30 });
    await desk.waitFor('proposal #1 awaits approval (A)');
    desk.press('A');
    const frame = await desk.waitFor('Proposal #1 for');
    const first = services.data.plan.messages[0]!;
    expect(rowOf(frame, first.key)).toContain(formatAmount(first.total, first.currency));
    expect(frame).toContain(`made by cron at ${localTime(`${services.today()}T06:00:00.000Z`)}`);
    expect(frame).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(frame).toContain('space takes the line out / back in');
    expect(frame).not.toContain('space select');
  });

  it('History details show times in local time', async () => {
    const services = await realDesk({
      history: ({ messages }) => messages.slice(0, 1).map((m, i) => recordOf(m, { status: 'failed', messageId: null, error: '550 5.1.1 mailbox unavailable' }, i + 1)),
    });
    const desk = renderDesk(services, { rows: 30, columns: 120 });
    await desk.waitFor('planned');
    desk.press('3');
    await desk.waitFor('1 need attention');
    desk.press(KEYS.enter);
    const frame = await desk.waitFor('Message —');
    const record = services.history[0]!;
    expect(frame).toContain(`Created ${localTime(record.createdAt)}`);
    expect(frame).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  });

  it('at 60x20 the ageing amounts on Customers are whole', async () => {
    const services = await realDesk();
    const desk = renderDesk(services, { columns: 60, rows: 20 });
    await desk.waitFor('planned');
    desk.press('2');
    const frame = await desk.waitFor('Customers —');
    const { aging } = await services.listCustomers(services.today());
    const first = aging[0]!;
    const line = rowOf(frame, first.currency)!;
    const shownAmounts = frame.split('\n').filter((l) => l.startsWith(first.currency)).join(' ');
    for (const bucket of AGING_BUCKETS) expect(shownAmounts).toContain(formatMoney(first.buckets[bucket], first.currency));
    expect(line).not.toContain('…');
  });

  it('at 160 columns names take the spare width, and an empty Flags column is not shown', async () => {
    const long = 'Θεσσαλονίκη Τρόφιμα και Ποτά Ανώνυμη Εταιρεία Χονδρικής';
    const services = await realDesk({
      shape: (data) => {
        for (const customer of data.customers) Object.assign(customer, { reminders: true, holdUntil: null });
        data.customers[0]!.name = long;
      },
    });
    const desk = renderDesk(services, { columns: 160, rows: 30 });
    await desk.waitFor('planned');
    desk.press('2');
    const frame = await desk.waitFor('Customers —');
    expect(rowOf(frame, services.data.customers[0]!.code)).toContain(long);
    expect(frame).not.toContain('Flags');
  });

  it('History shows the customer name and the status whole', async () => {
    const services = await realDesk({
      history: ({ messages }) => [
        recordOf(messages[0]!, { status: 'failed', messageId: null, error: '550 5.1.1 mailbox unavailable' }, 1),
        recordOf(messages[0]!, { status: 'sent', messageId: '<again@acme.example>', error: null }, 2),
      ],
    });
    const desk = renderDesk(services, { rows: 30, columns: 100 });
    await desk.waitFor('planned');
    desk.press('3');
    const frame = await desk.waitFor('History —');
    const failedRow = frame.split('\n').find((l) => l.includes('failed → #'))!;
    const code = services.history[0]!.customerCode;
    const name = services.data.customers.find((c) => c.code === code)!.name;
    expect(failedRow).toMatch(/failed → #\d+ sent/);
    expect(failedRow).toContain(`${code}   ${name}`);
  });
});
