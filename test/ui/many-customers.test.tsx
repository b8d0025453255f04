/** Customer keys on the Customers list: h holds every selected customer; keys for one customer say so. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, renderDesk } from './harness.js';
import { closeRealDesks, realDesk } from './real-desk.js';

afterEach(() => {
  cleanup();
  closeRealDesks();
});

async function customersWithTwoSelected() {
  const services = await realDesk();
  const desk = renderDesk(services, { columns: 120, rows: 30 });
  await desk.waitFor('planned');
  desk.press('2');
  await desk.waitFor('Customers —');
  desk.press(' ', 'j', ' ');
  await desk.waitFor('2 selected');
  return { services, desk };
}

describe('acting on the selected customers', () => {
  it('h asks once, stating the count, and holds every selected customer', async () => {
    const { services, desk } = await customersWithTwoSelected();
    desk.press('h');
    await desk.waitFor('Hold 2 customers until');
    desk.press('2027-01-31', KEYS.enter);
    await desk.waitFor('2 customers: on hold until 2027-01-31');
    const [first, second] = services.data.customers;
    expect(services.calls).toEqual(expect.arrayContaining([`setHold ${first!.code} 2027-01-31`, `setHold ${second!.code} 2027-01-31`]));
  });

  it('a key that works on one customer says so instead of doing nothing', async () => {
    const { services, desk } = await customersWithTwoSelected();
    desk.press('N');
    await desk.waitFor('N (note) works on one customer, not on the 2 selected: open one with Enter');
    expect(services.calls.filter((call) => call.startsWith('note'))).toEqual([]);
  });

  it('review mode refuses h on the list', async () => {
    const services = await realDesk();
    const desk = renderDesk(services, { columns: 120, rows: 30, review: true });
    await desk.waitFor('planned');
    desk.press('2');
    await desk.waitFor('Customers —');
    desk.press(' ', 'h');
    await desk.waitFor('review mode: h (hold) is refused');
    expect(services.calls.filter((call) => call.startsWith('setHold'))).toEqual([]);
  });
});

describe('the customer card', () => {
  it('shows a note in full and a promise with its amount formatted', async () => {
    const services = await realDesk();
    const desk = renderDesk(services, { columns: 80, rows: 40 });
    await desk.waitFor('planned');
    desk.press('2');
    await desk.waitFor('Customers —');
    desk.press(KEYS.enter);
    await desk.waitFor('Open items');
    const note = 'called the accounts office twice, they will pay the remaining invoices after the audit closes at the end of the month';
    desk.press('N');
    await desk.waitFor('note');
    desk.press(note, KEYS.enter);
    const frame = await desk.waitFor((f) => f.includes('end of the month'));
    expect(frame.replace(/\s+/g, ' ')).toContain(note);
    desk.press('P');
    await desk.waitFor('romise');
    desk.press('2026-12-31 1234.5 will pay', KEYS.enter);
    await desk.waitFor((f) => /promise 1,234\.50 [A-Z]{3} by 2026-12-31/.test(f));
  });
});
