/**
 * The Bank screen on the real desk: the credits a statement left unmatched, and a clerk assigning
 * one — the customer found by search, then the invoice it pays — after which it leaves the list.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { recordCredits } from '../../src/storage/bank.js';
import { KEYS, renderDesk, rowOf } from './harness.js';
import { closeRealDesks, realDesk } from './real-desk.js';

afterEach(closeRealDesks);

const credit = (ref: string, amount: number, debtor: string, text: string, iban: string | null) => ({
  ref, date: '2026-11-20', amount, currency: 'EUR', debtor, iban, creditorRef: null, text, endToEndId: null,
  state: 'unmatched' as const, customerCode: null, parts: 0,
});

describe('Bank', () => {
  it('lists the unmatched credits; Enter assigns one: customer by search, then its invoice; the IBAN is remembered', async () => {
    const services = await realDesk({
      shape: (data) => {
        data.customers[0]!.name = 'Zebulon Trading';
        data.customers[0]!.currency = 'EUR';
        for (const item of data.items.get('C00001') ?? []) item.currency = 'EUR';
      },
      seed: (sql) => recordCredits(sql, [
        credit('BNK-1', 12000, 'ZEBULON TRADING LTD', 'our order 77', 'DE89370400440532013000'),
        credit('BNK-2', 4000, 'Jo Smith', 'thanks', null),
      ]).then(() => undefined),
    });
    const desk = renderDesk(services, { columns: 120, rows: 30 });
    await desk.waitFor('planned');
    desk.press('5');
    let frame = await desk.waitFor('Bank — 2 unmatched credits');
    expect(rowOf(frame, 'BNK-1')).toMatch(/2026-11-20 +120\.00 EUR +ZEBULON TRADING LTD +our order 77/);
    expect(frame).toContain('Enter assign');

    desk.press(KEYS.enter);
    await desk.waitFor('Assign 120.00 EUR from ZEBULON TRADING LTD to customer');
    desk.press('C0000', KEYS.enter);
    await desk.waitFor((f) => /customers match: C00001 Zebulon Trading/.test(f));
    for (let n = 0; n < 5; n += 1) desk.press(KEYS.backspace);
    desk.press('zebulon', KEYS.enter);
    await desk.waitFor('C00001 Zebulon Trading: invoices paid');
    desk.press('INV-1-1', KEYS.enter);
    frame = await desk.waitFor('Bank — 1 unmatched credit');
    expect(frame).toMatch(/credit BNK-1 assigned to C00001: 120\.00 EUR to INV-1-1; DE89370400440532013000 remembered/);
    expect(frame).not.toContain('our order 77');
    expect(rowOf(frame, 'BNK-2')).toMatch(/40\.00 EUR +Jo Smith +thanks/);
    expect(services.calls).toContain('assign BNK-1 C00001 INV-1-1');
    expect((await services.unmatchedCredits()).map((c) => c.ref)).toEqual(['BNK-2']);
    desk.unmount();
  });
});
