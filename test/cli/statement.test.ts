/** `duedesk statement` end to end: real CSV imports, real files, the outbox transport, history. */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { pdfPages } from '../documents/pdf-text.js';
import { sandbox, type Sandbox } from './io.js';

/** The plain-text part of an .eml file, decoded (quoted-printable or base64). */
function plainText(eml: string): string {
  const part = /Content-Type: text\/plain[^\r\n]*\r\n(?:[^\r\n]+\r\n)*?Content-Transfer-Encoding: ([\w-]+)\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(eml);
  if (!part) throw new Error('no text/plain part');
  const [, encoding, body = ''] = part;
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding !== 'quoted-printable') return body;
  const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

let box: Sandbox;

async function ok(argv: string[]) {
  const result = await box.run(argv);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result;
}

beforeEach(async () => {
  box = sandbox();
  const file = (name: string, text: string) => {
    writeFileSync(join(box.dir, name), text);
    return join(box.dir, name);
  };
  await ok(['import', 'customers', file('customers.csv', 'code,name,email,language,currency\nC001,Rossi Forniture,ar@rossi.test,en,EUR\nC002,Αθήνα ΑΕ,ap@athina.test,el,EUR\n')]);
  await ok([
    'import',
    'items',
    file(
      'items.csv',
      'customer_code,number,issue_date,due_date,amount,currency,kind\n' +
        'C001,F-1,2026-09-01,2026-10-01,1000.00,EUR,invoice\n' +
        'C001,F-2,2026-11-05,2026-12-05,500.00,EUR,invoice\n' +
        'C001,NC-1,2026-11-12,2026-11-12,-50.00,EUR,credit_note\n' +
        'C001,U-1,2026-10-10,2026-11-10,300.00,USD,invoice\n' +
        'C002,E-1,2026-10-01,2026-10-31,200.00,EUR,invoice\n',
    ),
  ]);
  await ok(['import', 'payments', file('payments.csv', 'customer_code,date,amount,reference,item_number\nC001,2026-11-15,400.00,BON-1,F-1\n')]);
  // A ladder that reaches nobody yet, so the cadence tests see statements, not reminders.
  await ok(['config', 'set', 'policy.levels', '[{"id":"late","name":"Late","days":400,"template":"final"}]']);
});

