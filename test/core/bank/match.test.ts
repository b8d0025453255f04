/** Matching a bank credit, rule by rule, on a fixed book (docs/reference/bank.md §2). */
import { describe, expect, it } from 'vitest';
import type { BankCredit } from '../../../src/core/bank/credit.js';
import { Matcher, type BookItem, type MatchBook } from '../../../src/core/bank/match.js';
import { namesFit } from '../../../src/core/bank/name-fit.js';
import { firstRf } from '../../../src/core/bank/rf-in-text.js';
import { accountRfReference } from '../../../src/core/rf-reference.js';

function book(ibans: [string, string][] = []): MatchBook {
  const items: BookItem[] = [
    { customerCode: 'C-1', number: 'INV-1', reference: null, currency: 'EUR', open: 10000 },
    { customerCode: 'C-1', number: 'INV-2', reference: null, currency: 'EUR', open: 5000 },
    { customerCode: 'C-1', number: 'INV-3', reference: null, currency: 'EUR', open: 0 },
    { customerCode: 'C-2', number: 'A7', reference: 'RF062001', currency: 'EUR', open: 7000 },
    { customerCode: 'C-3', number: 'INV-1', reference: null, currency: 'EUR', open: 900 },
  ];
  return {
    customers: new Map([
      ['C-1', { code: 'C-1', name: 'Müller & Söhne GmbH', currency: 'EUR' }],
      ['C-2', { code: 'C-2', name: 'Beta Foods S.r.l.', currency: 'EUR' }],
      ['C-3', { code: 'C-3', name: 'Gamma Ltd', currency: 'GBP' }],
    ]),
    items,
    ibans: new Map(ibans),
  };
}

const credit = (fields: Partial<BankCredit>): BankCredit => ({
  ref: 'R1', date: '2026-12-01', amount: 10000, currency: 'EUR', debtor: '', iban: null, creditorRef: null, text: '', endToEndId: null, ...fields,
});

describe('matching', () => {
  it.each<[string, Partial<BankCredit>, unknown]>([
    ['our RF for the customer and currency → on account', { creditorRef: accountRfReference('C-1', 'EUR') }, { customerCode: 'C-1', parts: [{ itemNumber: null, amount: 10000 }], by: 'reference' }],
    ['our RF for another currency, credit in USD → on account in USD', { creditorRef: accountRfReference('C-3', 'GBP'), currency: 'USD' }, { customerCode: 'C-3', currency: 'USD', parts: [{ itemNumber: null, amount: 10000 }] }],
    ['an item\'s own RF → that item, the rest on account', { creditorRef: 'RF06 2001' }, { customerCode: 'C-2', parts: [{ itemNumber: 'A7', amount: 7000 }, { itemNumber: null, amount: 3000 }] }],
    ['an RF written in the text counts as structured', { text: 'pay RF06 2001 thanks' }, { customerCode: 'C-2', by: 'reference' }],
    ['numbers in the text with the name fitting: split in the order named', { debtor: 'MUELLER UND SOEHNE', text: 'INV-2, INV-1', amount: 12000 }, { customerCode: 'C-1', parts: [{ itemNumber: 'INV-2', amount: 5000 }, { itemNumber: 'INV-1', amount: 7000 }], by: 'text' }],
    ['more than all named are open: the rest on account; a paid one takes nothing', { debtor: 'Mueller', text: 'INV-3 INV-2', amount: 6000 }, { parts: [{ itemNumber: 'INV-2', amount: 5000 }, { itemNumber: null, amount: 1000 }] }],
    ['a number without a fitting name or IBAN matches nothing', { debtor: 'Somebody Else', text: 'INV-2' }, { kind: 'unmatched' }],
    ['a number two fitting customers have matches nothing', { debtor: 'Gamma Mueller', text: 'INV-1' }, { kind: 'unmatched' }],
    ['a remembered IBAN → on account', { iban: 'DE89370400440532013000', text: 'December' }, { customerCode: 'C-3', parts: [{ itemNumber: null, amount: 10000 }], by: 'iban' }],
    ['a remembered IBAN also makes a number in the text fit', { iban: 'DE89370400440532013000', text: 'INV-1', amount: 900 }, { customerCode: 'C-3', parts: [{ itemNumber: 'INV-1', amount: 900 }], by: 'text' }],
    ['an item in another currency than the credit is paid on account', { debtor: 'Beta Foods', text: 'A7', currency: 'CHF' }, { customerCode: 'C-2', currency: 'CHF', parts: [{ itemNumber: null, amount: 10000 }] }],
    ['an RF with wrong check digits is no reference', { creditorRef: 'RF07 2001' }, { kind: 'unmatched' }],
  ])('%s', (_name, fields, expected) => {
    const matcher = new Matcher(book([['DE89370400440532013000', 'C-3']]));
    expect(matcher.match(credit(fields))).toMatchObject(expected as object);
  });

  it('credits of one file see the open amounts the earlier ones left', () => {
    const matcher = new Matcher(book());
    expect(matcher.match(credit({ debtor: 'Müller', text: 'INV-2', amount: 3000 }))).toMatchObject({ parts: [{ itemNumber: 'INV-2', amount: 3000 }] });
    expect(matcher.match(credit({ debtor: 'Müller', text: 'INV-2', amount: 3000 }))).toMatchObject({ parts: [{ itemNumber: 'INV-2', amount: 2000 }, { itemNumber: null, amount: 1000 }] });
  });
});

describe('names and references in text', () => {
  it.each([
    ['ACME TRADING GMBH', 'Acme Trading GmbH', true],
    ['MUELLER + SOEHNE', 'Müller & Söhne GmbH', true],
    ['BETA FOODS SRL', 'Beta Foods S.r.l.', true],
    ['Trading Partners Ltd', 'Acme Trading GmbH', false],
    ['', 'Acme', false],
  ])('%s fits %s: %s', (debtor, customer, fits) => {
    expect(namesFit(debtor, customer)).toBe(fits);
  });

  it('finds a valid RF, compact or in groups of four, and nothing else', () => {
    expect(firstRf('Ref RF18 5390 0754 7034 thanks')).toBe('RF18539007547034');
    expect(firstRf('RF18539007547034')).toBe('RF18539007547034');
    expect(firstRf('RF19539007547034 RF99')).toBeNull();
  });
});
