/**
 * Planning walks the customers range by range; on PostgreSQL each range's candidate search must
 * read only that range of every table it touches. Told the range on the driving table alone, the
 * server hashed the whole of reminder_state and customer_last_message for every range. On a
 * ledger big enough for the planner to care (and analysed), EXPLAIN shows no sequential scan of
 * those tables; and planning in ranges finds what planning at once finds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/core/policy.js';
import { planDue } from '../../src/planning/plan-due.js';
import { candidateCustomers, customerRanges } from '../../src/storage/planning-queries.js';
import type { Row, Sql, SqlValue } from '../../src/storage/sql.js';
import { emptyPostgresLedger, pgAvailable } from '../helpers/pg.js';
import { seed } from '../planning/seed.js';
import { D, dataArb, mergeSeeds } from '../planning/random-ledger.js';

/** `sql`, keeping every query it is asked and its parameters. */
function recording(sql: Sql, seen: [string, readonly SqlValue[]][]): Sql {
  return {
    dialect: sql.dialect,
    all: (query, params = []) => {
      seen.push([query, params]);
      return sql.all(query, params);
    },
    run: (query, params) => sql.run(query, params),
    runMany: (query, sets) => sql.runMany(query, sets),
  };
}

describe.skipIf(!pgAvailable)('the candidate search on PostgreSQL, range by range', () => {
  it('reads no whole reminder_state or customer_last_message for one range', async () => {
    const ledger = await emptyPostgresLedger();
    await ledger.write(async (sql) => {
      await sql.run(`INSERT INTO customers (code, name, currency, email)
        SELECT 'C' || lpad(n::text, 6, '0'), 'Customer ' || n, 'EUR', 'c' || n || '@example.com' FROM generate_series(1, 50000) AS n`);
      await sql.run(`INSERT INTO items (customer_code, number, kind, issue_date, due_date, amount, open_amount, currency)
        SELECT 'C' || lpad((1 + n % 50000)::text, 6, '0'), 'INV-' || n, 'invoice', DATE '2026-01-01', DATE '2026-02-01' + (n % 90), 10000, 10000, 'EUR'
        FROM generate_series(1, 250000) AS n`);
      await sql.run(`INSERT INTO reminder_state (customer_code, item_number, level, last_as_of, sends)
        SELECT customer_code, number, 'first', DATE '2026-04-01', 1 FROM items WHERE right(number, 1) IN ('1', '3', '5', '7')`);
      await sql.run(`INSERT INTO customer_last_message (customer_code, last_as_of)
        SELECT DISTINCT customer_code, DATE '2026-04-01' FROM reminder_state`);
      await sql.run('ANALYZE customers, items, reminder_state, customer_last_message');
    });
    const policy = resolvePolicy({ policy: { statementEveryDays: 30 } });
    const plans = await ledger.read(async (sql) => {
      const { ranges } = await customerRanges(sql, 5000);
      const range = ranges[3]!;
      const seen: [string, readonly SqlValue[]][] = [];
      const codes = await candidateCustomers(recording(sql, seen), policy, D, range);
      expect(codes.length).toBeGreaterThan(0);
      expect(codes.every((code) => code >= range.from! && code < range.to!)).toBe(true);
      return Promise.all(seen.map(async ([query, params]) => (await sql.all(`EXPLAIN ${query}`, params)).map((row: Row) => String(Object.values(row)[0]))));
    });
    const lines = plans.flat();
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.filter((line) => /Seq Scan on (reminder_state|customer_last_message|items)\b/.test(line))).toEqual([]);
  });

  it('planning in ranges finds what planning at once finds', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, async ([customers, policy]) => {
        const ledger = await emptyPostgresLedger();
        await seed(ledger, mergeSeeds(customers));
        const { changeCounts: _once, ...once } = await planDue(ledger, { policy }, D);
        const { changeCounts: _stepped, ...stepped } = await planDue(ledger, { policy }, D, undefined, { onProgress: () => undefined, customersPerStep: 2 });
        expect(stepped).toEqual(once);
      }),
      { numRuns: 15 },
    );
  });
});
