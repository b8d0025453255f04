/** Keys that arrive together in one chunk (fast typing, a paste, SSH) are each handled, in order. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { renderDesk, rowOf } from './harness.js';
import { closeRealDesks, realDesk } from './real-desk.js';

afterEach(() => {
  cleanup();
  closeRealDesks();
});

describe('keys in one chunk', () => {
  it('moves three rows and selects with "jjj " sent at once', async () => {
    const services = await realDesk();
    const desk = renderDesk(services);
    await desk.waitFor('planned');
    desk.press('jjj ');
    const fourth = services.data.plan.messages[3]!.customer.code;
    await desk.waitFor((f) => f.includes('1 selected') && (rowOf(f, fourth)?.startsWith('›●') ?? false));
  });

  it('opens the search and types the query from one chunk, and Enter in the same chunk keeps it', async () => {
    const services = await realDesk();
    const desk = renderDesk(services);
    await desk.waitFor('planned');
    desk.press('/софия\r ');
    const frame = await desk.waitFor((f) => f.includes('search: софия') && f.includes('1 selected'));
    expect(frame).not.toContain('Search:');
  });

  it('"j\\r" opens the preview of the second row', async () => {
    const services = await realDesk();
    const desk = renderDesk(services);
    await desk.waitFor('planned');
    desk.press('j\r');
    await desk.waitFor(`Preview ${services.data.plan.messages[1]!.key}`);
  });

  it('a prompt takes text, Ctrl-U and Enter from one chunk', async () => {
    const services = await realDesk();
    const desk = renderDesk(services);
    await desk.waitFor('planned');
    desk.press('2');
    await desk.waitFor('Customers —');
    desk.press('\r');
    await desk.waitFor('Open items');
    desk.press('h');
    await desk.waitFor('Hold');
    const code = services.data.customers[0]!.code;
    desk.press('garbage\u0015' + '2027-01-31\r');
    await desk.waitFor(`${code}: on hold until 2027-01-31`);
    expect(services.calls).toContain(`setHold ${code} 2027-01-31`);
  });
});
