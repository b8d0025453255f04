/**
 * The collections workflow (docs/reference/rules.md §9) on a shared ledger: its records read back the same from
 * PostgreSQL as from the file, a plan shaped by a profile, a promise and a dispute is the same on
 * both engines, and db copy carries the collection tables with their ids.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { approve, propose } from '../../src/collections/approval.js';
import { markDisputed, resolveDisputed } from '../../src/collections/disputes.js';
import { addNote, completeFollowUp, dueFollowUps } from '../../src/collections/notes.js';
import { recordPromise } from '../../src/collections/promises.js';
import type { Settings } from '../../src/core/settings.js';
import { planDue } from '../../src/planning/plan-due.js';
import { customersWithDisputes, disputesOf } from '../../src/storage/item-disputes.js';
import { copyLedger } from '../../src/storage/ledger-copy.js';
import type { Ledger } from '../../src/storage/ledger.js';
import { openPostgresLedger } from '../../src/storage/postgres/postgres-ledger.js';
import { notesOf } from '../../src/storage/customer-notes.js';
import { promiseSnapshots, promisesOf } from '../../src/storage/promises.js';
import { latestProposal, listProposals } from '../../src/storage/proposals.js';
import { handoverCandidates } from '../../src/storage/handover-queries.js';
import { dropDatabase, emptyPostgresLedger, ENGINES, freshDatabase, pgAvailable } from '../helpers/pg.js';
import { aCustomer, aMessage, anItem, aPayment, makeLedger } from '../helpers/store.js';
import { seed } from '../planning/seed.js';

/** A customer's notes, oldest first. */
const customerNotes = (ledger: Ledger, code: string) => ledger.read((sql) => notesOf(sql, code));

const D = '2026-03-20';
const actor = { operator: 'ana', asOf: '2026-03-10', at: '2026-03-10T09:30:00.000Z' };
const settings: Settings = {
  policy: {
    promiseGraceDays: 2,
    profiles: { quick: { levels: [{ id: 'early', name: 'Early', days: 2, template: 'first' }] } },
  },
};

/**
 * Four customers: C001 on the default ladder, C002 on the quick profile, C003 with a promise it
 * broke after its first reminder, C004 whose only overdue invoice is disputed.
 */
async function fill(ledger: Ledger): Promise<void> {
  await seed(ledger, {
    customers: [aCustomer(), aCustomer({ code: 'C002', profile: 'quick' }), aCustomer({ code: 'C003' }), aCustomer({ code: 'C004' })],
    items: [
      anItem({ dueDate: '2026-03-01' }),
      anItem({ customerCode: 'C002', number: 'Q-1', dueDate: '2026-03-17' }),
      anItem({ customerCode: 'C003', number: 'P-1', dueDate: '2026-02-20', openAmount: 5000 }),
      anItem({ customerCode: 'C004', number: 'D-1', dueDate: '2026-03-01' }),
    ],
    payments: [aPayment({ customerCode: 'C003', itemNumber: null, reference: 'PART', date: '2026-03-12', amount: 1000 })],
    messages: [aMessage({ customerCode: 'C003', asOf: '2026-03-05', level: 'first', items: [{ itemNumber: 'P-1', level: 'first', openAmount: 5000 }] })],
  });
  await recordPromise(ledger, { code: 'C003', date: '2026-03-15', note: 'paying Friday' }, actor);
  await markDisputed(ledger, 'C004', 'D-1', 'goods returned', actor);
}

