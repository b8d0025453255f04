import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, renderDesk, rowOf } from './harness.js';
import { closeRealDesks, realDesk } from './real-desk.js';

afterEach(() => {
  cleanup();
  closeRealDesks();
});

describe('Due now', () => {
  it('opens on the planned messages with customer, level, currency, items, total, days and recipients', async () => {
    const services = await realDesk();
    const desk = renderDesk(services);
    const frame = await desk.waitFor('planned');
    const first = services.data.plan.messages[0]!;
    expect(frame).toContain('[1 Due now]');
    expect(frame).toMatch(new RegExp(`Due now — ${services.data.plan.messages.length} of ${services.data.plan.messages.length} planned`));
    const row = rowOf(frame, first.customer.code)!;
    expect(row).toContain(first.level!);
    expect(row).toContain(first.currency);
    expect(row).toContain(first.to[0]!.slice(0, 8));
  });

  it('moves with j/k and arrows, pages, and selects with space, a and n (keys back to back)', async () => {
    const services = await realDesk();
    const desk = renderDesk(services);
    await desk.waitFor('planned');
    const messages = services.data.plan.messages;
    desk.press('j', 'j', KEYS.down, 'k', ' ');
    const second = messages[2]!.customer.code;
    await desk.waitFor((f) => f.includes('1 selected') && (rowOf(f, second)?.startsWith('›●') ?? false));
    desk.press('a');
    await desk.waitFor(`${messages.length} selected`);
    desk.press('n');
    await desk.waitFor('0 selected');
    // 24 rows: tab bar, header, table heading and footer leave 19 rows; a page moves 18.
    desk.press(KEYS.pageDown);
    const target = messages[2 + 18]!.customer.code;
    const frame = await desk.waitFor((f) => rowOf(f, target)?.startsWith('›') ?? false);
    expect(rowOf(frame, messages[0]!.customer.code)).toBeUndefined();
    desk.press(KEYS.pageUp, KEYS.up, KEYS.up, KEYS.up);
    await desk.waitFor((f) => rowOf(f, messages[0]!.customer.code)?.startsWith('›') ?? false);
  });

  it('toggles to the skipped customers with their reasons', async () => {
    const services = await realDesk();
    const desk = renderDesk(services);
    await desk.waitFor('planned');
    desk.press('x');
    const frame = await desk.waitFor('Skipped —');
    for (const reason of ['opted-out', 'on-hold', 'no-email']) expect(frame).toContain(reason);
    desk.press('x');
    await desk.waitFor('planned');
  });

  it('searches case- and accent-insensitively in Greek and Cyrillic', async () => {
    const services = await realDesk();
    const desk = renderDesk(services);
    await desk.waitFor('planned');
    desk.press('/', 'Α', 'Θ', 'Η', 'Ν', 'Α');
    let frame = await desk.waitFor('search: ΑΘΗΝΑ');
    const athens = services.data.plan.messages.filter((m) => m.customer.name.startsWith('Αθήνα'));
    expect(athens.length).toBeGreaterThan(0);
    expect(frame).toContain(`${athens.length} of`);
    for (const m of athens) expect(frame).toContain(m.customer.code);
    desk.press(KEYS.escape);
    await desk.waitFor((f) => !f.includes('search:'));
    desk.press('/', 'с', 'о', 'ф', 'и', 'я', KEYS.enter);
    frame = await desk.waitFor('search: софия');
    const sofia = services.data.plan.messages.filter((m) => m.customer.name.startsWith('София'));
    expect(frame).toContain(`${sofia.length} of`);
    // After Enter the search stays and keys go to the list again.
    desk.press(' ');
    await desk.waitFor('1 selected');
  });

  it('filters by level, minimum total and date ranges, and names a field it cannot read', async () => {
    const services = await realDesk();
    const desk = renderDesk(services);
    await desk.waitFor('planned');
    desk.press('f');
    await desk.waitFor('Filters —');
    desk.press(KEYS.enter, 'f', 'i', 'r', 's', 't', KEYS.enter, 'a');
    let frame = await desk.waitFor('filter: Level / kind first');
    const firsts = services.data.plan.messages.filter((m) => m.level === 'first');
    expect(frame).toContain(`${firsts.length} of`);
    desk.press('f', KEYS.down, KEYS.enter, '2', '0', '2', '6', '-', '1', '3', '-', '0', '1', KEYS.enter, 'a');
    frame = await desk.waitFor('not a date');
    expect(frame).toContain('Due from: "2026-13-01" is not a date');
    desk.press('c', KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.enter, '1', '0', '0', '0', KEYS.enter, 'a');
    frame = await desk.waitFor('filter: Minimum total 1000');
    const big = services.data.plan.messages.filter((m) => m.total >= 100_000);
    expect(frame).toContain(`${big.length} of`);
  });

  it('previews the e-mail text and the statement, and w writes .eml and .pdf and says where', async () => {
    const services = await realDesk();
    const desk = renderDesk(services, { columns: 160 });
    await desk.waitFor('planned');
    const first = services.data.plan.messages[0]!;
    // The first planned message is an Italian final notice: its subject is the Italian template's.
    expect([first.customer.language, first.template]).toEqual(['it', 'final']);
    desk.press('p');
    let frame = await desk.waitFor('── E-mail text ──');
    expect(frame).toContain(`Preview ${first.key}`);
    expect(frame).toContain(`Subject: ULTIMO AVVISO prima di ulteriori azioni – Acme Trading, cliente ${first.customer.code}`);
    expect(frame).toContain('Total:');
    desk.press('w');
    frame = await desk.waitFor('Written:');
    const folder = join(services.dir, 'preview');
    expect(frame).toContain(`${folder}/${first.key}.eml`);
    expect(frame).toContain(`${folder}/${first.key}.pdf`);
    expect(readdirSync(folder).sort()).toEqual([`${first.key}.eml`, `${first.key}.pdf`]);
    desk.press(KEYS.escape);
    await desk.waitFor('planned');
  });
});
