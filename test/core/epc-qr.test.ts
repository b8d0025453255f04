import { describe, expect, it } from 'vitest';
import { epcPayload, epcProblem } from '../../src/core/epc-qr.js';

const base = { name: 'Acme Trading S.A.', iban: 'GR16 0110 1250 0000 0001 2300 695', bic: 'ETHNGRAA', amount: 128450 };

describe('EPC069-12 payload', () => {
  it('lists the fields in the order of the standard', () => {
    const lines = epcPayload({ ...base, reference: 'RF18 5390 0754 7034' }).split('\n');
    expect(lines).toEqual([
      'BCD', // 1 service tag
      '002', // 2 version
      '1', // 3 character set: UTF-8
      'SCT', // 4 identification: SEPA credit transfer
      'ETHNGRAA', // 5 BIC
      'Acme Trading S.A.', // 6 beneficiary name
      'GR1601101250000000012300695', // 7 IBAN without spaces
      'EUR1284.50', // 8 amount
      '', // 9 purpose
      'RF18539007547034', // 10 structured reference
    ]);
  });

  it('puts free text in field 11 only without a structured reference, and has no trailing line feed', () => {
    const payload = epcPayload({ ...base, bic: null, text: 'Statement\nC-001' });
    expect(payload.split('\n')).toEqual(['BCD', '002', '1', 'SCT', '', 'Acme Trading S.A.', 'GR1601101250000000012300695', 'EUR1284.50', '', '', 'Statement C-001']);
    expect(payload.endsWith('\n')).toBe(false);
  });

  it('cuts the name to 70 characters and keeps UTF-8 letters', () => {
    const payload = epcPayload({ ...base, name: 'Εταιρεία '.repeat(10) });
    expect(Array.from(payload.split('\n')[5] ?? '').length).toBe(70);
  });

  it.each([
    [{ iban: 'GR16 0110 1250 0000 0001 2300 696' }, /IBAN/],
    [{ amount: 0 }, /amount/],
    [{ amount: 100_000_000_000 }, /amount/],
    [{ bic: 'NOPE' }, /BIC/],
    [{ reference: 'RF00123' }, /reference/],
  ])('refuses %o', (change, why) => {
    expect(epcProblem({ ...base, ...change })).toMatch(why);
    expect(() => epcPayload({ ...base, ...change })).toThrow(why);
  });
});
