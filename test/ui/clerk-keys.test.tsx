/** What a clerk reaches for: sorting, Shift-Tab, a line editor, Esc that cancels, skipped rows that open. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { formatMoney } from '../../src/ui/format.js';
import { KEYS, renderDesk, rowOf } from './harness.js';
import { closeRealDesks, realDesk } from './real-desk.js';

afterEach(() => {
  cleanup();
  closeRealDesks();
});

const SHIFT_TAB = '\u001B[Z';
const LEFT = '\u001B[D';
const HOME = '\u001B[H';
const END = '\u001B[F';
const CTRL_W = '\u0017';

describe('keys a clerk expects', () => {
  it('o sorts the planned messages by total per currency, largest first, and O reverses', async () => {
    const services = await realDesk();
    const desk = renderDesk(services, { columns: 120 });
    await desk.waitFor('planned');
    // Totals are compared within one currency only: the rows are grouped by currency (A–Z), then by total.
    const sum = (m: (typeof services.data.plan.messages)[number]): number => m.total + m.fee + m.interest;
    const byCurrency = (a: (typeof services.data.plan.messages)[number], b: (typeof services.data.plan.messages)[number]): number => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0);
    const largest = [...services.data.plan.messages].sort((a, b) => byCurrency(a, b) || sum(b) - sum(a));
    const smallest = [...services.data.plan.messages].sort((a, b) => byCurrency(a, b) || sum(a) - sum(b));
    expect(new Set(services.data.plan.messages.map((m) => m.currency)).size).toBeGreaterThan(1);
    desk.press('o');
    let frame = await desk.waitFor('sorted by total ↓ per currency');
    expect(rowOf(frame, '›')).toContain(largest[0]!.customer.code);
    desk.press('O');
    frame = await desk.waitFor('sorted by total ↑ per currency');
    expect(rowOf(frame, '›')).toContain(smallest[0]!.customer.code);
    expect(rowOf(frame, '›')).toContain(formatMoney(sum(smallest[0]!), smallest[0]!.currency));
  });

  it('Shift-Tab goes to the previous screen', async () => {
    const desk = renderDesk(await realDesk());
    await desk.waitFor('planned');
    desk.press(SHIFT_TAB);
    await desk.waitFor('[6 Inbox]');
    desk.press(SHIFT_TAB);
    await desk.waitFor('[5 Bank]');
  });

  it('q closes the preview instead of quitting', async () => {
    const desk = renderDesk(await realDesk());
    await desk.waitFor('planned');
    desk.press('p');
    await desk.waitFor('── E-mail text ──');
    desk.press('q');
    await desk.waitFor((f) => f.includes('planned') && !f.includes('E-mail text'));
  });

  it('Esc cancels the filter form, and a mistyped level is refused', async () => {
    const services = await realDesk();
    const desk = renderDesk(services, { columns: 120 });
    const all = services.data.plan.messages.length;
    await desk.waitFor('planned');
    desk.press('f');
    await desk.waitFor('Filters —');
    desk.press(KEYS.enter, 'first', KEYS.enter);
    await desk.waitFor((f) => f.includes('Level / kind') && f.includes('first'));
    desk.press(KEYS.escape);
    let frame = await desk.waitFor(`${all} of ${all} planned`);
    expect(frame).not.toContain('filter:');
    desk.press('f');
    await desk.waitFor('Filters —');
    desk.press(KEYS.enter, 'firts', KEYS.enter, 'a');
    frame = await desk.waitFor('is not a level');
    // The levels of every profile are named (the test policy's second profile has `late`).
    expect(frame).toContain('Level / kind: "firts" is not a level (one of upcoming, first, second, final, late, statement, installment)');
  });

  it('the line editor moves with ←/Home/End, deletes a word with Ctrl-W, and loses nothing typed fast', async () => {
    const services = await realDesk();
    const desk = renderDesk(services);
    await desk.waitFor('planned');
    desk.press('/', 'abc def', CTRL_W, HOME, 'x', END, '1', LEFT, 'y');
    await desk.waitFor('search: xabc y1');
    desk.press(KEYS.escape);
    await desk.waitFor((f) => !f.includes('search:'));
    const name = 'Θεσσαλονίκη Τρόφιμα';
    desk.press('/');
    for (const char of name) desk.press(char);
    desk.press(KEYS.enter);
    const frame = await desk.waitFor(`search: ${name}`);
    const expected = services.data.plan.messages.filter((m) => m.customer.name.startsWith(name)).length;
    expect(expected).toBeGreaterThan(0);
    expect(frame).toContain(`${expected} of`);
  });

  it('skipped rows show names, and Enter on one opens that customer', async () => {
    const services = await realDesk();
    const desk = renderDesk(services, { columns: 120 });
    await desk.waitFor('planned');
    const skip = services.data.plan.skipped[0]!;
    const customer = services.data.customers.find((c) => c.code === skip.customer)!;
    desk.press('x');
    await desk.waitFor(`${customer.code} ${customer.name}`);
    desk.press(KEYS.enter);
    const frame = await desk.waitFor('Open items');
    expect(frame).toContain('[2 Customers]');
    expect(frame).toContain(`${customer.code}  ${customer.name}`);
  });

  it('H holds the open item under the cursor in the customer detail', async () => {
    const services = await realDesk();
    const desk = renderDesk(services, { columns: 120, rows: 40 });
    await desk.waitFor('planned');
    const code = services.data.customers.find((c) => (services.data.items.get(c.code)?.length ?? 0) >= 2)!.code;
    // The second open item as the detail lists it (oldest due first).
    const item = (await services.customerDetail(code, services.today()))!.items[1]!;
    desk.press('2');
    await desk.waitFor('Customers —');
    desk.press('/', code, KEYS.enter);
    await desk.waitFor(`search: ${code}`);
    desk.press(KEYS.enter);
    await desk.waitFor('Open items');
    desk.press('j', 'H');
    await desk.waitFor(`Hold ${code} item ${item.number} until`);
    desk.press('2027-01-31', KEYS.enter);
    const done = `${code} item ${item.number}: on hold until 2027-01-31`;
    const held = (f: string): boolean => rowOf(f, item.number)?.includes('2027-01-31') ?? false;
    await desk.waitFor((f) => f.includes(done) && held(f));
    expect(services.calls).toContain(`setItemHold ${code} ${item.number} 2027-01-31`);
    // The status line never says the item is held while its row still shows it is not.
    expect(desk.frames().filter((f) => f.includes(done) && !held(f))).toEqual([]);
  });

  it('counts carry thousands separators', async () => {
    const services = await realDesk({ customers: 2500 });
    const desk = renderDesk(services);
    await desk.waitFor('planned');
    const n = services.data.plan.messages.length;
    expect(n).toBeGreaterThan(1000);
    await desk.waitFor(`${n.toLocaleString('en-US')} of ${n.toLocaleString('en-US')} planned`);
    desk.press('2');
    await desk.waitFor('2,500 of 2,500');
  });
});
