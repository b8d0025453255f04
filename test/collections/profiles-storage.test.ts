/** The collections workflow on a real database: profiles, switches, disputes and maxRepeats as planning loads them. */
import { describe, expect, it } from 'vitest';
import { planDue } from '../../src/planning/plan-due.js';
import { migrate } from '../../src/storage/sqljs/migrate.js';
import { MIGRATIONS } from '../../src/storage/sqljs/migrations/index.js';
import type { Settings } from '../../src/core/settings.js';
import { databaseBefore } from '../helpers/old-database.js';
import { aCustomer, aMessage, anItem, makeLedger } from '../helpers/store.js';
import { seed } from '../planning/seed.js';

const D = '2026-03-20';
const quick: Settings = {
  policy: {
    levels: [{ id: 'first', name: 'First', days: 7, template: 'first' }],
    profiles: { quick: { levels: [{ id: 'early', name: 'Early', days: 2, template: 'first' }] } },
  },
};

describe('planning from the database', () => {
  it("finds a customer whose own profile's ladder has reached a level the default one has not", async () => {
    const store = await makeLedger();
    await seed(store, {
      customers: [aCustomer({ profile: 'quick' }), aCustomer({ code: 'C002' })],
      items: [anItem({ dueDate: '2026-03-17' }), anItem({ customerCode: 'C002', dueDate: '2026-03-17' })],
    });
    const plan = await planDue(store, quick, D);
    expect(plan.messages.map((m) => [m.key, m.level])).toEqual([['C001-EUR-early', 'early']]);
  });

  it('reports a customer whose profile the settings lack, and plans nothing for it', async () => {
    const store = await makeLedger();
    await seed(store, { customers: [aCustomer({ profile: 'gone' })], items: [anItem({ dueDate: '2026-01-17' })] });
    const plan = await planDue(store, quick, D);
    expect(plan.messages).toEqual([]);
    expect(plan.problems.map((p) => [p.customer, p.field])).toEqual([['C001', 'profile']]);
  });

  it('reports it on every day, not only on a day one of its items falls due', async () => {
    const store = await makeLedger();
    await seed(store, {
      customers: [aCustomer({ profile: 'gone' }), aCustomer({ code: 'C002', profile: 'default' }), aCustomer({ code: 'C003', profile: 'quick' })],
      items: [anItem({ dueDate: '2026-04-30' })],
    });
    for (const asOf of [D, '2026-04-01']) {
      expect((await planDue(store, quick, asOf)).problems.map((p) => [p.customer, p.field])).toEqual([['C001', 'profile']]);
    }
  });

  it('keeps statements apart from reminders, and leaves a disputed item out', async () => {
    const store = await makeLedger();
    await seed(store, {
      customers: [aCustomer({ reminders: false, statements: true })],
      items: [anItem({ dueDate: '2026-03-10' }), anItem({ number: 'INV-2', dueDate: '2026-03-01', dispute: 'not delivered' })],
    });
    const plan = await planDue(store, { policy: { statementEveryDays: 10 } }, D);
    expect(plan.messages.map((m) => [m.kind, m.reminds, m.total])).toEqual([['statement', ['INV-2', 'INV-1'], 10000]]);
  });

  it.each([
    { sent: 2, planned: true },
    { sent: 3, planned: false },
  ])('a final notice sent $sent times with maxRepeats 2 → planned again: $planned', async ({ sent, planned }) => {
    const store = await makeLedger();
    const dates = ['2025-11-01', '2025-12-01', '2026-01-01'].slice(0, sent);
    await seed(store, {
      customers: [aCustomer()],
      items: [anItem({ dueDate: '2025-09-01' })],
      messages: dates.map((asOf) => aMessage({ asOf, level: 'final', items: [{ itemNumber: 'INV-1', level: 'final', openAmount: 10000 }] })),
    });
    const levels = [{ id: 'final', name: 'Final', days: 45, template: 'final', repeatEveryDays: 30, maxRepeats: 2 }];
    expect((await planDue(store, { policy: { levels } }, D)).messages.length).toBe(planned ? 1 : 0);
  });
});

describe('migration 9', () => {
  it('gives existing customers the statements switch their reminders switch had, and counts past sends', async () => {
    const db = await databaseBefore(9);
    db.run("INSERT INTO customers (code, name, currency, reminders) VALUES ('C002', 'Quiet', 'EUR', 0)");
    db.run(`INSERT INTO messages (customer_code, kind, level, currency, as_of, to_addrs, cc_addrs, bcc_addrs, subject, message_id, status, total, fee, interest, outstanding, operator, created_at, updated_at)
      VALUES ('C001', 'reminder', 'final', 'EUR', '2026-01-01', '[]', '[]', '[]', 's', '<a>', 'sent', 100, 0, 0, 100, 'op', 't', 't'),
             ('C001', 'reminder', 'final', 'EUR', '2026-02-01', '[]', '[]', '[]', 's', '<b>', 'sent', 100, 0, 0, 100, 'op', 't', 't')`);
    db.run(`INSERT INTO message_items (message_id, customer_code, item_number, level, open_amount) SELECT id, 'C001', 'INV-1', 'final', 100 FROM messages`);
    db.run(`INSERT INTO reminder_state (customer_code, item_number, level, last_as_of) VALUES ('C001', 'INV-1', 'final', '2026-02-01')`);
    migrate(db, 'old.db', MIGRATIONS);
    expect(db.exec('SELECT code, statements, profile FROM customers ORDER BY code')[0]?.values).toEqual([['C001', 1, null], ['C002', 0, null]]);
    expect(db.exec('SELECT sends FROM reminder_state')[0]?.values).toEqual([[2]]);
  });
});
