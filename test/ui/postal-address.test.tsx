/**
 * What a clerk checks before a letter goes (docs/reference/tui.md §1, messages.md §5): `p` on a
 * letter row shows the envelope window with the customer's postal address as the post reads it,
 * and the customer card's "Post:" line shows the address (or says letters are held back without
 * one). On the real desk, frames waited for by predicate.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../src/core/settings.js';
import { KEYS, renderDesk } from './harness.js';
import { closeRealDesks, realDesk } from './real-desk.js';

afterEach(() => {
  cleanup();
  closeRealDesks();
});

/** Final notices are also printed letters, posted in a right-window envelope. */
const letters = (base: Settings): Settings => ({
  ...base,
  company: { ...base.company, country: 'IT', address: 'Via Torino 5\n10121 Torino' },
  letters: { window: 'right' },
  policy: { ...base.policy, levels: base.policy!.levels!.map((level) => (level.id === 'final' ? { ...level, letter: true } : level)) },
} as Settings);

/** A desk where the first planned message (an Italian final notice) goes to a customer with a postal address (and no e-mail: `post` only). */
async function letterDesk(only: 'post' | 'both' = 'both') {
  return realDesk({
    settings: letters,
    shape: (data) => {
      const customer = data.customers.find((c) => c.code === 'C00002')!;
      Object.assign(customer, { contactPerson: 'Anna Bianchi', addressLine1: 'Via Roma 1', postalCode: '20121', city: 'Milano', country: 'IT' });
      if (only === 'post') Object.assign(customer, { email: null, email2: null, email3: null });
    },
  });
}

describe('the postal address before a letter goes', () => {
  it('p on a letter row shows the envelope window with the address as the post reads it', async () => {
    const services = await letterDesk();
    const first = services.data.plan.messages[0]!;
    expect([first.customer.code, first.level, first.letter]).toEqual(['C00002', 'final', true]);
    const desk = renderDesk(services, { columns: 160, rows: 40 });
    await desk.waitFor('planned');
    desk.press('p');
    const frame = await desk.waitFor('Printed letter, window right');
    const window = frame.split('\n').filter((line) => line.includes('│ '));
    expect(window.map((line) => line.slice(line.indexOf('│ ') + 2).trim())).toEqual(['Rossi Forniture S.r.l.', 'Anna Bianchi', 'Via Roma 1', '20121 Milano']);
    expect(frame).toContain('Acme Trading · Via Torino 5 · 10121 Torino');
    desk.press(KEYS.escape);
    await desk.waitFor('planned');
  });

  it('p on a letter to a customer without e-mail shows the letter and its window, not a failed e-mail', async () => {
    const services = await letterDesk('post');
    const first = services.data.plan.messages.find((m) => m.customer.code === 'C00002')!;
    expect([first.level, first.letter, first.to]).toEqual(['final', true, []]);
    const desk = renderDesk(services, { columns: 160, rows: 40 });
    await desk.waitFor('planned');
    desk.press('/', ...'C00002'.split(''), KEYS.enter);
    await desk.waitFor('search: C00002');
    desk.press('p');
    const frame = await desk.waitFor('Printed letter, window right');
    expect(frame).toContain('│ Via Roma 1');
    expect(frame).toContain('│ 20121 Milano');
    expect(frame).not.toContain('could not be rendered');
  });

  it('an e-mail whose template cannot be rendered still shows the letter window', async () => {
    const house = mkdtempSync(join(tmpdir(), 'duedesk-house-'));
    cpSync(join(import.meta.dirname, '..', '..', 'templates'), house, { recursive: true });
    writeFileSync(join(house, 'it', 'final.text.mustache'), '{{#unclosed}}');
    const services = await realDesk({
      settings: (base) => ({ ...letters(base), templatesDir: house }) as Settings,
      shape: (data) => Object.assign(data.customers.find((c) => c.code === 'C00002')!, { addressLine1: 'Via Roma 1', postalCode: '20121', city: 'Milano' }),
    });
    const desk = renderDesk(services, { columns: 160, rows: 40 });
    await desk.waitFor('planned');
    desk.press('p');
    const frame = await desk.waitFor('could not be rendered');
    expect(frame).toContain('Printed letter, window right');
    expect(frame).toContain('│ Via Roma 1');
  });

  it("the customer card's Post: line shows the address, and says letters are held back without one", async () => {
    const services = await letterDesk();
    const desk = renderDesk(services, { columns: 160, rows: 40 });
    await desk.waitFor('planned');
    desk.press('2');
    await desk.waitFor('Customers —');
    for (const [code, post] of [
      ['C00002', 'Post: Via Roma 1, 20121 Milano, IT'],
      ['C00001', 'Post: (no postal address: letters are held back)'],
    ] as const) {
      // The search prompt opens with the last search: cleared first.
      desk.press('/', ...Array.from({ length: 6 }, () => KEYS.backspace), ...code.split(''), KEYS.enter);
      await desk.waitFor(`search: ${code}`);
      desk.press(KEYS.enter);
      const card = await desk.waitFor((frame) => frame.includes(`${code} ·`) || frame.includes(`Customer ${code}`) || frame.includes('Post:'));
      expect(card).toContain(post);
      desk.press(KEYS.escape);
      await desk.waitFor('Customers —');
    }
  });
});
