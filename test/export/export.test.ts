import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { insertMessage } from '../../src/storage/messages.js';
import { acknowledgeMessage } from '../../src/storage/acknowledgements.js';
import { aMessage, valuesOf } from '../helpers/store.js';
import { localTime } from '../../src/core/local-time.js';

/** The customers' names as stored, by code. */
async function customerNames(h: Harness): Promise<Map<string, string>> {
  return new Map((await valuesOf(h.store, 'SELECT code, name FROM customers')).map((row) => [String(row[0]), String(row[1])]));
}
import { makeHarness, tempCsv, type Harness } from '../import/harness.js';

async function seeded(): Promise<Harness> {
  const h = await makeHarness();
  await h.importCsv(['customers', 'customers.csv']);
  await h.importCsv(['items', 'items-semicolon.csv', '--decimal-comma', '--date-format', 'DMY']);
  await h.importCsv(['items', 'items.tsv']);
  await h.importCsv(['payments', 'payments.csv']);
  return h;
}

/** The customers and items as stored, but for the customers' change count: it counts each ledger's own writes. */
const tables = async (h: Harness): Promise<string> => {
  const columns = (await valuesOf(h.store, "SELECT name FROM pragma_table_info('customers') ORDER BY cid")).map((row) => row[0]);
  const count = columns.indexOf('change_count');
  return (
    await Promise.all(
      ['customers', 'items'].map(async (t) => {
        const rows = await valuesOf(h.store, `SELECT * FROM ${t} ORDER BY 1, 2`);
        return JSON.stringify(t === 'customers' ? rows.map((row) => row.filter((_, index) => index !== count)) : rows);
      }),
    )
  ).join('\n');
};

describe('export customers|items', () => {
  it('writes exactly the import columns, plain decimals with a dot and ISO dates', async () => {
    const h = await seeded();
    const items = await h.exportCsv(['items']);
    expect(items.code).toBe(0);
    const lines = items.stdout.split('\n');
    expect(lines[0]).toBe('customer_code,number,issue_date,due_date,amount,open_amount,currency,kind,reference,case,hold_until,dispute');
    expect(lines).toContain('C001,INV-100,2026-01-15,2026-02-14,1234.50,800.00,EUR,invoice,RF18539007547034,,,');
    expect(lines).toContain('C001,CN-7,2026-01-20,2026-01-20,-100.00,-100.00,EUR,credit_note,,,,');
    expect(lines).toContain('C006,INV-300,2026-02-01,2026-03-01,125000,125000,JPY,invoice,,,,');
    const customers = await h.exportCsv(['customers']);
    const [header, ...rows] = parse(customers.stdout) as string[][];
    expect(header).toEqual(['code', 'name', 'email', 'email2', 'email3', 'language', 'currency', 'reminders',
      'statement_every_days', 'agent_email', 'hold_until', 'notes', 'profile', 'statements',
      'contact_person', 'phone', 'address_line1', 'address_line2', 'postal_code', 'city', 'country']);
    expect(rows.find((r) => r[0] === 'C003')).toEqual(['C003', 'Българска Търговия ООД', 'smetki@targovia.example', '', '',
      'bg', 'BGN', 'yes', '', '', '', 'Pays late,\ncalls first', '', 'yes', '', '', '', '', '', '', '']);
    // A file without a statements column: statements follow reminders, as when one switch did both.
    expect(rows.find((r) => r[0] === 'C004')?.[7]).toBe('no');
    expect(rows.find((r) => r[0] === 'C004')?.[13]).toBe('no');
  });

  it('round trip: the export imports into an empty database as the same data', async () => {
    const h = await seeded();
    const customers = (await h.exportCsv(['customers'])).stdout;
    const items = (await h.exportCsv(['items'])).stdout;
    const fresh = await makeHarness();
    const c = await fresh.importCsv(['customers', 'c.csv'], tempCsv('c.csv', customers));
    expect(c.stdout).toBe('customers: 6 added, 0 updated, 0 unchanged\n');
    const i = await fresh.importCsv(['items', 'i.csv'], tempCsv('i.csv', items));
    expect(i.stdout).toBe('items: 6 added, 0 updated, 0 unchanged\n');
    expect(await tables(fresh)).toBe(await tables(h));
  });

  it('round trip: the export imported over the same database changes nothing', async () => {
    const h = await seeded();
    const before = (await tables(h));
    const customers = await h.importCsv(['customers', 'c.csv'], tempCsv('c.csv', (await h.exportCsv(['customers'])).stdout));
    const items = await h.importCsv(['items', 'i.csv', '--snapshot'], tempCsv('i.csv', (await h.exportCsv(['items'])).stdout));
    expect(customers.stdout).toBe('customers: 0 added, 0 updated, 6 unchanged\n');
    expect(items.stdout).toBe('items: 0 added, 0 updated, 6 unchanged, 0 closed\n');
    expect(await tables(h)).toBe(before);
  });

  it('an empty database exports just the header', async () => {
    const h = await makeHarness();
    expect((await h.exportCsv(['customers'])).stdout).toBe(
      'code,name,email,email2,email3,language,currency,reminders,statement_every_days,agent_email,hold_until,notes,profile,statements,' +
        'contact_person,phone,address_line1,address_line2,postal_code,city,country\n',
    );
  });
});

