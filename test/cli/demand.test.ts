/**
 * End to end through the command line: a reminder asks only for what is overdue. A final notice
 * listing (scope all-open) an invoice that falls due later sets it apart under its own heading with
 * its subtotal, and the JSON `total` and `notYetDue`, the e-mail text, the HTML, the PDF (read with
 * poppler's pdftotext) and the history agree on the amount asked, in every language. The activity
 * statement's e-mail lists the interest its PDF shows.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney, keepAmountsWhole } from '../../src/core/format.js';
import { sandbox, type Sandbox } from './io.js';

const D = '2026-11-22';

/** What each language calls the parts of the amounts block and the group set apart. */
const LANGUAGES = [
  {
    code: 'DEM-EN', language: 'en', later: 'Not yet overdue (for your information; to be paid by their due dates):', subtotal: 'Subtotal not yet overdue',
    outstanding: 'Outstanding', notYetDue: 'Not yet overdue', unapplied: 'Payments on account', interest: 'Interest', totalDue: 'Total due',
  },
  {
    code: 'DEM-IT', language: 'it', later: 'Non ancora scadute (per Sua informazione; da pagare alle rispettive scadenze):', subtotal: 'Totale non ancora scaduto',
    outstanding: 'Importo aperto', notYetDue: 'Non ancora scaduto', unapplied: 'Pagamenti in acconto', interest: 'Interessi di mora', totalDue: 'Totale dovuto',
  },
  {
    code: 'DEM-EL', language: 'el', later: 'Δεν έχουν ακόμη λήξει (για την ενημέρωσή σας· πληρωτέα κατά τη λήξη τους):', subtotal: 'Σύνολο μη ληξιπρόθεσμων',
    outstanding: 'Ανεξόφλητο υπόλοιπο', notYetDue: 'Μη ληξιπρόθεσμα', unapplied: 'Πληρωμές έναντι λογαριασμού', interest: 'Τόκοι υπερημερίας', totalDue: 'Σύνολο προς πληρωμή',
  },
  {
    code: 'DEM-BG', language: 'bg', later: 'Все още непросрочени (за Ваша информация; платими на падежа си):', subtotal: 'Общо непросрочени',
    outstanding: 'Неплатен остатък', notYetDue: 'Все още непросрочени', unapplied: 'Плащания по сметка', interest: 'Лихва за забава', totalDue: 'Общо дължимо',
  },
  {
    code: 'DEM-PT', language: 'pt', later: 'Ainda não vencidas (para sua informação; a pagar nas respetivas datas de vencimento):', subtotal: 'Total ainda não vencido',
    outstanding: 'Valor em aberto', notYetDue: 'Ainda não vencido', unapplied: 'Pagamentos por conta', interest: 'Juros de mora', totalDue: 'Total a pagar',
  },
] as const;

// 2,404.35 due 82 days ago and 1,272.34 due 33 days ago are overdue; 3,856.84 falls due on 9 December.
const OVERDUE = 240435 + 127234;
const NOT_YET_DUE = 385684;
const PAID_ON_ACCOUNT = 10000;
// 8 % a year: 240435 × 8 % × 82/365 = 43.21 and 127234 × 8 % × 33/365 = 9.20.
const INTEREST = 4321 + 920;
const ASKED = OVERDUE - PAID_ON_ACCOUNT + INTEREST;

let box: Sandbox;
let plan: { messages: Array<Record<string, unknown>> };
let history = '';
const previews = mkdtempSync(join(tmpdir(), 'duedesk-demand-'));
afterAll(() => rmSync(previews, { recursive: true, force: true }));

