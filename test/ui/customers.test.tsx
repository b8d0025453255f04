import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { daysBetween } from '../../src/core/dates.js';
import { formatMoney } from '../../src/ui/format.js';
import { KEYS, renderDesk } from './harness.js';
import { closeRealDesks, realDesk } from './real-desk.js';

afterEach(() => {
  cleanup();
  closeRealDesks();
});

async function openCustomers() {
  const services = await realDesk();
  const desk = renderDesk(services, { rows: 30 });
  await desk.waitFor('planned');
  desk.press('2');
  await desk.waitFor('Customers —');
  return { desk, services };
}

describe('Customers', () => {
  it('draws the aging per currency above the list with open totals and oldest overdue', async () => {
    const { desk, services } = await openCustomers();
    const list = await services.listCustomers('2026-11-22');
    const frame = await desk.waitFor(`Customers — ${list.rows.length} of ${list.rows.length}`);
    for (const label of ['not yet due', '1–30', '31–60', '61–90', '> 90']) expect(frame).toContain(label);
    for (const aging of list.aging) {
      const line = frame.split('\n').find((l) => l.startsWith(aging.currency))!;
      expect(line).toContain('█');
      expect(line).toContain(formatMoney(aging.buckets.d1to30, aging.currency));
    }
    const first = list.rows[0]!;
    const row = frame.split('\n').find((l) => l.includes(first.code))!;
    expect(row).toContain(`${formatMoney(first.open[0]!.amount, first.open[0]!.currency)} ${first.open[0]!.currency}`);
  });

  it('search ignores case and accents in Greek', async () => {
    const { desk, services } = await openCustomers();
    desk.press('/', 'η', 'ρ', 'α', 'κ', 'λ', 'ε', 'ι', 'ο');
    const frame = await desk.waitFor('search: ηρακλειο');
    const matches = services.data.customers.filter((c) => c.name.startsWith('Ηράκλειο'));
    expect(matches.length).toBeGreaterThan(0);
    expect(frame).toContain(`Customers — ${matches.length} of`);
  });

  it('opens a customer: items, e-mails, hold with date input, reminders, interval, history', async () => {
    const { desk, services } = await openCustomers();
    const customer = services.data.customers[0]!;
    desk.press(KEYS.enter);
    let frame = await desk.waitFor('Open items');
    expect(frame).toContain(customer.name);
    expect(frame).toContain(`E-mail: ${customer.email}`);
    for (const item of services.data.items.get(customer.code)!) {
      // Days are signed like on Due now: an item not yet due shows how many days remain (negative).
      const days = daysBetween(item.dueDate, services.today());
      const row = frame.split('\n').find((l) => l.includes(item.number));
      expect(row).toMatch(new RegExp(`\\d{4}-\\d\\d-\\d\\d\\s+${days}\\s`));
    }
    // A hold date must be a date and not in the past; then it is set.
    desk.press('h', '3', '1', '.', '1', '2', KEYS.enter);
    await desk.waitFor('"31.12" is not a date (YYYY-MM-DD)');
    for (let i = 0; i < 5; i += 1) desk.press(KEYS.backspace);
    desk.press(...'2026-01-05', KEYS.enter);
    await desk.waitFor('is in the past');
    for (let i = 0; i < 10; i += 1) desk.press(KEYS.backspace);
    desk.press(...'2026-12-31', KEYS.enter);
    frame = await desk.waitFor('Hold: until 2026-12-31');
    expect(services.calls).toContain(`setHold ${customer.code} 2026-12-31`);
    // An empty hold clears it.
    desk.press('h');
    await desk.waitFor('Hold C00001 until');
    for (let i = 0; i < 10; i += 1) desk.press(KEYS.backspace);
    desk.press(KEYS.enter);
    await desk.waitFor('Hold: none');
    desk.press('r');
    await desk.waitFor('Reminders: OFF');
    desk.press('i', '3', '0', KEYS.enter);
    frame = await desk.waitFor('Statement every: 30 days');
    expect(services.calls).toEqual(expect.arrayContaining([`setHold ${customer.code} null`, `setReminders ${customer.code} false`, `setStatementInterval ${customer.code} 30`]));
    desk.press(KEYS.escape);
    await desk.waitFor('Customers —');
  });

  it('previews and sends a statement now from the customer', async () => {
    const { desk, services } = await openCustomers();
    const customer = services.data.customers[0]!;
    desk.press(KEYS.enter);
    await desk.waitFor('Open items');
    desk.press('p');
    let frame = await desk.waitFor(`Preview ${customer.code}-${customer.currency}-statement`);
    expect(frame).toContain('Total:');
    desk.press(KEYS.escape);
    await desk.waitFor('Open items');
    desk.press('s');
    await desk.waitFor('Send 1 message to 1 customer via outbox');
    desk.press('y');
    frame = await desk.waitFor('Finished');
    expect(frame).toContain('sent 1');
    desk.press(KEYS.enter);
    // The history timeline of the customer shows the statement with the amount outstanding.
    frame = await desk.waitFor('History (1)');
    const total = services.history[0]!.outstanding;
    expect(frame).toContain(`${formatMoney(total, customer.currency)} ${customer.currency}`);
    expect(frame).toContain('statement');
  });

  it('sends statements now to the selected customers', async () => {
    const { desk, services } = await openCustomers();
    desk.press('s');
    await desk.waitFor('nothing selected');
    desk.press(' ', 'j', ' ', 'w');
    await desk.waitFor('2 selected');
    await desk.waitFor(`wrote 4 files to ${services.dir}/preview`);
    expect(services.calls.filter((c) => c.startsWith('write'))).toEqual([expect.stringMatching(/^write C00001-\w+-statement$/), expect.stringMatching(/^write C00002-\w+-statement$/)]);
    desk.press('s');
    await desk.waitFor('Send 2 messages to 2 customers via outbox');
    desk.press(KEYS.enter);
    const frame = await desk.waitFor('Finished');
    expect(frame).toContain('sent 2 · failed 0');
    expect(services.history.map((h) => [h.customerCode, h.kind])).toEqual([['C00001', 'statement'], ['C00002', 'statement']]);
  });

  it('filters customers by days overdue and language', async () => {
    const { desk, services } = await openCustomers();
    desk.press('f', KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.enter, '6', '0', KEYS.enter);
    desk.press(KEYS.down, KEYS.down, KEYS.enter, 'b', 'g', KEYS.enter, 'a');
    const frame = await desk.waitFor('filter: Days overdue ≥ 60, Language bg');
    const list = await services.listCustomers('2026-11-22');
    const expected = list.rows.filter((r) => r.language === 'bg' && (r.oldestDaysOverdue ?? -1) >= 60);
    expect(expected.length).toBeGreaterThan(0);
    expect(frame).toContain(`Customers — ${expected.length} of ${list.rows.length}`);
  });
});
