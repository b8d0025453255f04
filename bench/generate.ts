/**
 * Deterministic benchmark data: customers, items and payments as SPEC §7 CSV files, at any size
 * (1k … 1M items). The same options always give the same bytes, so figures from different runs and
 * machines are measured on the same data. Usage as a CLI:
 *   tsx bench/generate.ts --customers 100000 --items-per-customer 10 --seed 1 --dir bench/data/x --as-of 2026-11-23
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGUAGES, type IsoDate, type Language } from '../src/core/domain.js';
import { fromDayNumber, isIsoDate, toDayNumber } from '../src/core/dates.js';
import { CsvFileWriter } from './lib/csv-writer.js';
import { NAME_PARTS } from './lib/names.js';
import { seededRandom, type Random } from './lib/random.js';

/** What to generate. */
export interface GenerateOptions {
  customers: number;
  /** Average items per customer (each customer gets between 1 and 2× − 1 of it; the total is exact). */
  itemsPerCustomer: number;
  seed: number;
  /** Output folder (created when missing). */
  dir: string;
  /** The date the data is "exported" on: due dates spread around it. */
  asOf: IsoDate;
}

/** Where the files went and how many rows each has. */
export interface GeneratedData {
  customersFile: string;
  itemsFile: string;
  paymentsFile: string;
  customers: number;
  items: number;
  payments: number;
}

/** SPEC §7 column order used for the generated files. */
export const CUSTOMER_COLUMNS = ['code', 'name', 'email', 'email2', 'email3', 'language', 'currency', 'reminders', 'statement_every_days', 'agent_email', 'hold_until', 'notes'] as const;
/** SPEC §7 item columns. */
export const ITEM_COLUMNS = ['customer_code', 'number', 'issue_date', 'due_date', 'amount', 'open_amount', 'currency', 'kind', 'reference', 'case', 'hold_until'] as const;
/** SPEC §7 payment columns. */
export const PAYMENT_COLUMNS = ['customer_code', 'date', 'amount', 'reference', 'item_number', 'case'] as const;

const TERMS = [14, 30, 30, 30, 45, 60, 90];
const DATE_WINDOW_BEFORE = 900;
const DATE_WINDOW_AFTER = 400;

/** Format minor units (2 digits, every generated currency has 2) as a major-unit decimal. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Write customers.csv, items.csv and payments.csv into options.dir. */
export function generate(options: GenerateOptions): GeneratedData {
  validate(options);
  mkdirSync(options.dir, { recursive: true });
  const random = seededRandom(options.seed);
  const asOfDay = toDayNumber(options.asOf);
  const dates: string[] = [];
  for (let d = -DATE_WINDOW_BEFORE; d <= DATE_WINDOW_AFTER; d += 1) dates.push(fromDayNumber(asOfDay + d));
  const dateAt = (offset: number): string => dates[offset + DATE_WINDOW_BEFORE] as string;

  const files = {
    customersFile: join(options.dir, 'customers.csv'),
    itemsFile: join(options.dir, 'items.csv'),
    paymentsFile: join(options.dir, 'payments.csv'),
  };
  const customers = new CsvFileWriter(files.customersFile, CUSTOMER_COLUMNS);
  const items = new CsvFileWriter(files.itemsFile, ITEM_COLUMNS);
  const payments = new CsvFileWriter(files.paymentsFile, PAYMENT_COLUMNS);
  const width = Math.max(6, String(options.customers).length);
  let itemSeq = 0;
  let paymentSeq = 0;
  let spread = 0;

  for (let c = 0; c < options.customers; c += 1) {
    const code = `C${String(c + 1).padStart(width, '0')}`;
    const language = LANGUAGES[c % LANGUAGES.length] as Language;
    const currency = writeCustomer(customers, random, code, language, dateAt);
    // Pairs of customers share 2× the average so the total is exact but counts vary.
    const ipc = options.itemsPerCustomer;
    if (c % 2 === 0) spread = c + 1 < options.customers ? random.int(-(ipc - 1), ipc - 1) : 0;
    const count = c % 2 === 0 ? ipc + spread : ipc - spread;
    for (let k = 0; k < count; k += 1) {
      itemSeq += 1;
      const issueAgo = Math.floor(random.next() ** 2 * 540);
      const dueOffset = -issueAgo + random.pick(TERMS);
      const roll = random.next();
      const kind = roll < 0.06 ? 'credit_note' : roll < 0.1 ? 'charge' : 'invoice';
      const prefix = kind === 'credit_note' ? 'CN' : kind === 'charge' ? 'CH' : 'INV';
      const number = `${prefix}-${dateAt(-issueAgo).slice(0, 4)}-${String(itemSeq).padStart(7, '0')}`;
      const size = kind === 'charge' ? 500 + random.int(0, 9_500) : 1_000 + Math.floor(random.next() ** 3 * 2_500_000);
      const amount = kind === 'credit_note' ? -size : size;
      const state = random.next();
      // Old items are mostly settled; a payment naming the item reduces its open amount on import.
      const settledOutside = issueAgo > 120 && state < 0.6;
      const paid = !settledOutside && kind !== 'credit_note' && issueAgo > 10 && state > 0.55;
      const hold = random.chance(0.01) ? dateAt(random.int(5, 60)) : '';
      const reference = random.chance(0.3) ? `RF${String(random.int(10, 97))}${code}${itemSeq}` : '';
      items.row([code, number, dateAt(-issueAgo), dateAt(dueOffset), formatCents(amount), formatCents(settledOutside ? 0 : amount), currency, kind, reference, '', hold]);
      if (paid) {
        paymentSeq += 1;
        const partial = state < 0.7;
        const paidAmount = partial ? Math.max(1, Math.floor(amount * (0.2 + random.next() * 0.6))) : amount;
        const paidAgo = random.int(0, Math.max(0, issueAgo - 1));
        payments.row([code, dateAt(-paidAgo), formatCents(paidAmount), `PAY-${String(paymentSeq).padStart(8, '0')}`, number, '']);
      }
    }
  }
  customers.close();
  items.close();
  payments.close();
  return { ...files, customers: customers.rows, items: items.rows, payments: payments.rows };
}

