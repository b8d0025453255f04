/**
 * The reminder state of migration 5 (reminder_state, customer_last_message) kept by storage's
 * history writes: it must always equal what the message history says, whichever write changed it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import type { MessageStatus } from '../../src/core/domain.js';
import { insertMessage, markSendingUncertain, updateMessageStatus, type NewMessage } from '../../src/storage/messages.js';
import { upsertItems } from '../../src/storage/items.js';
import { migrate } from '../../src/storage/sqljs/migrate.js';
import { MIGRATIONS } from '../../src/storage/sqljs/migrations/index.js';
import { loadSqlEngine } from '../../src/storage/sqljs/sql-engine.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planDue } from '../../src/planning/plan-due.js';
import { openLedger } from '../../src/storage/open-ledger.js';
import { aCustomer, aMessage, anItem, makeLedger, valuesOf } from '../helpers/store.js';
import type { Ledger } from '../../src/storage/ledger.js';
import { readOnlyLedger } from '../../bench/lib/read-only-ledger.js';
import { tempDir } from '../storage/temp-dir.js';
import { databaseBefore } from '../helpers/old-database.js';
import { seed } from './seed.js';

/** State rows (customer, number, level, date) keyed `customer/number`. */
function byItem(rows: readonly unknown[][]): Record<string, { level: string; latest: string }[]> {
  const state: Record<string, { level: string; latest: string }[]> = {};
  for (const [customer, number, level, latest] of rows) {
    (state[`${String(customer)}/${String(number)}`] ??= []).push({ level: String(level), latest: String(latest) });
  }
  return state;
}

/** Each item's state, keyed `customer/number`, only for items that have one. */
async function itemState(ledger: Ledger): Promise<Record<string, { level: string; latest: string }[]>> {
  return byItem(await valuesOf(ledger, 'SELECT customer_code, item_number, level, last_as_of FROM reminder_state ORDER BY customer_code, item_number, level'));
}

/** The same, computed directly from the history (the definition in src/core/rules/README.md). */
async function expectedItemState(ledger: Ledger): Promise<Record<string, { level: string; latest: string }[]>> {
  return byItem(await valuesOf(ledger, `SELECT mi.customer_code, mi.item_number, mi.level, MAX(m.as_of) FROM message_items mi
      JOIN messages m ON m.id = mi.message_id
    WHERE mi.level IS NOT NULL AND m.kind = 'reminder' AND m.status IN ('sent', 'uncertain', 'sending')
    GROUP BY mi.customer_code, mi.item_number, mi.level ORDER BY mi.level`));
}

function lastMessages(ledger: Ledger): Promise<unknown[][]> {
  return valuesOf(ledger, 'SELECT customer_code, last_as_of FROM customer_last_message ORDER BY customer_code');
}

function expectedLastMessages(ledger: Ledger): Promise<unknown[][]> {
  return valuesOf(ledger, `SELECT customer_code, MAX(as_of) FROM messages WHERE status IN ('sent', 'uncertain', 'sending')
    GROUP BY customer_code ORDER BY customer_code`);
}

const line = (itemNumber: string, level: string | null) => ({ itemNumber, level, openAmount: 10000 });

