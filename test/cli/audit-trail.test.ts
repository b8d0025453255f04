/**
 * The audit trail on a database file (docs/reference/roles.md §4, docs/reference/csv.md §4.9): every
 * kind of change that is not a send, made through the desk's services and the command line, is in
 * `export audit` with who, when (UTC and local), what and old → new; the customer's timeline shows
 * its own; `db copy` carries the trail; and nobody rewrites it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Settings } from '../../src/core/settings.js';
import { listAudit } from '../../src/storage/audit-log.js';
import { replaceLedgerSettings } from '../../src/storage/ledger-settings.js';
import { insertMessage } from '../../src/storage/messages.js';
import { openLedger } from '../../src/storage/open-ledger.js';
import { createServices } from '../../src/ui/services-impl.js';
import { aMessage } from '../helpers/store.js';
import { sessionContext } from '../ui/session-context.js';
import { sandbox } from './io.js';
import { configSet } from './seed-cli.js';

const CUSTOMERS = 'code,name,email\nC1,Uno,c1@x.test\nC2,Due,c2@x.test\nC3,Tre,c3@x.test\n';
const ITEMS = 'customer_code,number,issue_date,due_date,amount\nC1,A-1,2026-10-01,2026-11-10,10.00\nC1,A-2,2026-10-01,2026-11-10,15.00\nC2,B-1,2026-10-01,2026-11-10,20.00\nC3,C-1,2026-10-01,2026-11-10,30.00\n';

it('export audit lists every kind of change with who, when and old → new; the trail cannot be rewritten and travels with db copy', async () => {
  const box = sandbox();
  const me = userInfo().username;
  writeFileSync(join(box.dir, 'customers.csv'), CUSTOMERS);
  writeFileSync(join(box.dir, 'items.csv'), ITEMS);
  for (const kind of ['customers', 'items']) expect(await box.run(['import', kind, join(box.dir, `${kind}.csv`)])).toMatchObject({ code: 0 });
  // A refused file changes nothing, so it leaves no entry.
  writeFileSync(join(box.dir, 'bad.csv'), 'code,name\n,No code\n');
  expect((await box.run(['import', 'customers', join(box.dir, 'bad.csv')])).code).toBe(2);

  // The desk: holds, switches, a profile, collection facts and messages that needed attention.
  const store = await openLedger(box.db);
  let settings: Settings = {
    company: { name: 'Acme', email: 'ar@company.test' },
    mail: { outboxDir: join(box.dir, 'outbox') },
    operator: 'Ana',
    policy: { profiles: { gentle: { levels: [{ id: 'late', name: 'Late', days: 60, template: 'first' }] } } },
  };
  const [failed, uncertain] = await store.write(async (sql) => [
    await insertMessage(sql, aMessage({ customerCode: 'C1', asOf: '2026-11-20', messageId: '<f@t>', status: 'failed', error: '550 no such user' })),
    await insertMessage(sql, aMessage({ customerCode: 'C2', asOf: '2026-11-20', messageId: '<u@t>', status: 'uncertain', error: 'connection lost' })),
  ]);
  const desk = await createServices(sessionContext({ dir: box.dir, store, asOf: '2026-11-22', read: () => settings, write: (next) => void (settings = next) }));
  await desk.setHold('C1', '2026-12-31');
  await desk.setHold('C1', '2026-12-31'); // the same again: nothing changed, nothing recorded
  await desk.setItemHold('C1', 'A-2', '2026-12-15');
  await desk.setReminders('C2', false);
  await desk.setStatements('C2', false);
  await desk.setStatementInterval('C1', 30);
  await desk.setProfile('C1', 'gentle');
  await desk.recordPromise('C1', '2026-11-30', undefined, 'transfer');
  await desk.markDisputed('C2', 'B-1', 'damaged');
  await desk.resolveDispute('C2', 'B-1', 'credit note sent');
  await desk.addNote('C2', 'call back', '2026-11-22');
  const [task] = await desk.followUps('2026-11-22');
  await desk.completeFollowUp(task!.id);
  await desk.acknowledge(failed!);
  await desk.markUncertain(uncertain!, true);
  await expect(desk.setHold('C9', '2026-12-31')).rejects.toThrow('customer C9 does not exist');
  const timeline = (await desk.customerDetail('C1', '2026-11-22'))!.collection;
  expect(timeline).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`set hold: — → 2026-12-31 · ${me} \\(Ana\\)$`)), expect.stringMatching(/set profile: default → gentle/)]));
  // Not even duedesk's own SQL path can change or remove an entry.
  await expect(store.write((sql) => sql.run("UPDATE audit_log SET operator = 'someone'"))).rejects.toThrow('append-only');
  await expect(store.write((sql) => sql.run('DELETE FROM audit_log'))).rejects.toThrow('append-only');
  await store.close();

  // The command line: a proposal approved, a backup, a copy, pruning.
  await configSet(box, 'schedule.approval', 'true');
  await configSet(box, 'smtp.from', 'AR <ar@company.test>');
  expect((await box.run(['--send-due'])).code).toBe(0);
  expect((await box.run(['proposal', 'approve', '1'])).code).toBe(0);
  expect((await box.run(['db', 'backup', 'nightly.sqlite'])).code).toBe(0);
  await configSet(box, 'archive.keepDays', '30');
  expect((await box.run(['db', 'prune-archive'])).code).toBe(0);
  expect((await box.run(['db', 'copy', box.db, join(box.dir, 'copy.sqlite')])).code).toBe(0);

  const exported = await box.run(['export', 'audit']);
  expect(exported).toMatchObject({ code: 0, stderr: '' });
  const lines = exported.stdout.trim().split('\n');
  expect(lines[0]).toBe('id,at_utc,at_local,operator,action,customer,subject,old_value,new_value,detail');
  const who = `${me} (Ana)`;
  const sha = (file: string): string => createHash('sha256').update(readFileSync(join(box.dir, file))).digest('hex');
  const expected = [
    `,${me},import,,customers,,,"${join(box.dir, 'customers.csv')} sha256 ${sha('customers.csv')}: customers: 3 added, 0 updated, 0 unchanged"`,
    `,${me},import,,items,,,"${join(box.dir, 'items.csv')} sha256 ${sha('items.csv')}: items: 4 added, 0 updated, 0 unchanged"`,
    `,${who},set hold,C1,,,2026-12-31,`,
    `,${who},set item hold,C1,A-2,,2026-12-15,`,
    `,${who},set reminders,C2,,true,false,`,
    `,${who},set statements,C2,,true,false,`,
    `,${who},set statement interval,C1,,,30,`,
    `,${who},set profile,C1,,default,gentle,`,
    `,${who},record promise,C1,,,date=2026-11-30; note=transfer,`,
    `,${who},mark disputed,C2,B-1,,reason=damaged,`,
    `,${who},resolve dispute,C2,B-1,,note=credit note sent,`,
    `,${who},add note,C2,,,text=call back; followUp=2026-11-22,`,
    `,${who},complete follow-up,,#${task!.id},,,`,
    `,${who},acknowledge,,#${failed},,,`,
    `,${who},mark uncertain,,#${uncertain},,delivered=true,`,
    `,${me},propose,,#1,,1 message,for 2026-11-22`,
    `,${me},approve proposal,,#1,,,`,
    `,${me},db backup,,${join(box.dir, 'nightly.sqlite')},,,`,
    `,${me},db prune-archive,,,,,"0 copies removed, 0 bytes freed, created up to 2026-10-22"`,
    `,${me},db copy,,to ${join(box.dir, 'copy.sqlite')},,,`,
  ];
  for (const fragment of expected) expect(lines.some((line) => line.includes(fragment)), `${fragment}\n${exported.stdout}`).toBe(true);
  // One entry per change: the repeated hold, the refused hold and the refused import left none.
  expect(lines.filter((line) => line.includes(',set hold,'))).toHaveLength(1);
  expect(lines.filter((line) => line.includes(',import,'))).toHaveLength(2);
  // When: UTC as stored, and local time with its offset.
  expect(lines[1]).toMatch(/^\d+,2026-11-22T\d\d:\d\d:\d\d\.\d{3}Z,2026-11-22 \d\d:\d\d:\d\d [+-]\d\d:\d\d,/);

  // The copy carries the trail, and says where it came from.
  const copy = await box.run(['export', 'audit', '--db', join(box.dir, 'copy.sqlite')]);
  expect(copy.stdout).toContain(`,${me},db copy,,from ${box.db},`);
  expect(copy.stdout.split('\n').filter((line) => line.includes(',set hold,'))).toHaveLength(1);
  // A day range takes the entries of those UTC days only.
  expect((await box.run(['export', 'audit', '--from', '2026-11-23'])).stdout).toBe('id,at_utc,at_local,operator,action,customer,subject,old_value,new_value,detail\n');
});

it("a shared setting's change is recorded key by key, old → new, and a secret's value never", async () => {
  // The shared settings' store (on PostgreSQL; the same SQL on both engines): what `config set`
  // and the desk's Settings write through (docs/reference/roles.md §4).
  const box = sandbox();
  const store = await openLedger(box.db);
  try {
    const by = { operator: 'ada', at: '2026-11-22T10:00:00.000Z' };
    await store.write((sql) => replaceLedgerSettings(sql, [['company.name', 'Acme'], ['bank.apiToken', 'tok-1']], by));
    await store.write((sql) => replaceLedgerSettings(sql, [['company.name', 'Acme GmbH'], ['bank.apiToken', 'tok-2']], by));
    const entries = await store.read((sql) => listAudit(sql));
    expect(entries.map((e) => [e.operator, e.action, e.subject, e.oldValue, e.newValue])).toEqual([
      ['ada', 'setting', 'bank.apiToken', null, '(secret)'],
      ['ada', 'setting', 'company.name', null, '"Acme"'],
      ['ada', 'setting', 'bank.apiToken', '(secret)', '(secret)'],
      ['ada', 'setting', 'company.name', '"Acme"', '"Acme GmbH"'],
    ]);
    expect(JSON.stringify(entries)).not.toContain('tok-');
  } finally {
    await store.close();
  }
});