function writeCustomer(out: CsvFileWriter, random: Random, code: string, language: Language, dateAt: (offset: number) => string): string {
  const parts = NAME_PARTS[language];
  const name = `${random.pick(parts.first)} ${random.pick(parts.second)} ${random.pick(parts.forms)}`;
  const currency = random.pick(parts.currencies);
  const local = code.toLowerCase();
  const noEmail = random.chance(0.03);
  const email = noEmail ? '' : `billing.${local}@${parts.domain}`;
  const email2 = !noEmail && random.chance(0.25) ? `accounts.${local}@${parts.domain}` : '';
  const email3 = email2 !== '' && random.chance(0.3) ? `owner.${local}@${parts.domain}` : '';
  const reminders = random.chance(0.02) ? 'no' : 'yes';
  const statement = random.chance(0.05) ? String(random.pick([7, 10, 14, 30])) : '';
  const agent = random.chance(0.2) ? `agent${random.int(1, 40)}@example.com` : '';
  const hold = random.chance(0.01) ? dateAt(random.int(3, 45)) : '';
  const notes = random.chance(0.1) ? `${random.pick(parts.cities)}, ${random.int(1, 200)}` : '';
  out.row([code, name, email, email2, email3, language, currency, reminders, statement, agent, hold, notes]);
  return currency;
}

function validate(options: GenerateOptions): void {
  const positive = (n: number): boolean => Number.isInteger(n) && n > 0;
  if (!positive(options.customers)) throw new Error(`customers must be a positive integer, got ${options.customers}`);
  if (!positive(options.itemsPerCustomer)) throw new Error(`itemsPerCustomer must be a positive integer, got ${options.itemsPerCustomer}`);
  if (!Number.isInteger(options.seed)) throw new Error(`seed must be an integer, got ${options.seed}`);
  if (!isIsoDate(options.asOf)) throw new Error(`asOf must be a date YYYY-MM-DD, got "${options.asOf}"`);
}

function parseCli(argv: string[]): GenerateOptions {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] ?? '';
    const value = argv[i + 1];
    if (!flag.startsWith('--') || value === undefined) throw new Error(`expected --flag value pairs, got "${flag}"`);
    values.set(flag.slice(2), value);
  }
  const known = new Set(['customers', 'items-per-customer', 'seed', 'dir', 'as-of']);
  for (const key of values.keys()) if (!known.has(key)) throw new Error(`unknown flag --${key}`);
  return {
    customers: Number(values.get('customers') ?? '1000'),
    itemsPerCustomer: Number(values.get('items-per-customer') ?? '10'),
    seed: Number(values.get('seed') ?? '1'),
    dir: resolve(values.get('dir') ?? 'bench/data/generated'),
    asOf: values.get('as-of') ?? '2026-11-23',
  };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const started = performance.now();
    const result = generate(parseCli(process.argv.slice(2)));
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    process.stdout.write(`${result.customers} customers, ${result.items} items, ${result.payments} payments in ${seconds} s → ${result.customersFile}\n`);
  } catch (error) {
    process.stderr.write(`generate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