/** A message written the way a database before migration 3 held it (no later columns such as `unapplied`). */
function insertOldMessage(db: Database, m: NewMessage): void {
  db.run(
    `INSERT INTO messages (customer_code, kind, level, currency, as_of, message_id, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [m.customerCode, m.kind, m.level, m.currency, m.asOf, m.messageId, m.status, m.createdAt, m.updatedAt],
  );
  const id = Number(db.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0]);
  for (const item of m.items) {
    db.run('INSERT INTO message_items (message_id, customer_code, item_number, level, open_amount) VALUES (?, ?, ?, ?, ?)', [
      id, m.customerCode, item.itemNumber, item.level, item.openAmount,
    ]);
  }
}

describe('reminder state', () => {
  it('a sent reminder sets the level; moving it to failed falls back to the remaining history', async () => {
    const store = await makeLedger();
    await seed(store, { customers: [aCustomer()], items: [anItem({ number: 'INV-1' })] });
    const ids: number[] = [];
    await store.write(async (sql) => {
      ids.push(await insertMessage(sql, aMessage({ asOf: '2026-02-01', messageId: '<a@t>', items: [line('INV-1', 'first')] })));
      ids.push(await insertMessage(sql, aMessage({ asOf: '2026-03-01', messageId: '<b@t>', items: [line('INV-1', 'first')] })));
    });
    expect(await itemState(store)).toEqual({ 'C001/INV-1': [{ level: 'first', latest: '2026-03-01' }] });
    expect(await lastMessages(store)).toEqual([['C001', '2026-03-01']]);
    await store.write((sql) => updateMessageStatus(sql, ids[1]!, 'failed', 'refused', '2026-03-01T10:00:00Z'));
    expect(await itemState(store)).toEqual({ 'C001/INV-1': [{ level: 'first', latest: '2026-02-01' }] });
    expect(await lastMessages(store)).toEqual([['C001', '2026-02-01']]);
    await store.write((sql) => updateMessageStatus(sql, ids[0]!, 'failed', 'refused', '2026-03-01T10:00:00Z'));
    expect(await itemState(store)).toEqual({});
    expect(await lastMessages(store)).toEqual([]);
    store.close();
  });

  it.each<[MessageStatus, boolean]>([
    ['sent', true],
    ['uncertain', true],
    ['sending', true],
    ['failed', false],
  ])('a reminder with status %s counts: %s', async (status, counts) => {
    const store = await makeLedger();
    await seed(store, {
      customers: [aCustomer()],
      items: [anItem({ number: 'INV-1' })],
      messages: [aMessage({ status, level: 'second', asOf: '2026-02-10', items: [line('INV-1', 'second')] })],
    });
    expect(await itemState(store)).toEqual(counts ? { 'C001/INV-1': [{ level: 'second', latest: '2026-02-10' }] } : {});
    expect(await lastMessages(store)).toEqual(counts ? [['C001', '2026-02-10']] : []);
    store.close();
  });

  it('statements never set a level but count as the last message; sending turned uncertain still counts', async () => {
    const store = await makeLedger();
    await seed(store, {
      customers: [aCustomer()],
      items: [anItem({ number: 'INV-1' }), anItem({ number: 'INV-2' })],
      messages: [
        aMessage({ kind: 'statement', level: null, asOf: '2026-02-20', items: [line('INV-1', 'first'), line('INV-2', null)] }),
        aMessage({ status: 'sending', asOf: '2026-02-10', messageId: '<s@t>', items: [line('INV-2', 'first'), line('INV-1', null)] }),
      ],
    });
    await store.write(async (sql) => void await markSendingUncertain(sql, '2026-02-21T00:00:00Z'));
    expect(await itemState(store)).toEqual({ 'C001/INV-2': [{ level: 'first', latest: '2026-02-10' }] });
    expect(await lastMessages(store)).toEqual([['C001', '2026-02-20']]);
    store.close();
  });

  it('an item written after its history, or re-imported, has the state of that history', async () => {
    const store = await makeLedger();
    await seed(store, {
      customers: [aCustomer()],
      messages: [aMessage({ level: 'final', asOf: '2026-02-10', items: [line('INV-9', 'final')] })],
    });
    await store.write((sql) => upsertItems(sql, [anItem({ number: 'INV-9' })]));
    expect(await itemState(store)).toEqual({ 'C001/INV-9': [{ level: 'final', latest: '2026-02-10' }] });
    await store.write((sql) => upsertItems(sql, [anItem({ number: 'INV-9', openAmount: 5000 })]));
    expect(await itemState(store)).toEqual({ 'C001/INV-9': [{ level: 'final', latest: '2026-02-10' }] });
    store.close();
  });

  it('the migration fills the state from a history written before it', async () => {
    const db = await databaseBefore(3);
    insertOldMessage(db, aMessage({ asOf: '2026-02-10', messageId: '<1@t>', items: [line('INV-1', 'first')] }));
    insertOldMessage(db, aMessage({ asOf: '2026-02-20', messageId: '<2@t>', level: 'second', items: [line('INV-1', 'second')] }));
    insertOldMessage(db, aMessage({ asOf: '2026-03-20', messageId: '<3@t>', status: 'failed', level: 'final', items: [line('INV-1', 'final')] }));
    migrate(db, 'old.db');
    const migrated = readOnlyLedger(db);
    expect(await itemState(migrated)).toEqual({
      'C001/INV-1': [
        { level: 'first', latest: '2026-02-10' },
        { level: 'second', latest: '2026-02-20' },
      ],
    });
    expect(await lastMessages(migrated)).toEqual([['C001', '2026-02-20']]);
    await migrated.close();
  });

  it('equals the history after any sequence of inserts and status changes', async () => {
    const statusArb = fc.constantFrom<MessageStatus>('sending', 'sent', 'failed', 'uncertain');
    const messageArb = fc.record({
      customer: fc.constantFrom('C001', 'C002'),
      kind: fc.constantFrom('reminder' as const, 'reminder' as const, 'statement' as const),
      day: fc.integer({ min: 1, max: 28 }),
      status: statusArb,
      later: fc.option(statusArb, { nil: null }),
      items: fc.uniqueArray(fc.record({ number: fc.constantFrom('A', 'B', 'C'), level: fc.constantFrom('first', 'second', 'final', null) }), {
        selector: (i) => i.number,
        maxLength: 3,
      }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(messageArb, { maxLength: 8 }), async (messages) => {
        const store = await makeLedger();
        const customers = [aCustomer(), aCustomer({ code: 'C002' })];
        const items = customers.flatMap((c) => ['A', 'B'].map((number) => anItem({ customerCode: c.code, number })));
        await seed(store, { customers, items });
        await store.write(async (sql) => {
          const ids: number[] = [];
          for (const [index, m] of messages.entries()) {
            ids.push(await insertMessage(sql, aMessage({
              customerCode: m.customer,
              kind: m.kind,
              level: m.kind === 'reminder' ? 'first' : null,
              asOf: `2026-02-${String(m.day).padStart(2, '0')}`,
              status: m.status,
              messageId: `<p${index}@t>`,
              items: m.items.map((i) => line(i.number, i.level)),
            })));
          }
          for (const [index, m] of messages.entries()) {
            if (m.later !== null) await updateMessageStatus(sql, ids[index]!, m.later, null, '2026-03-01T00:00:00Z');
          }
          // Item C arrives after its history.
          await upsertItems(sql, customers.map((c) => anItem({ customerCode: c.code, number: 'C' })));
        });
        expect(await itemState(store)).toEqual(await expectedItemState(store));
        expect(await lastMessages(store)).toEqual(await expectedLastMessages(store));
        store.close();
      }),
      { numRuns: 40 },
    );
  });

  it('a database file written by schema 4 (triggers and encoded column) opens migrated and plans as before', async () => {
    // Built the way duedesk up to schema 4 built it: its triggers fill items.reminder_levels.
    const old = await databaseBefore(5);
    old.run("UPDATE customers SET email = 'ar@acme.example'");
    old.run(`INSERT INTO items (customer_code, number, kind, issue_date, due_date, amount, open_amount, currency)
      VALUES ('C001', 'INV-2', 'invoice', '2026-01-01', '2026-01-31', 100, 100, 'EUR')`);
    insertOldMessage(old, aMessage({ asOf: '2026-02-07', messageId: '<1@t>', items: [line('INV-1', 'first'), line('INV-2', 'first')] }));
    insertOldMessage(old, aMessage({ asOf: '2026-02-21', messageId: '<2@t>', level: 'second', status: 'failed', items: [line('INV-1', 'second')] }));
    expect(old.exec("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")[0]?.values).toEqual([[10]]);
    const path = join(tempDir(), 'duedesk.sqlite');
    writeFileSync(path, old.export());
    old.close();

    const store = await openLedger(path);
    expect(await itemState(store)).toEqual({
      'C001/INV-1': [{ level: 'first', latest: '2026-02-07' }],
      'C001/INV-2': [{ level: 'first', latest: '2026-02-07' }],
    });
    expect(await lastMessages(store)).toEqual([['C001', '2026-02-07']]);
    // Schema 4's triggers are gone; only the change-count triggers of schema 12 (and 17), schema 17's address clean-up and
    // schema 19's refusal to change the audit trail remain.
    expect(
      await valuesOf(
        store,
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name NOT LIKE '%count%' AND name NOT IN ('customers_clear_replaced_addresses', 'audit_log_no_update', 'audit_log_no_delete')",
      ),
    ).toEqual([]);
    expect(await valuesOf(store, "SELECT name FROM pragma_table_info('items') WHERE name = 'reminder_levels'")).toEqual([]);
    // Reminded at `first` before the upgrade: not again at `first`; the failed `second` is still due.
    const plan = (await planDue(store, {}, '2026-02-25'));
    expect(plan.messages.map((m) => [m.level, m.reminds])).toEqual([['second', ['INV-1', 'INV-2']]]);
    expect((await planDue(store, {}, '2026-02-10')).messages).toEqual([]);
    store.close();
  });
});