describe.each(ENGINES)('collection records on $name', (engine) => {
  let ledger: Ledger;
  beforeEach(async () => {
    ledger = await engine.fresh();
    await fill(ledger);
  });

  it('reads back a promise with its items and what was paid toward it', async () => {
    expect(await ledger.read((sql) => promisesOf(sql, null))).toEqual([
      {
        id: 1, customerCode: 'C003', madeOn: '2026-03-10', promisedDate: '2026-03-15', amount: 5000, currency: 'EUR',
        items: ['P-1'], note: 'paying Friday', operator: 'ana', createdAt: '2026-03-10T09:30:00.000Z',
      },
    ]);
    const snapshots = await ledger.read((sql) => promiseSnapshots(sql, ['C003'], D));
    expect(snapshots.get('C003')?.map((s) => s.paidSince)).toEqual([1000]);
  });

  it('reads back a dispute, open and then resolved, and the disputes filter follows it', async () => {
    expect(await ledger.read((sql) => customersWithDisputes(sql))).toEqual(['C004']);
    await resolveDisputed(ledger, 'C004', 'D-1', 'credit note issued', { ...actor, at: '2026-03-12T10:00:00.000Z' });
    expect(await ledger.read((sql) => disputesOf(sql, 'C004'))).toEqual([
      {
        id: 1, customerCode: 'C004', itemNumber: 'D-1', reason: 'goods returned', openedBy: 'ana', openedAt: '2026-03-10T09:30:00.000Z',
        resolvedBy: 'ana', resolvedAt: '2026-03-12T10:00:00.000Z', resolution: 'credit note issued',
      },
    ]);
    expect(await ledger.read((sql) => customersWithDisputes(sql))).toEqual([]);
  });

  it('reads back a note and lists its follow-up until it is done', async () => {
    const note = await addNote(ledger, 'C001', 'called, call back Monday', '2026-03-16', actor);
    expect(note).toEqual({
      id: 1, customerCode: 'C001', body: 'called, call back Monday', operator: 'ana', createdAt: '2026-03-10T09:30:00.000Z',
      followUp: '2026-03-16', doneAt: null,
    });
    expect(await dueFollowUps(ledger, '2026-03-15')).toEqual([]);
    expect(await dueFollowUps(ledger, D)).toEqual([note]);
    await completeFollowUp(ledger, note.id, { ...actor, at: '2026-03-20T08:00:00.000Z' });
    expect(await dueFollowUps(ledger, D)).toEqual([]);
    expect(await customerNotes(ledger, 'C001')).toEqual([{ ...note, doneAt: '2026-03-20T08:00:00.000Z' }]);
  });

  it('reads back a proposal with its lines, approved with one taken out', async () => {
    const plan = await planDue(ledger, settings, D);
    const { proposal } = await propose(ledger, plan, { ...actor, asOf: D, at: '2026-03-20T07:00:00.000Z' });
    expect(proposal).toMatchObject({ id: 1, asOf: D, status: 'pending', createdBy: 'ana', approvedBy: null, sentAt: null });
    expect(proposal.lines.map((line) => [line.customerCode, line.level, line.items, line.total, line.removed])).toEqual([
      ['C001', 'first', ['INV-1'], 10000, false],
      ['C002', 'early', ['Q-1'], 10000, false],
      ['C003', 'second', ['P-1'], 4000, false],
    ]);
    const removed = proposal.lines[0]!.key;
    await approve(ledger, proposal.id, [removed], { ...actor, asOf: D, at: '2026-03-20T07:30:00.000Z' });
    const stored = await ledger.read((sql) => latestProposal(sql, D));
    expect(stored).toMatchObject({ status: 'approved', approvedBy: 'ana', approvedAt: '2026-03-20T07:30:00.000Z' });
    expect(stored?.lines.filter((line) => line.removed).map((line) => line.key)).toEqual([removed]);
    expect(await ledger.read((sql) => listProposals(sql))).toEqual([stored]);
  });

  it('records one proposal a day when two runs planned before either proposed', async () => {
    const plan = await planDue(ledger, settings, D);
    const cron = await propose(ledger, plan, { ...actor, asOf: D, at: '2026-03-20T07:00:00.000Z' });
    const other = await propose(ledger, plan, { ...actor, operator: 'bo', asOf: D, at: '2026-03-20T07:00:01.000Z' });
    expect([cron.recorded, other.recorded]).toEqual([true, false]);
    expect(other.proposal).toEqual(cron.proposal);
    expect((await ledger.read((sql) => listProposals(sql))).map((p) => [p.id, p.createdBy])).toEqual([[1, 'ana']]);
  });

  it('counts the sends per level that a handover reads', async () => {
    expect(await ledger.read((sql) => handoverCandidates(sql, 1))).toEqual(['C003']);
    expect(await ledger.read((sql) => handoverCandidates(sql, 2))).toEqual([]);
  });
});

describe.skipIf(!pgAvailable)('collections across engines', () => {
  const urls: string[] = [];
  const opened: Ledger[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((ledger) => ledger.close()));
    await Promise.all(urls.map(dropDatabase));
  });

  it('plans the same on PostgreSQL as on the file with a profile, a broken promise and a dispute', async () => {
    const file = await makeLedger();
    const server = await emptyPostgresLedger();
    await fill(file);
    await fill(server);
    const plan = await planDue(server, settings, D);
    expect(plan).toEqual(await planDue(file, settings, D));
    // Not two empty plans: the profile's early level, the promise's escalation, the dispute's silence.
    expect(plan.messages.map((m) => [m.customer.code, m.level, m.reminds])).toEqual([
      ['C001', 'first', ['INV-1']],
      ['C002', 'early', ['Q-1']],
      ['C003', 'second', ['P-1']],
    ]);
    await file.close();
  });

  it('db copy carries the collection tables, ids and all, to PostgreSQL and back', async () => {
    const file = await makeLedger();
    await fill(file);
    await addNote(file, 'C001', 'call back', '2026-03-16', actor);
    await propose(file, await planDue(file, settings, D), { ...actor, asOf: D });
    const url = await freshDatabase();
    urls.push(url);
    const server = await openPostgresLedger({ url });
    opened.push(server);
    const report = await copyLedger(file, server, { replace: false });
    for (const table of ['promises', 'promise_items', 'item_disputes', 'customer_notes', 'proposals', 'proposal_lines']) {
      expect(report.find((r) => r.table === table)?.rows, table).toBeGreaterThan(0);
    }
    const records = (ledger: Ledger) =>
      ledger.read(async (sql) => ({
        promises: await promisesOf(sql, null),
        disputes: await disputesOf(sql, 'C004'),
        proposals: await listProposals(sql),
      }));
    expect(await records(server)).toEqual(await records(file));
    expect(await customerNotes(server, 'C001')).toEqual(await customerNotes(file, 'C001'));
    // New records are numbered after the copied ones.
    expect((await addNote(server, 'C002', 'second note', undefined, actor)).id).toBe(2);
    const back = await makeLedger();
    await copyLedger(server, back, { replace: false });
    expect(await records(back)).toEqual(await records(file));
    await file.close();
    await back.close();
  });
});