describe('duedesk statement --out', () => {
  it('writes one statement per currency of the customer, readable by the operator only', async () => {
    const { stdout } = await ok(['statement', 'C001', '--out', 'out']);
    const out = join(box.dir, 'out');
    expect(readdirSync(out).sort()).toEqual(['C001-EUR-statement.eml', 'C001-EUR-statement.pdf', 'C001-USD-statement.eml', 'C001-USD-statement.pdf']);
    expect(stdout).toContain(join(out, 'C001-USD-statement.pdf'));
    for (const name of readdirSync(out)) expect(statSync(join(out, name)).mode & 0o777).toBe(0o600);
    const usd = (await pdfPages(readFileSync(join(out, 'C001-USD-statement.pdf')))).join(' ');
    expect(usd).toContain('U-1');
    expect(usd).not.toContain('F-1');
    const eur = plainText(readFileSync(join(out, 'C001-EUR-statement.eml'), 'utf8'));
    for (const number of ['F-1', 'F-2', 'NC-1']) expect(eur).toContain(number);
    // All open items by default: 600 + 500 − 50.
    expect(eur).toContain('€1,050.00');
  });

  it('--scope overdue lists only what is overdue; --json prints the --send-due --json object', async () => {
    const { stdout } = await ok(['statement', 'C001', '--scope', 'overdue', '--out', 'out', '--json']);
    const json = JSON.parse(stdout) as { dryRun: boolean; messages: Array<{ customer: string; currency: string; kind: string; items: string[]; total: string; status: string }> };
    expect(json.dryRun).toBe(true);
    expect(json.messages.map((m) => [m.customer, m.kind, m.currency, m.items, m.total, m.status])).toEqual([
      ['C001', 'statement', 'EUR', ['F-1', 'NC-1'], '550.00', 'planned'],
      ['C001', 'statement', 'USD', ['U-1'], '300.00', 'planned'],
    ]);
  });

  it('--kind activity: opening balance, the period in date order and a closing balance equal to what is open', async () => {
    await ok(['statement', 'C001', '--from', '2026-11-01', '--out', 'out']);
    const out = join(box.dir, 'out');
    const text = plainText(readFileSync(join(out, 'C001-EUR-statement.eml'), 'utf8'));
    expect(text).toContain('the activity on your account from 01/11/2026 to 22/11/2026');
    expect(text).toContain('Opening balance (01/11/2026): €1,000.00');
    const lines = text.split('\n').filter((line) => line.startsWith('- '));
    expect(lines.map((line) => line.split(/\s+/)[2])).toEqual(['F-2', 'NC-1', 'BON-1']);
    expect(text).toContain('Payment for F-1');
    expect(text).toContain('Closing balance (22/11/2026): €1,050.00');
    const pdf = (await pdfPages(readFileSync(join(out, 'C001-EUR-statement.pdf')))).join(' ');
    expect(pdf).toContain('Opening balance');
    expect(pdf).toContain('Closing balance');
    expect(pdf).toContain('€1,050.00');
    expect(pdf).toContain('BON-1');
  });

  it.each<[string[], string]>([
    [['statement', 'C001'], 'duedesk: statement needs --out DIR (write the files) or --send (see duedesk --help)'],
    [['statement', 'C001', '--out', 'o', '--send'], 'duedesk: statement takes --out DIR or --send, not both (see duedesk --help)'],
    [['statement', '--send'], 'duedesk: statement needs at least one customer code (see duedesk --help)'],
    [['statement', 'C001', '--send', '--scope', 'late'], 'duedesk: --scope must be overdue or all-open (got "late") (see duedesk --help)'],
    [['statement', 'C001', '--send', '--kind', 'open-items', '--from', '2026-11-01'], 'duedesk: --from/--to give the period of an activity statement; they cannot be used with --kind open-items (see duedesk --help)'],
    [['statement', 'C001', '--send', '--to', '2026-11-01'], 'duedesk: --to needs --from (the period of an activity statement) (see duedesk --help)'],
    [['statement', 'C001', '--send', '--from', '2026-11-30', '--to', '2026-11-01'], 'duedesk: --to 2026-11-01 is before --from 2026-11-30 (see duedesk --help)'],
    [['statement', 'C001', '--send', '--from', '2026-11-31'], 'duedesk: --from: "2026-11-31" is not a date (YYYY-MM-DD) (see duedesk --help)'],
    [['statement', 'C001', '--send', '--from', '2026-12-01'], 'duedesk: --from 2026-12-01 is after the statement date 2026-11-22 (see --as-of)'],
    [['statement', 'C001', '--send', '--dry-run'], 'duedesk: --dry-run works only with --send-due or import bank (see duedesk --help)'],
    [['export', 'items', '--send'], 'duedesk: --send works only with statement (--send-due sends everything due) (see duedesk --help)'],
    [['statement', 'C001', 'NOPE', '--out', 'out'], 'duedesk: unknown customer "NOPE"'],
  ])('%j is refused with exit 2 and changes nothing', async (argv, message) => {
    const result = await box.run(argv);
    expect(result.stderr).toBe(`${message}\n`);
    expect(result.code).toBe(2);
    expect(existsSync(join(box.dir, 'out'))).toBe(false);
    expect(existsSync(join(box.dir, 'outbox'))).toBe(false);
  });
});

describe('duedesk statement --send', () => {
  it('sends each currency once, records it in the history, and a second --send the same day sends nothing and says so', async () => {
    const first = await ok(['statement', 'C001', '--send']);
    expect(first.stdout).toContain('sent 2');
    const outbox = join(box.dir, 'outbox');
    expect(readdirSync(outbox).filter((name) => name.endsWith('.eml'))).toHaveLength(2);
    const history = await ok(['export', 'history']);
    expect(history.stdout.split('\n').filter((line) => line.includes(',statement,'))).toHaveLength(2);

    const second = await box.run(['statement', 'C001', '--send']);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('2 message(s) were already sent for this date and were not sent again');
    expect(readdirSync(outbox).filter((name) => name.endsWith('.eml'))).toHaveLength(2);
  });
});

describe('periodic activity statements (policy.statementKind activity)', () => {
  it('cover from the day after the previous statement, or the last N days when there was none', async () => {
    await ok(['config', 'set', 'policy.statementKind', 'activity']);
    await ok(['config', 'set', 'policy.statementEveryDays', '10']);
    await ok(['--send-due', '--dry-run', '--as-of', '2026-11-22', '--out', 'first']);
    const first = plainText(readFileSync(join(box.dir, 'first', 'C002-EUR-statement.eml'), 'utf8'));
    // No statement before: the last 10 days, 13–22 November; E-1 is brought forward.
    expect(first).toContain('την κίνηση του λογαριασμού σας');
    expect(first).toContain('Υπόλοιπο από μεταφορά (13/11/2026): 200,00 €');
    await ok(['--send-due', '--as-of', '2026-11-22']);
    await ok(['--send-due', '--dry-run', '--as-of', '2026-12-05', '--out', 'second']);
    const second = plainText(readFileSync(join(box.dir, 'second', 'C001-EUR-statement.eml'), 'utf8'));
    expect(second).toContain('Opening balance (23/11/2026): €1,050.00');
    expect(second).toContain('Closing balance (05/12/2026): €1,050.00');
  });
});
