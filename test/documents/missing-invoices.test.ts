/** The skip `missing-attachment` (docs/reference/rules.md §8): a message whose invoice PDF is missing is held back, the file named. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Plan, PlannedMessage } from '../../src/core/plan.js';
import { holdBackMissingInvoices } from '../../src/documents/missing-invoices.js';
import { asOf, customer, line, planned } from './fixtures.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'duedesk-missing-invoices-'));
  writeFileSync(join(dir, 'F-1.pdf'), '%PDF-1.4 invoice');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const planOf = (...messages: PlannedMessage[]): Plan => ({ asOf, messages, skipped: [], problems: [] });
const withInvoices = (code: string, numbers: string[], currency = 'EUR') =>
  planned('en', 'first', numbers.map((n) => line(n, 100)), { customer: customer('en', { code }), currency, key: `${code}-${currency}-first`, attachInvoices: true });

describe('holdBackMissingInvoices', () => {
  it('keeps messages whose invoices are all there, and those whose level attaches none', () => {
    const plan = planOf(withInvoices('C1', ['F-1']), planned('en', 'first', [line('F-404', 100)], { customer: customer('en', { code: 'C2' }) }));
    expect(holdBackMissingInvoices(plan, { mail: { invoiceDir: dir } }, '/')).toEqual(plan);
  });

  it('holds back a message with a missing invoice and names the file; the others still go', () => {
    const plan = planOf(withInvoices('C1', ['F-1']), withInvoices('C2', ['F-1', 'F-2']));
    const held = holdBackMissingInvoices(plan, { mail: { invoiceDir: dir } }, '/');
    expect(held.messages.map((m) => m.customer.code)).toEqual(['C1']);
    expect(held.skipped).toEqual([{ customer: 'C2', reason: 'missing-attachment', detail: join(dir, 'F-2.pdf') }]);
  });

  it('reports a customer once, with every missing file of its messages', () => {
    const plan = planOf(withInvoices('C1', ['F-2']), withInvoices('C1', ['F-3'], 'USD'));
    const held = holdBackMissingInvoices(plan, { mail: { invoiceDir: 'invoices' } }, join(dir, '..'));
    const base = join(dir, '..', 'invoices');
    expect(held.messages).toEqual([]);
    expect(held.skipped).toEqual([{ customer: 'C1', reason: 'missing-attachment', detail: `${join(base, 'F-2.pdf')}, ${join(base, 'F-3.pdf')}` }]);
  });

  it.each([
    ['no mail.invoiceDir', {}, ['F-1'], 'mail.invoiceDir is not set (the level attaches invoice PDFs)'],
    ['an item number that is no file name', { mail: { invoiceDir: '.' } }, ['../F-1'], 'invoice "../F-1": the item number is not usable as a file name'],
  ])('holds back with %s', (_what, settings, numbers, detail) => {
    const held = holdBackMissingInvoices(planOf(withInvoices('C1', numbers)), settings, dir);
    expect(held.messages).toEqual([]);
    expect(held.skipped).toEqual([{ customer: 'C1', reason: 'missing-attachment', detail }]);
  });
});
