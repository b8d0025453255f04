/** The shared settings a PostgreSQL ledger keeps: values of every JSON shape, replaced as a whole. */
import { describe, expect, it } from 'vitest';
import { readLedgerSettings, replaceLedgerSettings } from '../../../src/storage/ledger-settings.js';
import { ledgerForSuite, pgAvailable } from '../../helpers/pg.js';

describe.skipIf(!pgAvailable)('ledger settings on PostgreSQL', () => {
  const suite = ledgerForSuite();

  it('keeps each value as it was set and replaces the whole set', async () => {
    const { ledger } = suite();
    const levels = [{ id: 'first', name: 'First', days: 7, template: 'first', fee: { EUR: 5 } }];
    await ledger.write((sql) => replaceLedgerSettings(sql, [['company.vatId', '01234567'], ['policy.levels', levels], ['schedule.autoSend', false]]));
    expect(await ledger.read(readLedgerSettings)).toEqual([['company.vatId', '01234567'], ['policy.levels', levels], ['schedule.autoSend', false]]);
    await ledger.write((sql) => replaceLedgerSettings(sql, [['company.name', 'Ελληνική Α.Ε.']]));
    expect(await ledger.read(readLedgerSettings)).toEqual([['company.name', 'Ελληνική Α.Ε.']]);
  });
});
