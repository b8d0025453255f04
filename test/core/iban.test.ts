import { describe, expect, it } from 'vitest';
import { formatIban, ibanProblem, isValidBic, isValidIban } from '../../src/core/iban.js';

describe('IBAN', () => {
  it.each([
    'GB82 WEST 1234 5698 7654 32',
    'DE89370400440532013000',
    'GR16 0110 1250 0000 0001 2300 695',
    'IT60X0542811101000000123456',
    'BG80BNBG96611020345678',
    'pt50000201231234567890154',
  ])('accepts %s', (iban) => {
    expect(isValidIban(iban)).toBe(true);
  });

  it.each([
    ['GB82 WEST 1234 5698 7654 33', /check digits/],
    ['DE8937040044053201300', /21 characters; DE IBANs have 22/],
    ['XX82WEST12345698765432', /unknown country code XX/],
    ['not an iban', /not an IBAN/],
    ['', /not an IBAN/],
  ])('refuses %s', (iban, why) => {
    expect(ibanProblem(iban)).toMatch(why);
  });

  it('prints in groups of four', () => {
    expect(formatIban('gr1601101250000000012300695')).toBe('GR16 0110 1250 0000 0001 2300 695');
  });

  it('checks the BIC shape', () => {
    expect(isValidBic('ETHNGRAA')).toBe(true);
    expect(isValidBic('BNBGBGSDXXX')).toBe(true);
    expect(isValidBic('ETHN1RAA')).toBe(false);
    expect(isValidBic('ETHNGRAAX')).toBe(false);
  });
});
