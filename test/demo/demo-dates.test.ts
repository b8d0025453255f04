import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { daysBetween, isIsoDate } from '../../src/core/dates.js';
import { DEMO_AS_OF, DEMO_TABLES, monthsBetween, shiftMonths, shiftRows, type DemoTable } from '../../scripts/demo-dates.js';
import { DEMO_COLUMNS } from '../../scripts/make-demo-data.js';

const demoDir = join(import.meta.dirname, '..', '..', 'data', 'demo');
type Row = Record<string, string>;
const load = (table: DemoTable): Row[] => parse(readFileSync(join(demoDir, `${table}.csv`)), { columns: true }) as Row[];
const header = (table: DemoTable): string[] => readFileSync(join(demoDir, `${table}.csv`), 'utf8').split('\n')[0]!.split(',');

/** Band of an item by days overdue, with the default ladder (upcoming −7, 7, 21, 45) and > 90. */
function band(daysOverdue: number): string {
  if (daysOverdue > 90) return '90+';
  if (daysOverdue >= 45) return '45+';
  if (daysOverdue >= 21) return '21+';
  if (daysOverdue >= 7) return '7+';
  if (daysOverdue >= -7) return 'upcoming';
  return 'not yet';
}

describe('demo CSVs', () => {
  it.each(DEMO_TABLES)('%s.csv has exactly the import columns', (table) => {
    expect(header(table)).toEqual([...DEMO_COLUMNS[table]]);
  });

  it('covers every band, credit notes, holds and every language and currency', () => {
    const customers = load('customers');
    const items = load('items');
    expect(customers).toHaveLength(60);
    expect(new Set(customers.map((c) => c.language))).toEqual(new Set(['en', 'it', 'el', 'bg', 'pt']));
    expect(new Set(customers.map((c) => c.currency))).toEqual(new Set(['EUR', 'GBP', 'USD', 'BGN', 'BRL']));
    const open = items.filter((i) => Number(i.open_amount) > 0 && i.case === '');
    const bands = new Set(open.map((i) => band(daysBetween(i.due_date!, DEMO_AS_OF))));
    expect(bands).toEqual(new Set(['not yet', 'upcoming', '7+', '21+', '45+', '90+']));
    expect(items.some((i) => i.kind === 'credit_note' && Number(i.amount) < 0)).toBe(true);
    expect(items.some((i) => i.hold_until !== '')).toBe(true);
    expect(customers.filter((c) => c.email === '').length).toBeGreaterThanOrEqual(3);
    expect(customers.filter((c) => c.email3 !== '').length).toBeGreaterThanOrEqual(3);
    expect(customers.filter((c) => c.reminders === 'no')).toHaveLength(1);
    expect(customers.filter((c) => c.hold_until !== '')).toHaveLength(1);
  });
});

describe('moving the demo to another day', () => {
  it('moves by months keeping the day, clamped to the month end', () => {
    expect(shiftMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(shiftMonths('2026-11-01', 2)).toBe('2027-01-01');
    expect(shiftMonths('2026-03-15', -3)).toBe('2025-12-15');
    expect(monthsBetween('2026-11-30', '2026-12-01')).toBe(1);
    expect(monthsBetween('2026-11-23', '2025-11-23')).toBe(-12);
  });

  it.each(['2026-11-23', '2027-03-01', '2028-02-29', '2026-12-31', '2025-06-15'])('keeps days overdue and installment months as of %s', (asOf) => {
    const items = load('items');
    const moved = shiftRows('items', items, asOf);
    moved.forEach((item, i) => {
      const before = items[i]!;
      expect(daysBetween(item.due_date!, asOf)).toBe(daysBetween(before.due_date!, DEMO_AS_OF));
      expect(daysBetween(item.issue_date!, item.due_date!)).toBe(daysBetween(before.issue_date!, before.due_date!));
    });
    const payments = shiftRows('payments', load('payments'), asOf);
    for (const p of payments) {
      expect(isIsoDate(p.date!)).toBe(true);
      expect(p.date! <= asOf).toBe(true);
    }
    // The debtor who paid in the demo month has paid in the month of asOf; the other one paid only
    // part of one instalment (50.00 of 200.00), so its month is still missed.
    const thisMonth = (code: string) => payments.filter((p) => p.customer_code === code && p.case !== '' && p.date!.slice(0, 7) === asOf.slice(0, 7));
    expect(thisMonth('GR07')).toHaveLength(1);
    expect(thisMonth('BG05').map((p) => [p.case, p.amount])).toEqual([['ИД-2025-0117', '50.00']]);
    const plans = shiftRows('plans', load('plans'), asOf);
    expect(plans.every((p) => p.start_date! <= asOf && isIsoDate(p.start_date!))).toBe(true);
  });
});
