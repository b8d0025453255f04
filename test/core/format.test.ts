import { describe, expect, it } from 'vitest';
import { formatAmount, keepAmountsWhole, formatDate, formatInteger, formatLongDate, formatMoney, localeFor } from '../../src/core/format.js';

describe('formatMoney', () => {
  it.each([
    ['el', 'EUR', 128450, '1.284,50 €'],
    ['it', 'EUR', 128450, '1.284,50 €'],
    ['it', 'EUR', 676236, '6.762,36 €'],
    ['it', 'EUR', 12845000, '128.450,00 €'],
    ['en', 'EUR', 128450, '€1,284.50'],
    ['en', 'GBP', -500, '-£5.00'],
    ['bg', 'EUR', 12345678, '123 456,78 €'],
    ['pt', 'EUR', 128450, '1 284,50 €'],
    ['bg', 'EUR', 128450, '1 284,50 €'],
    ['pt', 'BRL', 128450, 'R$ 1.284,50'],
  ])('%s %s %i → %s', (language, currency, minor, expected) => {
    expect(formatMoney(minor, currency, language)).toBe(expected);
  });

  it('uses the currency digits and keeps the symbol ICU gives (which varies by ICU version)', () => {
    expect(formatMoney(1284, 'JPY', 'el')).toMatch(/^1\.284 \S*¥$/);
    expect(formatMoney(128450, 'BGN', 'bg')).toMatch(/^1 284,50 \S+$/);
    expect(formatMoney(1284567, 'BHD', 'en')).toMatch(/1,284\.567$/);
  });

  it('is exact for amounts a float would round', () => {
    expect(formatMoney(900719925474099, 'EUR', 'en')).toBe('€9,007,199,254,740.99');
  });

  it('formats without the symbol for table columns', () => {
    expect(formatAmount(128450, 'EUR', 'el')).toBe('1.284,50');
    expect(formatAmount(-2000, 'EUR', 'de')).toBe('-20.00');
  });
});

describe('dates and numbers', () => {
  it.each([
    ['en', '05/03/2026', '5 March 2026'],
    ['it', '05/03/2026', '5 marzo 2026'],
    ['el', '05/03/2026', '5 Μαρτίου 2026'],
    ['bg', '05.03.2026 г.', '5 март 2026 г.'],
    ['pt', '05/03/2026', '5 de março de 2026'],
  ])('%s', (language, short, long) => {
    expect(formatDate('2026-03-05', language)).toBe(short);
    expect(formatLongDate('2026-03-05', language)).toBe(long);
  });

  it('formats whole numbers with the language grouping', () => {
    expect(formatInteger(12345, 'el')).toBe('12.345');
    expect(formatInteger(12345, 'en')).toBe('12,345');
    // Four digits are grouped too, as the amounts beside them are.
    expect(formatInteger(1234, 'it')).toBe('1.234');
  });

  it('falls back to English for an unknown language', () => {
    expect(localeFor('xx')).toBe('en-GB');
    expect(localeFor('pt', 'BRL')).toBe('pt-BR');
  });
});

describe('keepAmountsWhole', () => {
  it.each([
    ['5 200,00 €', '5\u00a0200,00\u00a0€'],
    ['Total 1.234.567,89 EUR due', 'Total 1.234.567,89\u00a0EUR due'],
    ['R$ 1.284,50', 'R$\u00a01.284,50'],
    ['€1,284.50', '€1,284.50'],
  ])('%s has no break inside the amount', (text, expected) => {
    expect(keepAmountsWhole(text)).toBe(expected);
  });

  it('leaves the spaces of words, dates and references alone', () => {
    for (const text of ['RF18 5390 0754 7034', '5 март 2026 г.', 'Invoice 12 of 2026', 'EUR accounts']) {
      expect(keepAmountsWhole(text)).toBe(text);
    }
  });
});