describe('export history', () => {
  async function withHistory(): Promise<Harness> {
    const h = await seeded();
    await h.store.write(async (sql) => {
      await insertMessage(sql, aMessage({ asOf: '2026-02-15', messageId: '<a@x>', total: 123450, items: [
        { itemNumber: 'INV-100', level: 'first', openAmount: 100000 }, { itemNumber: 'CN-7', level: null, openAmount: -10000 },
      ], cc: ['agent@duedesk.example'] }));
      await insertMessage(sql, aMessage({ asOf: '2026-03-01', messageId: '<b@x>', customerCode: 'C003', kind: 'installment',
        level: null, currency: 'BGN', status: 'failed', error: '550 mailbox unavailable', cases: ['CASE-9'], fee: 500 }));
      await insertMessage(sql, aMessage({ asOf: '2026-03-20', messageId: '<c@x>', currency: 'JPY', total: 125000, outstanding: 125000 }));
    });
    return h;
  }

  it('one row per message with every column, amounts in major units', async () => {
    const h = await withHistory();
    const run = await h.exportCsv(['history']);
    const [header, ...all] = parse(run.stdout) as string[][];
    // The customer's name and local times come after the earlier columns, which read the same.
    expect(header).toEqual(['id', 'date', 'sent_at', 'customer', 'kind', 'level', 'currency', 'to', 'cc', 'status', 'error',
      'message_id', 'total', 'fee', 'interest', 'outstanding', 'operator', 'items', 'acknowledged_by', 'acknowledged_at',
      'customer_name', 'sent_at_local', 'acknowledged_at_local']);
    const sentLocal = localTime('2026-02-15T09:00:00.000Z', true);
    expect(all.map((r) => r.slice(20))).toEqual([
      [(await customerNames(h)).get('C001'), sentLocal, ''],
      [(await customerNames(h)).get('C003'), sentLocal, ''],
      [(await customerNames(h)).get('C001'), sentLocal, ''],
    ]);
    const rows = all.map((r) => r.slice(0, 20));
    expect(rows).toEqual([
      ['1', '2026-02-15', '2026-02-15T09:00:00.000Z', 'C001', 'reminder', 'first', 'EUR', 'ar@acme.example',
        'agent@duedesk.example', 'sent', '', '<a@x>', '1234.50', '0.00', '0.00', '100.00', 'test', 'INV-100, CN-7', '', ''],
      ['2', '2026-03-01', '2026-02-15T09:00:00.000Z', 'C003', 'installment', '', 'BGN', 'ar@acme.example', '', 'failed',
        '550 mailbox unavailable', '<b@x>', '100.00', '5.00', '0.00', '100.00', 'test', 'CASE-9', '', ''],
      ['3', '2026-03-20', '2026-02-15T09:00:00.000Z', 'C001', 'reminder', 'first', 'JPY', 'ar@acme.example', '', 'sent', '',
        '<c@x>', '125000', '0', '0', '125000', 'test', '', '', ''],
    ]);
  });

  it('names who acknowledged a failed message and when, after the other columns (a formula-like name escaped)', async () => {
    const h = await withHistory();
    await h.store.write((sql) => acknowledgeMessage(sql, 2, '=Maria', '2026-03-02T10:15:00.000Z'));
    const rows = parse((await h.exportCsv(['history'])).stdout) as string[][];
    expect(rows.map((r) => r.slice(18, 20))).toEqual([
      ['acknowledged_by', 'acknowledged_at'],
      ['', ''],
      ["'=Maria", '2026-03-02T10:15:00.000Z'],
      ['', ''],
    ]);
    const raw = parse((await h.exportCsv(['history', '--raw'])).stdout) as string[][];
    expect(raw[2]?.slice(18, 20)).toEqual(['=Maria', '2026-03-02T10:15:00.000Z']);
    expect(rows[2]?.[22]).toBe(localTime('2026-03-02T10:15:00.000Z', true));
  });

  it.each([
    [['--from', '2026-03-01'], ['2', '3']],
    [['--to', '2026-03-01'], ['1', '2']],
    [['--from', '2026-02-16', '--to', '2026-03-19'], ['2']],
    [['--from', '2026-04-01'], []],
  ])('filters by as-of date %j', async (range, ids) => {
    const h = await withHistory();
    const rows = parse((await h.exportCsv(['history', ...range])).stdout) as string[][];
    expect(rows.slice(1).map((r) => r[0])).toEqual(ids);
  });
});

describe('export arguments', () => {
  it.each([
    [['history', '--from', '2026-02-30'], 'export: --from "2026-02-30" is not a date YYYY-MM-DD'],
    [['history', '--from', '2026-03-02', '--to', '2026-03-01'], 'export: --from 2026-03-02 is after --to 2026-03-01'],
    [['items', '--from', '2026-01-01'], 'export: --from/--to apply to export history, audit and inbox only'],
    [['plans'], 'export: unknown kind "plans"'],
    [[], 'export: what?'],
    [['items', '--colour'], "export: Unknown option '--colour'"],
  ])('%j is refused', async (args, message) => {
    const h = await makeHarness();
    await expect(h.exportCsv(args)).rejects.toThrow(message);
  });
});

describe('export --bom', () => {
  it('starts the CSV with a UTF-8 byte order mark and changes nothing else', async () => {
    const h = await seeded();
    const plain = await h.exportCsv(['customers']);
    const marked = await h.exportCsv(['customers', '--bom']);
    expect(marked.code).toBe(0);
    expect(marked.stdout.startsWith('\uFEFF')).toBe(true);
    expect(plain.stdout.startsWith('\uFEFF')).toBe(false);
    expect(marked.stdout.slice(1)).toBe(plain.stdout);
  });
});
