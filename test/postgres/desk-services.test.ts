/**
 * The TUI's services on a PostgreSQL ledger answer as on the file: the customer list with aging,
 * the plan, a hold, a send to the outbox, the history, and the same send refused a second time;
 * in review mode (`duedesk --review`) the same desk refuses every change on both.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../src/core/settings.js';
import { upsertCustomers } from '../../src/storage/customers.js';
import { upsertItems } from '../../src/storage/items.js';
import type { Ledger } from '../../src/storage/ledger.js';
import { createServices } from '../../src/ui/services-impl.js';
import { readOnlyServices } from '../../src/ui/services.js';
import { aCustomer, anItem } from '../helpers/store.js';
import { ENGINES, pgAvailable } from '../helpers/pg.js';
import { sessionContext } from '../ui/session-context.js';

const AS_OF = '2026-02-10';

/** Three customers in three languages with one overdue item each. */
async function seed(store: Ledger): Promise<void> {
  await store.write(async (sql) => {
    await upsertCustomers(sql, [
      aCustomer({ code: 'C1', name: 'Rossi Forniture', language: 'it', email: 'ar@rossi.test' }),
      aCustomer({ code: 'C2', name: 'Αθήνα Εμπορική ΑΕ', language: 'el', email: 'ap@athina.test' }),
      aCustomer({ code: 'C3', name: 'София Логистик', language: 'bg', currency: 'BGN', email: 'ar@sofia.test' }),
    ]);
    await upsertItems(sql, [
      anItem({ customerCode: 'C1', number: 'INV-1', dueDate: '2026-02-01' }),
      anItem({ customerCode: 'C2', number: 'INV-2', dueDate: '2026-01-10', amount: 25050, openAmount: 25050 }),
      anItem({ customerCode: 'C3', number: 'INV-3', dueDate: '2025-10-01', currency: 'BGN', amount: 990000, openAmount: 990000 }),
    ]);
  });
}

/** What a clerk sees and does in one session, on `store`. */
async function session(store: Ledger): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'duedesk-desk-'));
  try {
    let settings: Settings = { company: { name: 'Acme Billing', email: 'billing@company.test' }, mail: { outboxDir: join(dir, 'outbox') } };
    await seed(store);
    const services = await createServices(sessionContext({ dir, store, asOf: AS_OF, read: () => settings, write: (next) => void (settings = next) }));
    const list = await services.listCustomers(AS_OF);
    await services.setHold('C2', '2026-03-01');
    const plan = await services.loadPlan(AS_OF);
    const sent = await services.send(plan.messages, () => undefined, new AbortController().signal);
    const again = await services.send(plan.messages, () => undefined, new AbortController().signal);
    // Messages sent side by side are numbered in the order they finish: compare them by customer.
    // Each copy's hash covers its own Message-ID, so like the Message-ID it differs between runs.
    const history = (await services.listHistory())
      // Who sent is who each engine says is connected (the OS user, the login role: docs/reference/roles.md §1).
      .map((m) => ({ ...m, id: 0, messageId: '', createdAt: '', updatedAt: '', operator: '', archive: m.archive && { ...m.archive, sha256: '' } }))
      .sort((a, b) => a.customerCode.localeCompare(b.customerCode));
    return { list, plan: plan.messages.map((m) => m.key), sent: sent.outcomes.map((o) => [o.key, o.status]), again: again.outcomes.map((o) => [o.key, o.status]), history, outbox: readdirSync(join(dir, 'outbox')).length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!pgAvailable)('the desk on a PostgreSQL ledger', () => {
  it('lists, plans, holds, sends once and shows the history as on the file', async () => {
    const [file, server] = await Promise.all(ENGINES.map(async (engine) => session(await engine.fresh())));
    expect(server).toEqual(file);
    expect(file).toMatchObject({ plan: ['C1-EUR-first', 'C3-BGN-final'], sent: [['C1-EUR-first', 'sent'], ['C3-BGN-final', 'sent']], outbox: 2 });
    expect((file as { again: unknown[] }).again).toEqual([['C1-EUR-first', 'skipped'], ['C3-BGN-final', 'skipped']]);
  });

  it('in review mode shows the same desk and refuses every change, leaving the server untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duedesk-review-'));
    try {
      const results = await Promise.all(ENGINES.map(async (engine) => {
        const store = await engine.fresh();
        await seed(store);
        const settings: Settings = { company: { name: 'Acme Billing', email: 'billing@company.test' }, mail: { outboxDir: join(dir, engine.name) } };
        const services = readOnlyServices(await createServices(sessionContext({ dir, store, asOf: AS_OF, read: () => settings, write: () => undefined })));
        const plan = await services.loadPlan(AS_OF);
        const refusals = await Promise.all([
          services.setHold('C2', '2026-03-01').catch((e: Error) => e.message),
          services.send(plan.messages, () => undefined, new AbortController().signal).catch((e: Error) => e.message),
        ]);
        return { list: await services.listCustomers(AS_OF), plan: plan.messages.map((m) => m.key), refusals, history: await services.listHistory(), after: (await services.loadPlan(AS_OF)).messages.length };
      }));
      const [file, server] = results;
      expect(server).toEqual(file);
      expect(server).toMatchObject({ plan: ['C1-EUR-first', 'C2-EUR-second', 'C3-BGN-final'], history: [], after: 3 });
      expect((server as { refusals: string[] }).refusals).toEqual([
        'review mode: setting a hold is not allowed (nothing can be sent or changed)',
        'review mode: sending is not allowed (nothing can be sent or changed)',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
