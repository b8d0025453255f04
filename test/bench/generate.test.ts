import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { CUSTOMER_COLUMNS, ITEM_COLUMNS, PAYMENT_COLUMNS, formatCents, generate } from '../../bench/generate.js';
import { isIsoDate } from '../../src/core/dates.js';

const root = mkdtempSync(join(tmpdir(), 'duedesk-gen-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const options = (dir: string, seed = 7) => ({ customers: 50, itemsPerCustomer: 10, seed, dir: join(root, dir), asOf: '2026-11-23' });
const read = (path: string) => readFileSync(path);

describe('bench data generator', () => {
  it('writes the same bytes for the same seed and different bytes for another seed', () => {
    const a = generate(options('a'));
    const b = generate(options('b'));
    const c = generate(options('c', 8));
    for (const file of ['customersFile', 'itemsFile', 'paymentsFile'] as const) {
      expect(read(a[file]).equals(read(b[file]))).toBe(true);
    }
    expect(read(a.itemsFile).equals(read(c.itemsFile))).toBe(false);
  });

  it('writes exactly customers × itemsPerCustomer items with the import columns', () => {
    const result = generate(options('d'));
    expect(result.customers).toBe(50);
    expect(result.items).toBe(500);
    const items = parse(readFileSync(result.itemsFile), { columns: true }) as Record<string, string>[];
    const customers = parse(readFileSync(result.customersFile), { columns: true }) as Record<string, string>[];
    const payments = parse(readFileSync(result.paymentsFile), { columns: true }) as Record<string, string>[];
    expect(Object.keys(items[0] ?? {})).toEqual([...ITEM_COLUMNS]);
    expect(Object.keys(customers[0] ?? {})).toEqual([...CUSTOMER_COLUMNS]);
    expect(Object.keys(payments[0] ?? {})).toEqual([...PAYMENT_COLUMNS]);
    expect(items).toHaveLength(500);
    expect(payments).toHaveLength(result.payments);
    const codes = new Set(customers.map((c) => c.code));
    const perCustomer = new Set<string>();
    for (const item of items) {
      expect(codes.has(item.customer_code ?? '')).toBe(true);
      expect(isIsoDate(item.issue_date ?? '') && isIsoDate(item.due_date ?? '')).toBe(true);
      expect(item.amount).toMatch(/^-?\d+\.\d\d$/);
      const key = `${item.customer_code}/${item.number}`;
      expect(perCustomer.has(key)).toBe(false);
      perCustomer.add(key);
    }
    expect(new Set(customers.map((c) => c.language))).toEqual(new Set(['en', 'it', 'el', 'bg', 'pt']));
    expect(new Set(payments.map((p) => p.reference)).size).toBe(payments.length);
  });

  it('refuses sizes that are not positive integers', () => {
    expect(() => generate({ ...options('e'), customers: 0 })).toThrow(/customers/);
    expect(() => generate({ ...options('e'), asOf: '2026-02-30' })).toThrow(/asOf/);
  });

  it('formats minor units as major-unit decimals', () => {
    expect(formatCents(123456)).toBe('1234.56');
    expect(formatCents(-5)).toBe('-0.05');
    expect(formatCents(0)).toBe('0.00');
  });
});
