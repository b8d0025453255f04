/**
 * db copy moves a whole ledger, history included, between engines: every table and id kept,
 * a non-empty destination refused unless replace, and new messages numbered after the copied ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyLedger } from '../../../src/storage/ledger-copy.js';
import type { Ledger } from '../../../src/storage/ledger.js';
import { ledgerTables, quoteName } from '../../../src/storage/ledger-catalog.js';
import { openPostgresLedger } from '../../../src/storage/postgres/postgres-ledger.js';
import type { Row } from '../../../src/storage/sql.js';
import { dropDatabase, freshDatabase, pgAvailable } from '../../helpers/pg.js';

/**
 * Every row of every table, by table, in a stable order; without the customers' change counts,
 * which each ledger moves itself as rows are written (the copy's own inserts move them).
 */
async function contents(ledger: Ledger): Promise<Record<string, Row[]>> {
  return ledger.read(async (sql) => {
    const out: Record<string, Row[]> = {};
    for (const table of await ledgerTables(sql)) {
      const rows = await sql.all(`SELECT * FROM ${quoteName(table.name)} ORDER BY ${table.columns.map(quoteName).join(', ')}`);
      out[table.name] = rows.map(({ change_count: _count, ...row }) => row);
    }
    return out;
  });
}

/** A small ledger with a history: a customer, an item, a sent reminder listing it. */
async function fill(ledger: Ledger): Promise<void> {
  await ledger.write(async (sql) => {
    await sql.run(`INSERT INTO customers (code, name, email, currency) VALUES ('C1', 'Ελληνική Α.Ε.', 'a@x.example', 'EUR')`);
    await sql.run(`INSERT INTO items (customer_code, number, kind, issue_date, due_date, amount, open_amount, currency)
      VALUES ('C1', 'INV-1', 'invoice', '2026-01-01', '2026-01-31', 12345, 12345, 'EUR')`);
    await sql.run(`INSERT INTO payments (reference, customer_code, date, amount, currency) VALUES ('P1', 'C1', '2026-02-01', 100, 'EUR')`);
    await sql.run(`INSERT INTO messages (id, customer_code, kind, level, currency, as_of, message_id, status, total, created_at, updated_at)
      VALUES (41, 'C1', 'reminder', 'first', 'EUR', '2026-02-07', '<m41@x>', 'sent', 12245, '2026-02-07T08:00:00.000Z', '2026-02-07T08:00:01.000Z')`);
    await sql.run(`INSERT INTO message_items (message_id, customer_code, item_number, level, open_amount) VALUES (41, 'C1', 'INV-1', 'first', 12345)`);
    await sql.run(`INSERT INTO reminder_state (customer_code, item_number, level, last_as_of) VALUES ('C1', 'INV-1', 'first', '2026-02-07')`);
    await sql.run(`INSERT INTO customer_last_message (customer_code, last_as_of) VALUES ('C1', '2026-02-07')`);
  });
}

describe.skipIf(!pgAvailable)('db copy between PostgreSQL ledgers', () => {
  const urls: string[] = [];
  const ledgers: Ledger[] = [];
  const open = async (): Promise<Ledger> => {
    const url = await freshDatabase();
    urls.push(url);
    const ledger = await openPostgresLedger({ url });
    ledgers.push(ledger);
    return ledger;
  };
  let source: Ledger;

  beforeAll(async () => {
    source = await open();
    await fill(source);
  });
  afterAll(async () => {
    await Promise.all(ledgers.map((l) => l.close()));
    await Promise.all(urls.map(dropDatabase));
  });

  it('copies every table with its history and ids, and numbers new messages after them', async () => {
    const dest = await open();
    const report = await copyLedger(source, dest, { replace: false });
    expect(report.find((r) => r.table === 'messages')).toEqual({ table: 'messages', rows: 1 });
    expect(report.map((r) => r.table).indexOf('customers')).toBeLessThan(report.map((r) => r.table).indexOf('items'));
    expect(await contents(dest)).toEqual(await contents(source));
    const [row] = await dest.write((sql) =>
      sql.all(`INSERT INTO messages (customer_code, kind, currency, as_of, message_id, status, created_at, updated_at)
        VALUES ('C1', 'statement', 'EUR', '2026-03-01', '<new@x>', 'sending', 'x', 'x') RETURNING id`),
    );
    expect(row!.id).toBe(42);
  });

  it('refuses a destination that holds a ledger, naming what it holds, and changes nothing', async () => {
    const dest = await open();
    await dest.write((sql) => sql.run(`INSERT INTO customers (code, name, currency) VALUES ('X9', 'Other', 'EUR')`));
    const before = await contents(dest);
    await expect(copyLedger(source, dest, { replace: false })).rejects.toThrow(
      /already holds a ledger \(customers 1\); add --replace to overwrite it/,
    );
    expect(await contents(dest)).toEqual(before);
    await copyLedger(source, dest, { replace: true });
    expect(await contents(dest)).toEqual(await contents(source));
  });
});
