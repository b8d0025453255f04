/** The Import prompt's line: the file keeps its spaces, the options are the command's. */
import { describe, expect, it } from 'vitest';
import { importRequestOf } from '../../src/ui/import-line.js';

describe('importRequestOf', () => {
  it.each([
    ['customers my customers.csv', { kind: 'customers', file: 'my customers.csv', skipInvalid: false }],
    ['  items  /srv/AR exports/open items.csv  --snapshot --encoding windows-1253 ', { kind: 'items', file: '/srv/AR exports/open items.csv', snapshot: true, encoding: 'windows-1253' }],
    ['payments bank.csv --decimal-comma --date-format DMY', { kind: 'payments', file: 'bank.csv', format: { decimalComma: true, dateFormat: 'DMY' } }],
  ])('%s', (line, request) => {
    expect(importRequestOf(line)).toMatchObject(request);
  });

  it.each([
    ['items', 'write KIND FILE, KIND one of customers, items, payments, plans'],
    ['invoices a.csv', 'write KIND FILE, KIND one of customers, items, payments, plans'],
    ['customers c.csv --snapshot', 'import: --snapshot applies to items and payments only'],
    ['items i.csv --bogus', 'bogus'],
  ])('refuses %s', (line, why) => {
    expect(importRequestOf(line)).toEqual(expect.stringContaining(why));
  });
});
