/**
 * Moves the committed demo data (written around DEMO_AS_OF) to another day, so `npm run demo`
 * shows work in every reminder band whatever the date. Item and hold dates move by whole days,
 * which keeps each item's days overdue exactly; installment dates (plans, and payments naming a
 * case) move by whole months keeping their day of the month, so a debtor who paid on the 1st of the
 * demo month has paid on the 1st of the current month and the other one has missed it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { addDays, dateParts, daysBetween, dayOfMonthClamped, makeDate } from '../src/core/dates.js';
import type { IsoDate } from '../src/core/domain.js';

/** The date the committed demo CSVs were written for. */
export const DEMO_AS_OF: IsoDate = '2026-11-23';

/** The four demo tables, in import order. */
export const DEMO_TABLES = ['customers', 'items', 'payments', 'plans'] as const;
/** One of the demo tables. */
export type DemoTable = (typeof DEMO_TABLES)[number];

type Row = Record<string, string>;

/** `date` moved by whole months, keeping its day of the month (clamped to the month's end). */
export function shiftMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const first = makeDate(Math.floor(index / 12), (index % 12) + 1, 1);
  if (first === null) throw new Error(`cannot move ${date} by ${months} months`);
  return dayOfMonthClamped(first, day);
}

/** Whole calendar months from `from` to `to` (2026-11-30 → 2026-12-01 is 1). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const a = dateParts(from);
  const b = dateParts(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** The rows of one demo table moved from DEMO_AS_OF to `asOf` (see the file comment). */
export function shiftRows(table: DemoTable, rows: readonly Row[], asOf: IsoDate, base: IsoDate = DEMO_AS_OF): Row[] {
  const days = daysBetween(base, asOf);
  const months = monthsBetween(base, asOf);
  const byDays = (value: string | undefined): string => (value ? addDays(value, days) : '');
  const byMonths = (value: string | undefined): string => (value ? shiftMonths(value, months) : '');
  const notAfter = (value: string): string => (value > asOf ? asOf : value);
  return rows.map((row) => {
    switch (table) {
      case 'customers':
        return { ...row, hold_until: byDays(row.hold_until) };
      case 'items':
        return { ...row, issue_date: byDays(row.issue_date), due_date: byDays(row.due_date), hold_until: byDays(row.hold_until) };
      case 'payments':
        return { ...row, date: notAfter(row.case ? byMonths(row.date) : byDays(row.date)) };
      case 'plans':
        return { ...row, start_date: byMonths(row.start_date), end_date: byMonths(row.end_date) };
      default: {
        const never: never = table;
        return never;
      }
    }
  });
}

/** Read each demo CSV from `fromDir`, move its dates to `asOf` and write it to `toDir`; returns the paths. */
export function writeShiftedDemo(fromDir: string, toDir: string, asOf: IsoDate): Record<DemoTable, string> {
  const paths = {} as Record<DemoTable, string>;
  for (const table of DEMO_TABLES) {
    const text = readFileSync(join(fromDir, `${table}.csv`), 'utf8');
    const header = (parse(text, { to_line: 1 }) as string[][])[0] ?? [];
    const rows = parse(text, { columns: true, skip_empty_lines: true }) as Row[];
    paths[table] = join(toDir, `${table}.csv`);
    writeFileSync(paths[table], stringify(shiftRows(table, rows, asOf), { header: true, columns: header }));
  }
  return paths;
}
