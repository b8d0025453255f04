/** The collections workflow through the desk's real services: what the TUI keys do reaches the ledger and the next plan. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Settings } from '../../src/core/settings.js';
import type { Ledger } from '../../src/storage/ledger.js';
import { createServices } from '../../src/ui/services-impl.js';
import { aCustomer, anItem, makeLedger } from '../helpers/store.js';
import { seed } from '../planning/seed.js';
import { sessionContext } from './session-context.js';

const AS_OF = '2026-02-10';
let dir: string;
let store: Ledger;
let settings: Settings;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duedesk-coll-'));
  settings = {
    company: { name: 'Acme Billing', email: 'billing@company.test' },
    mail: { outboxDir: join(dir, 'outbox') },
    operator: 'ana',
    policy: { profiles: { gentle: { levels: [{ id: 'late', name: 'Late', days: 60, template: 'first' }] } } },
  };
  store = await makeLedger();
  await seed(store, {
    customers: [aCustomer({ code: 'C1', agentEmail: 'agent@company.test' }), aCustomer({ code: 'C2' })],
    items: [anItem({ customerCode: 'C1', number: 'INV-1', dueDate: '2026-01-20' }), anItem({ customerCode: 'C2', number: 'INV-2', dueDate: '2026-01-20' })],
  });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

it('a promise, a profile and a dispute each take the customer out of the plan; notes become tasks and records', async () => {
  const services = await createServices(sessionContext({ dir, store, asOf: AS_OF, read: () => settings, write: (next) => void (settings = next) }));
  expect((await services.loadPlan(AS_OF)).messages.map((m) => m.customer.code)).toEqual(['C1', 'C2']);
  expect(await services.recordPromise('C1', '2026-02-20', undefined, 'transfer')).toBe('C1: promise of 100.00 EUR by 2026-02-20 (INV-1)');
  await services.setProfile('C2', 'gentle');
  await services.setStatements('C2', false);
  const listed = (await services.listCustomers(AS_OF)).rows.find((row) => row.code === 'C2');
  expect(listed).toMatchObject({ profile: 'gentle', statements: false, reminders: true });
  await expect(services.setProfile('C2', 'strict')).rejects.toThrow('unknown profile "strict" (known: default, gentle');
  expect((await services.loadPlan(AS_OF)).messages).toEqual([]);
  expect(await services.markDisputed('C1', 'INV-1', 'damaged')).toBe('C1 item INV-1 disputed; left out of reminders; agent agent@company.test told');
  expect(readdirSync(join(dir, 'outbox'))).toHaveLength(1);
  expect(await services.disputedCustomers()).toEqual(['C1']);
  await services.addNote('C1', 'call back', AS_OF);
  const [task] = await services.followUps(AS_OF);
  expect(task).toMatchObject({ code: 'C1', name: 'Acme Ltd', body: 'call back', followUp: AS_OF });
  const detail = await services.customerDetail('C1', AS_OF);
  expect(detail?.collection.map((line) => line.replace(/^\S+ /, ''))).toEqual(expect.arrayContaining([
    // The OS user is who recorded it; the operator setting is the display name beside it (docs/reference/roles.md §1).
    `promise 100.00 EUR by 2026-02-20 (INV-1): open · ${userInfo().username} (ana)`,
    `dispute INV-1: damaged · ${userInfo().username} (ana)`,
    `note #${task!.id}: call back (follow up ${AS_OF}) · ${userInfo().username} (ana)`,
  ]));
  await services.completeFollowUp(task!.id);
  expect(await services.followUps(AS_OF)).toEqual([]);
});
