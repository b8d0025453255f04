/**
 * Writes the committed demo CSVs (data/demo/*.csv, the columns of docs/reference/csv.md §2) from scripts/demo-customers.ts.
 * Every date is placed relative to DEMO_AS_OF so that each reminder band has items; `npm run demo`
 * later moves the dates to today (scripts/demo-dates.ts). Run: `npx tsx scripts/make-demo-data.ts`.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { addDays } from '../src/core/dates.js';
import type { Language } from '../src/core/domain.js';
import { formatMinor } from '../src/core/money.js';
import { seededRandom } from '../bench/lib/random.js';
import { DEMO_CUSTOMERS, type DemoCustomer } from './demo-customers.js';
import { DEMO_AS_OF } from './demo-dates.js';

type Row = Record<string, string>;
/** Where an item's due date sits: days overdue on the demo date (negative = not yet due). */
type Band = 'future' | 'upcoming' | 'first' | 'second' | 'final' | 'old' | 'older';
/** What an item is in a profile. */
type Spec = { band: Band; kind?: 'credit_note' | 'charge'; settled?: boolean; hold?: boolean; paid?: 'full' | 'part' };

const BAND_DAYS: Record<Band, number> = { future: -20, upcoming: -4, first: 9, second: 26, final: 52, old: 118, older: 205 };
const PROFILES: Spec[][] = [
  [{ band: 'upcoming' }, { band: 'future' }, { band: 'first' }],
  [{ band: 'first' }, { band: 'second' }, { band: 'first', kind: 'credit_note' }],
  [{ band: 'second' }, { band: 'final' }, { band: 'old', settled: true }],
  [{ band: 'final' }, { band: 'old' }, { band: 'old', kind: 'charge' }],
  [{ band: 'upcoming' }, { band: 'future' }],
  [{ band: 'older' }, { band: 'old' }, { band: 'upcoming' }],
  [{ band: 'first' }, { band: 'second', hold: true }, { band: 'future' }],
  [{ band: 'second' }, { band: 'second', kind: 'credit_note' }, { band: 'future' }],
  [{ band: 'final' }, { band: 'first', paid: 'part' }],
  [{ band: 'first' }, { band: 'second', paid: 'full' }, { band: 'future' }],
  [{ band: 'old' }, { band: 'final' }, { band: 'second' }, { band: 'first' }, { band: 'upcoming' }, { band: 'final', kind: 'credit_note' }],
  [{ band: 'future' }, { band: 'future' }],
];
/** Number prefixes for invoice, credit note, charge, as each country writes them. */
const PREFIX: Record<Language, [string, string, string]> = {
  en: ['INV-', 'CN-', 'FEE-'],
  it: ['FT-', 'NC-', 'SP-'],
  el: ['ΤΔΑ-', 'ΠΤ-', 'ΧΡ-'],
  bg: ['Ф-', 'КИ-', 'ТК-'],
  pt: ['FT-', 'NC-', 'ND-'],
};
const SCALE: Record<string, number> = { EUR: 1, GBP: 1, USD: 1.2, BGN: 2, BRL: 5 };
/** Customers who are also billed in a second currency: one overdue invoice in it. */
const SECOND_CURRENCY: Record<string, { number: string; currency: string; amount: number }> = {
  EN02: { number: 'INV-2026-U001', currency: 'USD', amount: 1_860_00 },
};
const D = (days: number): string => addDays(DEMO_AS_OF, days);
const money = (cents: number): string => formatMinor(cents, 2);

