/**
 * End to end through the command line: payments on account netted in the JSON and shown
 * in the e-mail (text and HTML) and the PDF in every language, `covered` when they pay for
 * everything, installment notices asking the shortfall, and items not yet due never under an
 * overdue heading.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPages } from '../documents/pdf-text.js';
import { sandbox, type Sandbox } from './io.js';

const D = '2026-11-22';
const LANGUAGES = [
  { code: 'EN01', language: 'en', payment: 'Payment on account 14/10/2026', overdue: 'Overdue', notDue: 'Not yet overdue' },
  { code: 'IT01', language: 'it', payment: 'Pagamento in acconto 14/10/2026', overdue: 'Scadute', notDue: 'Non ancora scadute' },
  { code: 'GR01', language: 'el', payment: 'Πληρωμή έναντι λογαριασμού 14/10/2026', overdue: 'Ληξιπρόθεσμα', notDue: 'Δεν έχουν ακόμη λήξει' },
  { code: 'BG01', language: 'bg', payment: 'Плащане по сметка 14.10.2026 г.', overdue: 'Просрочени', notDue: 'Все още непросрочени' },
  { code: 'PT01', language: 'pt', payment: 'Pagamento por conta 14/10/2026', overdue: 'Vencidas', notDue: 'Ainda não vencidas' },
] as const;

const csv = (rows: string[]) => `${rows.join('\n')}\n`;

let box: Sandbox;
let plan: { messages: Array<Record<string, unknown>>; skipped: Array<{ customer: string; reason: string }> };
// The sandbox folder goes after the first test; the previews every test reads live here until the end.
const previews = mkdtempSync(join(tmpdir(), 'duedesk-on-account-'));
afterAll(() => rmSync(previews, { recursive: true, force: true }));
const out = () => previews;

/** The decoded body of one part (`text/plain` or `text/html`) of an .eml written by --out. */
function part(eml: string, type: string): string {
  const start = eml.indexOf(`Content-Type: ${type}`);
  const body = eml.slice(eml.indexOf('\r\n\r\n', start) + 4, eml.indexOf('\r\n--', start));
  const header = eml.slice(start, eml.indexOf('\r\n\r\n', start));
  if (/base64/i.test(header)) return Buffer.from(body, 'base64').toString('utf8');
  const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => `%${hex}`);
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/g, '%25'));
}

beforeAll(async () => {
  box = sandbox();
  const write = (name: string, rows: string[]) => writeFileSync(join(box.dir, name), csv(rows));
  write('customers.csv', [
    'code,name,email,language,currency',
    ...LANGUAGES.map((entry) => `${entry.code},Customer ${entry.code},${entry.code.toLowerCase()}@x.example,${entry.language},EUR`),
    'COV01,Covered Ltd,cov@x.example,en,EUR',
    'INS01,Instalment Ltd,ins@x.example,en,EUR',
  ]);
  write('items.csv', [
    'customer_code,number,issue_date,due_date,amount,case',
    ...LANGUAGES.flatMap((entry) => [`${entry.code},${entry.code}-OLD,2026-10-01,2026-11-13,300.00,`, `${entry.code},${entry.code}-NEW,2026-10-20,2026-11-26,100.00,`]),
    'COV01,COV-1,2026-10-01,2026-11-13,100.00,',
    'INS01,K-1-1,2026-06-01,2026-06-01,2000.00,K-1',
  ]);
  write('payments.csv', [
    'customer_code,date,amount,reference,item_number,case',
    ...LANGUAGES.map((entry) => `${entry.code},2026-10-14,150.00,PAY-${entry.code},,`),
    'COV01,2026-11-20,120.00,PAY-COV01,,',
    'INS01,2026-10-01,200.00,PAY-INS01-10,,K-1',
    'INS01,2026-11-01,1.00,PAY-INS01-11,,K-1',
  ]);
  write('plans.csv', ['customer_code,case,installment,day_of_month,start_date', 'INS01,K-1,200.00,1,2026-06-01']);
  for (const kind of ['customers', 'items', 'payments', 'plans']) {
    const run = await box.run(['import', kind, `${kind}.csv`]);
    expect([run.code, run.stderr]).toEqual([0, '']);
  }
  const json = await box.run(['--send-due', '--dry-run', '--json', '--as-of', D]);
  expect([json.code, json.stderr]).toEqual([0, '']);
  plan = JSON.parse(json.stdout) as typeof plan;
  const written = await box.run(['--send-due', '--dry-run', '--as-of', D, '--out', out()]);
  expect([written.code, written.stderr]).toEqual([0, '']);
});

describe('--send-due --dry-run --json', () => {
  it('nets payments on account: total is the overdue item minus "unapplied"; the item not yet due is set apart', () => {
    const en = plan.messages.find((message) => message.customer === 'EN01');
    expect(en).toMatchObject({ kind: 'reminder', level: 'first', items: ['EN01-OLD', 'EN01-NEW'], total: '150.00', unapplied: '150.00', notYetDue: '100.00' });
  });

  it('skips a customer whose payments on account cover everything as covered', () => {
    expect(plan.messages.some((message) => message.customer === 'COV01')).toBe(false);
    expect(plan.skipped).toContainEqual({ customer: 'COV01', reason: 'covered', detail: 'payments on account of EUR 100.00 cover everything asked for' });
  });

  it('asks an installment debtor for the shortfall of the month, not the whole debt', () => {
    const notice = plan.messages.find((message) => message.customer === 'INS01');
    expect(notice).toMatchObject({ kind: 'installment', items: ['K-1'], total: '199.00', unapplied: '0.00' });
  });
});

describe.each(LANGUAGES)('$language message', ({ code, payment, overdue, notDue }) => {
  it('e-mail text and HTML list the payment on account and head the item not yet due apart', () => {
    const eml = readFileSync(join(out(), `${code}-EUR-first.eml`), 'utf8');
    const text = part(eml, 'text/plain');
    expect(text).toMatch(new RegExp(`${payment} PAY-${code}: [-−]150[.,]00 EUR`));
    const order = [`${overdue}:`, `${code}-OLD`, `${notDue} (`, `${code}-NEW`].map((word) => text.indexOf(word));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const html = part(eml, 'text/html');
    expect(html).toContain(`${payment} PAY-${code}`);
    expect(html).toContain(`>${notDue} (`);
  });

  it('the PDF shows the payment on account, the netted total and both headings', async () => {
    const text = (await pdfPages(readFileSync(join(out(), `${code}-EUR-first.pdf`)))).join(' ');
    expect(text).toContain(`${payment} PAY-${code}`);
    expect(text).toMatch(/150[.,]00/);
    expect(text.indexOf(overdue)).toBeLessThan(text.indexOf(`${code}-OLD`));
    expect(text.indexOf(notDue)).toBeGreaterThan(text.indexOf(`${code}-OLD`));
    expect(text.indexOf(notDue)).toBeLessThan(text.indexOf(`${code}-NEW`));
  });
});

describe('installment notice', () => {
  it('says what was paid this month against the instalment and what is still due, in the e-mail and the PDF', async () => {
    const text = part(readFileSync(join(out(), 'INS01-EUR-installment.eml'), 'utf8'), 'text/plain');
    expect(text).toContain('total debt €2,000.00, paid so far €201.00, remaining €1,799.00; this month: paid €1.00 of €200.00, €199.00 due');
    const pdf = (await pdfPages(readFileSync(join(out(), 'INS01-EUR-installment.pdf')))).join(' ');
    expect(pdf).toContain('This month: paid €1.00 of €200.00, €199.00 due');
    expect(pdf).toMatch(/Total due\s+€199\.00/);
  });
});
