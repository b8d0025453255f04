import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activityStatement, type ActivityDocument, type ActivityPayment } from '../../src/core/activity.js';
import { addDays } from '../../src/core/dates.js';

const doc = (number: string, issueDate: string, amount: number, kind: ActivityDocument['kind'] = 'invoice'): ActivityDocument => ({ number, kind, issueDate, amount });
const pay = (reference: string, date: string, amount: number, itemNumber: string | null = null, caseRef: string | null = null): ActivityPayment => ({
  reference,
  date,
  amount,
  itemNumber,
  case: caseRef,
});

describe('activity statement', () => {
  it('brings everything before the period forward, lists the period in date order with a running balance', () => {
    const statement = activityStatement(
      [doc('INV-1', '2026-01-10', 10000), doc('INV-2', '2026-02-05', 5000), doc('CN-1', '2026-02-12', -2000, 'credit_note'), doc('CH-1', '2026-02-20', 500, 'charge')],
      [pay('P-1', '2026-01-20', 4000, 'INV-1'), pay('P-2', '2026-02-15', 3000, 'INV-1'), pay('P-3', '2026-02-18', 1000)],
      '2026-02-01',
      '2026-02-28',
    );
    expect(statement.opening).toBe(6000);
    expect(statement.lines.map((l) => [l.date, l.kind, l.reference, l.appliesTo, l.debit, l.credit, l.balance])).toEqual([
      ['2026-02-05', 'invoice', 'INV-2', null, 5000, 0, 11000],
      ['2026-02-12', 'credit_note', 'CN-1', null, 0, 2000, 9000],
      ['2026-02-15', 'payment', 'P-2', 'INV-1', 0, 3000, 6000],
      ['2026-02-18', 'payment', 'P-3', null, 0, 1000, 5000],
      ['2026-02-20', 'charge', 'CH-1', null, 500, 0, 5500],
    ]);
    expect(statement).toMatchObject({ from: '2026-02-01', to: '2026-02-28', closing: 5500, debits: 5500, credits: 6000 });
  });

  it.each<[string, ActivityDocument[], ActivityPayment[], string[]]>([
    ['documents before payments on the same day', [doc('INV-9', '2026-03-01', 100)], [pay('A-1', '2026-03-01', 100, 'INV-9')], ['INV-9', 'A-1']],
    ['documents of a day by number', [doc('INV-2', '2026-03-01', 100), doc('INV-10', '2026-03-01', 100), doc('CN-1', '2026-03-01', -50, 'credit_note')], [], ['CN-1', 'INV-10', 'INV-2']],
    ['payments of a day by reference', [], [pay('P-b', '2026-03-01', 1), pay('P-a', '2026-03-01', 1)], ['P-a', 'P-b']],
  ])('orders ties stably: %s', (_, documents, payments, order) => {
    expect(activityStatement(documents, payments, '2026-03-01', '2026-03-31').lines.map((l) => l.reference)).toEqual(order);
  });

  it('counts both ends of the period and leaves out what comes after it', () => {
    const statement = activityStatement(
      [doc('ON-FROM', '2026-03-01', 100), doc('ON-TO', '2026-03-31', 200), doc('AFTER', '2026-04-01', 400)],
      [pay('BEFORE', '2026-02-28', 50), pay('LATE', '2026-04-01', 999)],
      '2026-03-01',
      '2026-03-31',
    );
    expect(statement.opening).toBe(-50);
    expect(statement.lines.map((l) => l.reference)).toEqual(['ON-FROM', 'ON-TO']);
    expect(statement.closing).toBe(250);
  });

  it('shows a refund (negative payment) as a debit and names the case a case-only payment counts for', () => {
    const statement = activityStatement([], [pay('R-1', '2026-03-02', -700), pay('K-1', '2026-03-03', 300, null, 'CASE-7')], '2026-03-01', '2026-03-31');
    expect(statement.lines.map((l) => [l.reference, l.appliesTo, l.debit, l.credit])).toEqual([
      ['R-1', null, 700, 0],
      ['K-1', 'CASE-7', 0, 300],
    ]);
    expect(statement.closing).toBe(400);
  });

  it('an empty period has the opening balance as closing balance', () => {
    const statement = activityStatement([doc('INV-1', '2026-01-01', 1234)], [], '2026-05-01', '2026-05-31');
    expect(statement).toMatchObject({ opening: 1234, lines: [], closing: 1234, debits: 0, credits: 0 });
  });
});

/**
 * Generated accounts built the way the ledger keeps them: each item's open amount is its amount
 * minus the payments naming it; other payments are on account or name only an installment case.
 */
const accountArb = fc
  .array(
    fc.record({
      kind: fc.constantFrom('invoice' as const, 'charge' as const, 'credit_note' as const),
      day: fc.integer({ min: 0, max: 120 }),
      amount: fc.integer({ min: 1, max: 500_000 }),
      payments: fc.array(fc.record({ day: fc.integer({ min: 0, max: 120 }), amount: fc.integer({ min: 1, max: 200_000 }) }), { maxLength: 3 }),
    }),
    { maxLength: 12 },
  )
  .chain((items) =>
    fc.record({
      items: fc.constant(items),
      loose: fc.array(fc.record({ day: fc.integer({ min: 0, max: 120 }), amount: fc.integer({ min: -50_000, max: 300_000 }), caseRef: fc.option(fc.constantFrom('CASE-1', 'CASE-2')) }), { maxLength: 4 }),
      from: fc.integer({ min: 0, max: 120 }),
      length: fc.integer({ min: 0, max: 60 }),
    }),
  );

describe('activity statement property', () => {
  it('closing balance at `to` equals the open-items view: open amounts minus unallocated and case-only payments', () => {
    const start = '2026-01-01';
    fc.assert(
      fc.property(accountArb, ({ items, loose, from, length }) => {
        const fromDate = addDays(start, from);
        const to = addDays(fromDate, length);
        const documents: ActivityDocument[] = [];
        const payments: ActivityPayment[] = [];
        let openItems = 0;
        let unallocated = 0;
        items.forEach((item, i) => {
          const number = `N-${i}`;
          const amount = item.kind === 'credit_note' ? -item.amount : item.amount;
          // Only what exists by `to` is part of the open-items view at `to`.
          const issueDate = addDays(start, Math.min(item.day, from + length));
          documents.push({ number, kind: item.kind, issueDate, amount });
          let open = amount;
          item.payments.forEach((p, j) => {
            if (item.kind === 'credit_note') return;
            const date = addDays(start, Math.min(Math.max(p.day, item.day), from + length));
            payments.push({ reference: `P-${i}-${j}`, date, amount: p.amount, itemNumber: number, case: null });
            open -= p.amount;
          });
          openItems += open;
        });
        loose.forEach((p, k) => {
          payments.push({ reference: `L-${k}`, date: addDays(start, Math.min(p.day, from + length)), amount: p.amount, itemNumber: null, case: p.caseRef });
          unallocated += p.amount;
        });
        const statement = activityStatement(documents, payments, fromDate, to);
        expect(statement.closing).toBe(openItems - unallocated);
        expect(statement.opening + statement.debits - statement.credits).toBe(statement.closing);
        const last = statement.lines.at(-1);
        expect(last?.balance ?? statement.opening).toBe(statement.closing);
      }),
      { numRuns: 300 },
    );
  });
});