/** The four demo tables as CSV rows, in the column order of docs/reference/csv.md §2. */
export function buildDemoRows(): { customers: Row[]; items: Row[]; payments: Row[]; plans: Row[] } {
  const random = seededRandom(2026);
  const customers: Row[] = [];
  const items: Row[] = [];
  const payments: Row[] = [];
  const plans: Row[] = [];
  let seq = 400;
  DEMO_CUSTOMERS.forEach((customer, index) => {
    customers.push(customerRow(customer));
    if (customer.cases !== undefined) {
      installmentDebtor(customer, items, payments, plans);
      return;
    }
    const profile = PROFILES[index % PROFILES.length] ?? [];
    const jitter = index % 3;
    let lastInvoice = 0;
    for (const spec of profile) {
      seq += 1 + (index % 4);
      const [inv, cn, ch] = PREFIX[customer.language];
      const prefix = spec.kind === 'credit_note' ? cn : spec.kind === 'charge' ? ch : inv;
      const due = BAND_DAYS[spec.band] + jitter;
      const issue = due + (spec.kind === 'charge' ? 0 : random.pick([14, 30, 30, 60]));
      const number = `${prefix}${customer.language === 'bg' ? String(seq).padStart(10, '0') : `${D(-issue).slice(0, 4)}-${String(seq).padStart(4, '0')}`}`;
      const base = spec.kind === 'charge' ? 2_500 + random.int(0, 3) * 500 : random.int(80, 9_000) * 100 + random.int(0, 99);
      const size = Math.round(base * (SCALE[customer.currency] ?? 1));
      // A credit note takes back part of the customer's previous invoice, never more.
      const amount = spec.kind === 'credit_note' ? -Math.round(lastInvoice * 0.25) : size;
      if (spec.kind === undefined) lastInvoice = amount;
      items.push({
        customer_code: customer.code, number, issue_date: D(-issue), due_date: D(-due), amount: money(amount),
        // Empty for items a payment names: fully open on import, then the payment takes its share.
        open_amount: spec.paid !== undefined ? '' : money(spec.settled ? 0 : amount), currency: customer.currency, kind: spec.kind ?? 'invoice',
        reference: '', case: '', hold_until: spec.hold ? D(10) : '', dispute: '',
      });
      if (spec.paid !== undefined) {
        const paid = spec.paid === 'full' ? amount : Math.round(amount * 0.4);
        payments.push({ customer_code: customer.code, date: D(-(spec.paid === 'full' ? 3 : 5)), amount: money(paid), reference: `PAY-${customer.code}-${seq}`, item_number: number, case: '', currency: '' });
      }
    }
    if (index % 12 === 2) {
      payments.push({ customer_code: customer.code, date: D(-2), amount: money(15_000), reference: `PAY-${customer.code}-ACCOUNT`, item_number: '', case: '', currency: '' });
    }
    if (customer.disputes !== undefined) {
      const invoice = items.filter((item) => item.customer_code === customer.code && item.kind === 'invoice').at(-1);
      if (invoice !== undefined) invoice.dispute = customer.disputes;
    }
    const second = SECOND_CURRENCY[customer.code];
    if (second !== undefined) {
      // Fixed values, no draw from `random`: the rows of every other customer stay as they were.
      items.push({
        customer_code: customer.code, number: second.number, issue_date: D(-(BAND_DAYS.second + 30)), due_date: D(-BAND_DAYS.second),
        amount: money(second.amount), open_amount: money(second.amount), currency: second.currency, kind: 'invoice', reference: '', case: '', hold_until: '', dispute: '',
      });
    }
  });
  return { customers, items, payments, plans };
}

function customerRow(c: DemoCustomer): Row {
  return {
    code: c.code, name: c.name, email: c.emails[0] ?? '', email2: c.emails[1] ?? '', email3: c.emails[2] ?? '',
    language: c.language, currency: c.currency, reminders: c.optedOut ? 'no' : 'yes',
    statement_every_days: c.statementEveryDays === undefined ? '' : String(c.statementEveryDays),
    agent_email: c.agent ?? '', hold_until: c.holdDays === undefined ? '' : D(c.holdDays), notes: '',
    // The profile needs the demo settings' policy.profiles: buildDemo sets it after the import, so
    // these files import into any database (README "Install").
    profile: '', statements: c.optedOut || c.noStatements ? 'no' : 'yes',
    ...postalColumns(c),
  };
}

/** A country named at the end of a demo address line; others follow from the language and currency. */
const NAMED_COUNTRIES: Readonly<Record<string, string>> = { Ireland: 'IE', USA: 'US', Belgium: 'BE' };
const HOME_COUNTRIES: Readonly<Record<string, string>> = { en: 'GB', it: 'IT', el: 'GR', bg: 'BG', pt: 'PT' };

/**
 * The address columns of a demo customer, from its one-line address: the last part is the city
 * with its postal code (the postcode after the city in GB and IE; a separate part in the US and
 * Brazil, where the state comes with it), the first part the street, anything between line 2.
 */