/** The decoded body of one part (`text/plain` or `text/html`) of an .eml written by --out. */
function part(eml: string, type: string): string {
  const start = eml.indexOf(`Content-Type: ${type}`);
  const header = eml.slice(start, eml.indexOf('\r\n\r\n', start));
  const body = eml.slice(eml.indexOf('\r\n\r\n', start) + 4, eml.indexOf('\r\n--', start));
  if (/base64/i.test(header)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8').replace(/\r\n/g, '\n');
  const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8').replace(/\r\n/g, '\n');
}

/** The PDF's text as poppler's pdftotext lays it out, runs of spaces squeezed. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

beforeAll(async () => {
  box = sandbox();
  const write = (name: string, rows: string[]) => writeFileSync(join(box.dir, name), `${rows.join('\n')}\n`);
  write('customers.csv', ['code,name,email,language,currency', ...LANGUAGES.map((entry) => `${entry.code},Customer ${entry.code},${entry.code.toLowerCase()}@x.example,${entry.language},EUR`)]);
  write('items.csv', [
    'customer_code,number,issue_date,due_date,amount',
    ...LANGUAGES.flatMap(({ code }) => [`${code},${code}-A,2026-08-01,2026-09-01,2404.35`, `${code},${code}-B,2026-09-20,2026-10-20,1272.34`, `${code},${code}-C,2026-11-09,2026-12-09,3856.84`]),
  ]);
  write('payments.csv', ['customer_code,date,amount,reference', ...LANGUAGES.map(({ code }) => `${code},2026-11-02,100.00,PAY-${code}`)]);
  for (const kind of ['customers', 'items', 'payments']) {
    const run = await box.run(['import', kind, `${kind}.csv`]);
    expect([run.code, run.stderr]).toEqual([0, '']);
  }
  const settings: Array<[string, string]> = [
    ['policy.scope', 'all-open'], ['policy.interestRatePercent', '8'], ['company.name', 'Acme Ltd'], ['company.iban', 'GR16 0110 1250 0000 0001 2300 695'],
  ];
  for (const [key, value] of settings) {
    const set = await box.run(['config', 'set', key, value]);
    expect([set.code, set.stderr]).toEqual([0, '']);
  }
  const json = await box.run(['--send-due', '--dry-run', '--json', '--as-of', D]);
  expect([json.code, json.stderr]).toEqual([0, '']);
  plan = JSON.parse(json.stdout) as typeof plan;
  const written = await box.run(['--send-due', '--dry-run', '--as-of', D, '--out', previews]);
  expect([written.code, written.stderr]).toEqual([0, '']);
  // Sent here: the sandbox folder goes after the first test.
  const sent = await box.run(['--send-due', '--as-of', D]);
  expect([sent.code, sent.stderr]).toEqual([0, '']);
  history = (await box.run(['export', 'history'])).stdout;
});

describe('--send-due --json', () => {
  it('asks a final notice for the overdue items only: total without the item not yet due, which is notYetDue', () => {
    for (const { code } of LANGUAGES) {
      const message = plan.messages.find((entry) => entry.customer === code);
      expect(message).toMatchObject({
        kind: 'reminder', level: 'final', items: [`${code}-A`, `${code}-B`],
        total: '3576.69', notYetDue: '3856.84', unapplied: '100.00', interest: '52.41', fee: '0.00',
      });
    }
  });
});

describe.each(LANGUAGES)('$language final notice', (words) => {
  const money = (amount: number) => formatMoney(amount, 'EUR', words.language);
  const eml = () => readFileSync(join(previews, `${words.code}-EUR-final.eml`), 'utf8');
  /** Every line of the amounts block, top to bottom, as label and amount. */
  const amountLines = (): Array<[string, string]> => [
    [`${words.outstanding} (EUR)`, money(OVERDUE + NOT_YET_DUE)],
    [words.notYetDue, money(-NOT_YET_DUE)],
    [words.unapplied, money(-PAID_ON_ACCOUNT)],
    [words.interest, money(INTEREST)],
    [words.totalDue, money(ASKED)],
  ];

  it('e-mail text: the demand is the overdue part; the item not yet due stands apart with its subtotal', () => {
    const text = part(eml(), 'text/plain');
    // The letter's own sentence names the amount asked, never the whole balance.
    expect(text).toContain(money(ASKED));
    expect(text).not.toContain(money(OVERDUE + NOT_YET_DUE - PAID_ON_ACCOUNT + INTEREST));
    const later = text.indexOf(words.later);
    expect(later).toBeGreaterThan(text.indexOf(`${words.code}-B`));
    expect(text.indexOf(`${words.code}-C`)).toBeGreaterThan(later);
    expect(text).toContain(`${words.subtotal}: ${money(NOT_YET_DUE)}`);
    const block = amountLines().map(([label, amount]) => `${label}: ${amount}`);
    expect(text).toContain(block.join('\n'));
  });

  it('HTML: the same heading, subtotal and amount lines in the same order', () => {
    const html = part(eml(), 'text/html');
    expect(html).toContain(words.later.replace(/:$/, ''));
    // The HTML keeps each amount on one line: its inner spaces are no-break there.
    expect(html).toMatch(new RegExp(`${escape(words.subtotal)}(<[^>]+>)*${escape(keepAmountsWhole(money(NOT_YET_DUE)))}`));
    let from = 0;
    for (const [label, amount] of amountLines()) {
      const found = new RegExp(`${escape(label)}:\\s*(<[^>]+>)*${escape(keepAmountsWhole(amount))}`).exec(html.slice(from));
      expect(found, `${label} ${amount}`).not.toBeNull();
      from += found!.index + found![0].length;
    }
  });

  it('PDF (pdftotext): the amount lines and "Total due" are the overdue part, not the whole balance', () => {
    const pdf = join(previews, `${words.code}-EUR-final.pdf`);
    const text = pdfText(pdf);
    let from = 0;
    for (const [label, amount] of amountLines()) {
      const found = new RegExp(`${escape(label)} ${escape(amount)}`).exec(text.slice(from));
      expect(found, `${label} ${amount}`).not.toBeNull();
      from += found!.index + found![0].length;
    }
  });
});

