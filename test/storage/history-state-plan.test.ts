/**
 * The planning state's refresh reads only the touched keys' history, whatever SQLite knows of the
 * tables: on a ledger never ANALYZEd (no sqlite_stat1, as every ledger duedesk writes until it
 * optimizes) the plan goes through the per-item and per-customer indexes, never the status index
 * that reads every counted message — so a send does not slow down as the history grows.
 */
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../src/storage/open-ledger.js';
import type { EngineName } from '../../src/storage/engine-names.js';
import { historyStateStatements } from '../../src/storage/history-state.js';
import { upsertCustomers } from '../../src/storage/customers.js';
import { upsertItems } from '../../src/storage/items.js';
import { applyMessageStates } from '../../src/storage/delivery-history.js';
import { aCustomer, aMessage, anItem, valuesOf } from '../helpers/store.js';

const ENGINES: EngineName[] = process.getBuiltinModule?.('node:sqlite') === undefined ? ['sqljs'] : ['sqljs', 'native'];

describe.each(ENGINES)('refreshing the planning state on %s', (engine) => {
  it('reads the history by item and by customer on a ledger that was never analysed', async () => {
    const ledger = await openLedger(null, { engine });
    await ledger.write(async (sql) => {
      await upsertCustomers(sql, [aCustomer({ code: 'C1' }), aCustomer({ code: 'C2' })]);
      await upsertItems(sql, [anItem({ customerCode: 'C1', number: 'I1' }), anItem({ customerCode: 'C2', number: 'I2' })]);
    });
    expect(await valuesOf(ledger, "SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")).toEqual([]);
    const plans = await ledger.read(async (sql) =>
      Promise.all(historyStateStatements(sql).map(async (statement) => (await sql.all(`EXPLAIN QUERY PLAN ${statement}`, ['[1, 2]'])).map((row) => String(row.detail)))),
    );
    const everything = plans.flat();
    expect(everything.filter((detail) => /messages_by_status|SCAN (m|mi|messages|message_items|reminder_state|customer_last_message)\b/.test(detail))).toEqual([]);
    expect(plans[1]).toEqual(expect.arrayContaining([expect.stringMatching(/SEARCH mi USING INDEX message_items_by_item \(customer_code=\? AND item_number=\?/), 'SEARCH m USING INTEGER PRIMARY KEY (rowid=?)']));
    expect(plans[3]).toEqual(expect.arrayContaining(['SEARCH m USING INDEX messages_by_customer (customer_code=?)']));
    await ledger.close();
  });

  it('a batch of states refreshes the state of all its messages at once, as one message at a time would', async () => {
    const ledger = await openLedger(null, { engine });
    await ledger.write(async (sql) => {
      await upsertCustomers(sql, [aCustomer({ code: 'C1' }), aCustomer({ code: 'C2' })]);
      await upsertItems(sql, [anItem({ customerCode: 'C1', number: 'I1' }), anItem({ customerCode: 'C2', number: 'I2' })]);
    });
    const state = (code: string, item: string, level: 'first' | 'second', asOf: string, status: 'sent' | 'failed') => {
      const { status: _s, error: _e, createdAt, updatedAt, ...record } = aMessage({ customerCode: code, level, asOf, messageId: `<${code}-${level}@t>`, items: [{ itemNumber: item, level, openAmount: 10000 }] });
      return { record: { ...record, key: `${code}-${level}` }, status, error: null, recipients: [], createdAt, updatedAt };
    };
    await ledger.write((sql) =>
      applyMessageStates(sql, [state('C1', 'I1', 'first', '2026-02-01', 'sent'), state('C1', 'I1', 'second', '2026-02-20', 'sent'), state('C2', 'I2', 'first', '2026-02-03', 'failed')]),
    );
    expect(await valuesOf(ledger, 'SELECT customer_code, item_number, level, last_as_of, sends FROM reminder_state ORDER BY 1, 2, 3')).toEqual([
      ['C1', 'I1', 'first', '2026-02-01', 1],
      ['C1', 'I1', 'second', '2026-02-20', 1],
    ]);
    expect(await valuesOf(ledger, 'SELECT customer_code, last_as_of FROM customer_last_message ORDER BY 1')).toEqual([['C1', '2026-02-20']]);
    await ledger.close();
  });
});