function postalColumns(c: DemoCustomer): Row {
  const parts = c.address.split(',').map((part) => part.trim());
  const named = NAMED_COUNTRIES[parts.at(-1) ?? ''];
  if (named !== undefined) parts.pop();
  const country = named ?? (c.currency === 'BRL' ? 'BR' : HOME_COUNTRIES[c.language]!);
  const last = parts.pop() ?? '';
  let city: string;
  let postalCode: string;
  if (country === 'GB' || country === 'IE') {
    const words = last.split(' ');
    city = words.slice(0, -2).join(' ');
    postalCode = words.slice(-2).join(' ');
  } else if (country === 'US' || country === 'BR') {
    postalCode = last;
    city = parts.pop() ?? '';
  } else {
    const match = /^(\d{3} \d{2}|\d{4}-\d{3}|\d{4,5}) (.+)$/.exec(last);
    if (match === null) throw new Error(`demo customer ${c.code}: no postal code in "${c.address}"`);
    postalCode = match[1]!;
    city = match[2]!;
  }
  return { address_line1: parts[0] ?? '', address_line2: parts.slice(1).join(', '), postal_code: postalCode, city, country };
}

/**
 * An installment debtor: one item per case (the debt), monthly payments on the 1st naming the case
 * only, which count for the case without being recorded on its item (the item stays open for the
 * whole debt; what remains is the debt minus those payments). The first case's debtor paid this
 * month; a debtor with two cases missed this month, paying only part of the first case's instalment.
 */
function installmentDebtor(c: DemoCustomer, items: Row[], payments: Row[], plans: Row[]): void {
  const missed = (c.cases?.length ?? 0) > 1;
  const month = DEMO_AS_OF.slice(0, 8);
  (c.cases ?? []).forEach((caseRef, k) => {
    const debt = (k === 0 ? 5_200_00 : 1_450_00) - (missed ? 0 : 2_800_00);
    const installment = k === 0 ? (missed ? 200_00 : 150_00) : 80_00;
    const start = `${k === 0 ? (missed ? '2025-12' : '2026-05') : '2026-06'}-01`;
    for (let m = start; m < `${month}01` || (!missed && m === `${month}01`); m = nextMonth(m)) {
      payments.push({ customer_code: c.code, date: m, amount: money(installment), reference: `PAY-${c.code}-${caseRef}-${m.slice(0, 7)}`, item_number: '', case: caseRef, currency: '' });
    }
    if (missed && k === 0) {
      // A partial installment this month: short of the installment, so the month is still missed.
      payments.push({ customer_code: c.code, date: `${month}01`, amount: money(installment / 4), reference: `PAY-${c.code}-${caseRef}-${month.slice(0, 7)}-PART`, item_number: '', case: caseRef, currency: '' });
    }
    items.push({
      customer_code: c.code, number: `${caseRef}-1`, issue_date: start, due_date: start, amount: money(debt),
      open_amount: money(debt), currency: c.currency, kind: 'invoice', reference: '', case: caseRef, hold_until: '', dispute: '',
    });
    plans.push({ customer_code: c.code, case: caseRef, installment: money(installment), day_of_month: '1', start_date: start, end_date: '', active: 'yes' });
  });
  if (!missed) {
    // A finished earlier plan: settled, inactive, kept for the history.
    const caseRef = 'ΑΠ-2025-208';
    items.push({ customer_code: c.code, number: `${caseRef}-1`, issue_date: '2025-09-01', due_date: '2025-09-01', amount: money(900_00), open_amount: money(0), currency: c.currency, kind: 'invoice', reference: '', case: caseRef, hold_until: '', dispute: '' });
    plans.push({ customer_code: c.code, case: caseRef, installment: money(150_00), day_of_month: '1', start_date: '2025-10-01', end_date: '2026-03-01', active: 'no' });
  }
}

function nextMonth(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/** The columns of each file (docs/reference/csv.md §2), in the order written. */
export const DEMO_COLUMNS = {
  customers: [
    'code', 'name', 'email', 'email2', 'email3', 'language', 'currency', 'reminders', 'statement_every_days', 'agent_email', 'hold_until', 'notes', 'profile', 'statements',
    'address_line1', 'address_line2', 'postal_code', 'city', 'country',
  ],
  items: ['customer_code', 'number', 'issue_date', 'due_date', 'amount', 'open_amount', 'currency', 'kind', 'reference', 'case', 'hold_until', 'dispute'],
  payments: ['customer_code', 'date', 'amount', 'reference', 'item_number', 'case', 'currency'],
  plans: ['customer_code', 'case', 'installment', 'day_of_month', 'start_date', 'end_date', 'active'],
} as const;

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'demo');
  const rows = buildDemoRows();
  for (const table of ['customers', 'items', 'payments', 'plans'] as const) {
    writeFileSync(join(dir, `${table}.csv`), stringify(rows[table], { header: true, columns: [...DEMO_COLUMNS[table]] }));
    process.stdout.write(`${table}: ${rows[table].length} rows\n`);
  }
}