describe('history', () => {
  it('records the amount asked as the message total', () => {
    const [header, ...rows] = history.trim().split('\n');
    const columns = header!.split(',');
    const en = rows.map((row) => row.split(',')).find((cells) => cells[columns.indexOf('customer')] === 'DEM-EN');
    expect(en?.[columns.indexOf('total')]).toBe('3576.69');
  });
});

describe('activity statement', () => {
  it('the e-mail text and HTML list the interest line the PDF shows, between the balance and the amount to pay now', async () => {
    const activity = sandbox();
    writeFileSync(join(activity.dir, 'customers.csv'), 'code,name,email,language,currency\nACT-EL,Ηλιάδης Α.Ε.,a@x.example,el,EUR\nACT-EN,Iliadis Ltd,b@x.example,en,EUR\n');
    writeFileSync(join(activity.dir, 'items.csv'), 'customer_code,number,issue_date,due_date,amount\nACT-EL,F-1,2026-09-15,2026-10-15,15300.78\nACT-EN,F-2,2026-09-15,2026-10-15,15300.78\n');
    for (const [argv] of [[['import', 'customers', 'customers.csv']], [['import', 'items', 'items.csv']], [['config', 'set', 'policy.interestRatePercent', '8']]] as const) {
      const run = await activity.run([...argv]);
      expect([run.code, run.stderr]).toEqual([0, '']);
    }
    const run = await activity.run(['statement', 'ACT-EL', 'ACT-EN', '--kind', 'activity', '--from', '2026-09-01', '--out', 'out']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    // 1530078 × 8 % × 38/365 = 127.44
    const interest = 12744;
    for (const [code, language, interestLabel, dueNow] of [['ACT-EL', 'el', 'Τόκοι υπερημερίας', 'Ποσό προς πληρωμή τώρα'], ['ACT-EN', 'en', 'Interest', 'Amount due now']] as const) {
      const money = (amount: number) => formatMoney(amount, 'EUR', language);
      const eml = readFileSync(join(activity.dir, 'out', `${code}-EUR-statement.eml`), 'utf8');
      const text = part(eml, 'text/plain');
      expect(text.indexOf(`${interestLabel}: ${money(interest)}`)).toBeGreaterThan(text.indexOf(money(1530078)));
      expect(text).toContain(`${interestLabel}: ${money(interest)}\n${dueNow}: ${money(1530078 + interest)}`);
      expect(part(eml, 'text/html')).toMatch(new RegExp(`${escape(interestLabel)}:\\s*(<[^>]+>)*${escape(keepAmountsWhole(money(interest)))}`));
      const pdf = pdfText(join(activity.dir, 'out', `${code}-EUR-statement.pdf`));
      expect(pdf).toContain(`${interestLabel} ${money(interest)}`);
      expect(pdf).toContain(`${dueNow} ${money(1530078 + interest)}`);
    }
  });
});
