import { describe, expect, it } from 'vitest';
import { formatRfReference, isRfReference, makeRfReference, messageRfReference } from '../../src/core/rf-reference.js';
import type { PlannedLine } from '../../src/core/plan.js';

describe('ISO 11649 creditor reference', () => {
  it.each([
    ['539007547034', 'RF18539007547034'],
    ['2348231', 'RF712348231'],
  ])('%s → %s', (body, reference) => {
    expect(makeRfReference(body)).toBe(reference);
    expect(isRfReference(reference)).toBe(true);
  });

  it('refuses bodies a bank would not accept', () => {
    expect(() => makeRfReference('')).toThrow(/creditor reference/);
    expect(() => makeRfReference('ÄB-12')).toThrow(/ÄB-12/);
    expect(() => makeRfReference('1234567890123456789012')).toThrow(/21/);
  });

  it('detects wrong check digits and accepts spaces', () => {
    expect(isRfReference('RF19539007547034')).toBe(false);
    expect(isRfReference('RF18 5390 0754 7034')).toBe(true);
    expect(formatRfReference('RF18539007547034')).toBe('RF18 5390 0754 7034');
  });

  const line = (reference: string | null): PlannedLine => ({
    item: {
      customerCode: 'c-01', number: '1', kind: 'invoice', issueDate: '2026-01-01', dueDate: '2026-01-31',
      amount: 100, openAmount: 100, currency: 'EUR', reference, case: null, holdUntil: null,
    },
    daysOverdue: 1, reached: 'first', pending: true, interest: 0,
  });
  const customer = { code: 'c-01/Ab' } as never;

  it('builds a stable reference from customer code and currency', () => {
    const reference = messageRfReference({ customer, currency: 'EUR', lines: [line(null)] });
    expect(reference).toMatch(/^RF\d\dC01ABEUR$/);
    expect(isRfReference(reference)).toBe(true);
  });

  it("keeps the invoices' own RF reference when all lines share it", () => {
    expect(messageRfReference({ customer, currency: 'EUR', lines: [line('RF18 5390 0754 7034'), line('RF18539007547034')] }))
      .toBe('RF18539007547034');
    expect(messageRfReference({ customer, currency: 'EUR', lines: [line('RF18539007547034'), line('RF712348231')] }))
      .toMatch(/C01ABEUR$/);
  });
});
