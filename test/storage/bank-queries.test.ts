/** The bank tables' queries mean the same on each engine (docs/reference/bank.md §3). */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/storage/ledger.js';
import { upsertCustomers } from '../../src/storage/customers.js';
import { upsertItems } from '../../src/storage/items.js';
import {
  bookItems, customersMatching, recordCredits, recordedCredits, rememberedIbans, rememberIbans, reversibleCredits, setCreditState, unmatchedCredits,
} from '../../src/storage/bank.js';
import { aCustomer, anItem } from '../helpers/store.js';
import { ENGINES } from '../helpers/pg.js';

const credit = (ref: string, fields: Partial<Parameters<typeof recordCredits>[1][number]> = {}) => ({
  ref, date: '2026-12-03', amount: 1000, currency: 'EUR', debtor: 'Somebody', iban: null, creditorRef: null, text: 'x', endToEndId: null,
  state: 'unmatched' as const, customerCode: null, parts: 0, ...fields,
});

describe.each(ENGINES)('bank storage on $name', (engine) => {
  let store: Ledger;
  beforeEach(async () => {
    store = await engine.fresh();
    await store.write(async (sql) => {
      await upsertCustomers(sql, [aCustomer({ code: 'AC-1', name: 'Acme 100% Ltd' }), aCustomer({ code: 'B_2', name: 'Beta' }), aCustomer({ code: 'AC', name: 'Other' })]);
      await upsertItems(sql, [anItem({ customerCode: 'AC-1', number: 'inv-7', reference: 'RF06 2001' }), anItem({ customerCode: 'B_2', number: 'CN-1', kind: 'credit_note', amount: -100, openAmount: -100 })]);
    });
  });

  it('finds customers by code or name in any case, the exact code first; % and _ are plain characters', async () => {
    const codes = async (query: string) => (await store.read((sql) => customersMatching(sql, query, 20))).map((c) => c.code);
    expect(await codes('ac')).toEqual(['AC', 'AC-1']);
    expect(await codes('ACME')).toEqual(['AC-1']);
    expect(await codes('100%')).toEqual(['AC-1']);
    expect(await codes('B_')).toEqual(['B_2']);
    expect(await codes('_')).toEqual(['B_2']);
  });

  it('looks items up by number or own reference, upper case and without spaces; credit notes never', async () => {
    const found = await store.read((sql) => bookItems(sql, ['INV-7', 'RF062001', 'CN-1']));
    expect(found.map((item) => [item.customerCode, item.number])).toEqual([['AC-1', 'inv-7']]);
  });

  it('records credits, finds them by reference or end-to-end id, lists the unmatched, remembers IBANs', async () => {
    await store.write(async (sql) => {
      await recordCredits(sql, [credit('R1', { endToEndId: 'E1' }), credit('R2', { date: '2026-12-01' }), credit('R3', { state: 'matched', customerCode: 'AC-1', parts: 2, iban: 'DE89370400440532013000' })]);
      await setCreditState(sql, 'R1', 'matched', 'AC-1', 1);
      await rememberIbans(sql, [{ iban: 'DE89370400440532013000', customerCode: 'B_2', since: '2026-12-01' }]);
      await rememberIbans(sql, [{ iban: 'DE89370400440532013000', customerCode: 'AC-1', since: '2026-12-03' }]);
    });
    const seen = await store.read((sql) => recordedCredits(sql, ['R2', 'nope'], ['E1']));
    expect(seen.map((c) => c.ref).sort()).toEqual(['R1', 'R2']);
    expect((await store.read((sql) => unmatchedCredits(sql))).map((c) => c.ref)).toEqual(['R2']);
    expect((await store.read((sql) => reversibleCredits(sql, 1000, 'EUR'))).map((c) => [c.ref, c.state, c.parts])).toEqual([['R3', 'matched', 2], ['R1', 'matched', 1], ['R2', 'unmatched', 0]]);
    expect(await store.read((sql) => rememberedIbans(sql))).toEqual(new Map([['DE89370400440532013000', 'AC-1']]));
  });
});
