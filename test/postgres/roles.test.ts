/**
 * Roles the PostgreSQL server enforces, four eyes and the audit trail (docs/reference/roles.md),
 * on a real server with real login roles: a clerk, a supervisor, an admin and a cron host each
 * run the command line and the desk's services, and a clerk who talks SQL directly (as psql would)
 * is held to the same rights.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LEVELS } from '../../src/core/policy.js';
import type { Settings } from '../../src/core/settings.js';
import { openPostgresLedger, type PostgresLedger } from '../../src/storage/postgres/postgres-ledger.js';
import { createServices } from '../../src/ui/services-impl.js';
import { sandbox, type Sandbox } from '../cli/io.js';
import { configSet, importCsv } from '../cli/seed-cli.js';
import { adminQuery, dropDatabase, freshDatabase, pgAvailable } from '../helpers/pg.js';
import { KEYS, renderDesk } from '../ui/harness.js';
import { sessionContext } from '../ui/session-context.js';

/** Login roles of this file (roles are the cluster's: a suffix keeps parallel files apart). */
const suffix = randomBytes(3).toString('hex');
const ALICE = `alice_${suffix}`;
const SAM = `sam_${suffix}`;
const ADA = `ada_${suffix}`;
const CRON = `cron_${suffix}`;

/** `url` logging in as `user`. */
function as(url: string, user: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  return parsed.toString();
}

/** A host of its own (settings directory, outbox) on the ledger at `url`. */
function host(url: string): Sandbox {
  const box = sandbox();
  box.env.DUEDESK_DB = url;
  return box;
}

/** A plain pg client logged in as `user`: SQL as psql would send it. */
async function psql(url: string, user: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: as(url, user) });
  await client.connect();
  return client;
}

/** Run one statement as the ledger's owner. */
async function adminQueryOn(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A pending proposal with no lines for `asOf`, recorded by the owner as made by `by`; its id. */
async function proposalBy(url: string, by: string, asOf: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ id: number }>("INSERT INTO proposals (as_of, status, created_by, created_at) VALUES ($1, 'pending', $2, 'now') RETURNING id", [asOf, by]);
    return Number(result.rows[0]!.id);
  } finally {
    await client.end();
  }
}

/** The SQLSTATE and message a statement fails with (null when it succeeds). */
async function refusal(client: pg.Client, sql: string, params: unknown[] = []): Promise<{ code: string; message: string } | null> {
  try {
    await client.query(sql, params);
    return null;
  } catch (error) {
    return { code: (error as { code: string }).code, message: (error as Error).message };
  }
}

describe.skipIf(!pgAvailable)('roles, four eyes and the audit trail on PostgreSQL', () => {
  let url = '';
  let owner: Sandbox;
  let alice: Sandbox;
  let sam: Sandbox;
  let ada: Sandbox;
  let cron: Sandbox;

  beforeAll(async () => {
    url = await freshDatabase();
    for (const user of [ALICE, SAM, ADA, CRON]) await adminQuery(`CREATE ROLE ${user} LOGIN`);
    owner = host(url);
    alice = host(as(url, ALICE));
    sam = host(as(url, SAM));
    ada = host(as(url, ADA));
    cron = host(as(url, CRON));
    await configSet(owner, 'smtp.from', 'AR <ar@company.test>');
    await importCsv(owner, {
      customers: 'code,name,email\nC1,Uno,c1@x.test\nC2,Due,c2@x.test\n',
      items: 'customer_code,number,issue_date,due_date,amount\nC1,A-1,2026-10-01,2026-11-10,10.00\nC2,B-1,2026-10-01,2026-11-10,20.00\n',
    });
    expect(await owner.run(['db', 'roles', 'setup'])).toMatchObject({ code: 0, stderr: '' });
    for (const [user, level] of [[ALICE, 'clerk'], [SAM, 'supervisor'], [ADA, 'admin'], [CRON, 'clerk']] as const) {
      expect(await owner.run(['db', 'grant', user, level])).toEqual({ code: 0, stdout: `${user} is now duedesk_${level}\n`, stderr: '' });
    }
    for (const box of [alice, sam, ada, cron]) await configSet(box, 'smtp.from', 'AR <ar@company.test>');
  });

  afterAll(async () => {
    if (url === '') return;
    await dropDatabase(url);
    for (const user of [ALICE, SAM, ADA, CRON]) await adminQuery(`DROP ROLE IF EXISTS ${user}`);
  });

  it('each role does what it may through the command line; what it may not is refused, naming the role, and changes nothing', async () => {
    // A clerk records collection facts, under the login role whatever the operator setting says.
    await configSet(alice, 'operator', 'Bob');
    expect(await alice.run(['note', 'C1', 'called, pays Friday'])).toMatchObject({ code: 0 });
    expect(await alice.run(['promise', 'C1', '--date', '2026-11-27'])).toMatchObject({ code: 0 });
    expect(await alice.run(['dispute', 'C2', 'B-1', '--reason', 'damaged'])).toMatchObject({ code: 0 });

    // The shared settings are the admin's.
    const levels = JSON.stringify(DEFAULT_LEVELS.map((level, index) => (index === 0 ? { ...level, days: level.days + 1 } : level)));
    for (const [box, user, role] of [[alice, ALICE, 'duedesk_clerk'], [sam, SAM, 'duedesk_supervisor']] as const) {
      expect(await box.run(['config', 'set', 'policy.levels', levels])).toEqual({
        code: 2,
        stdout: '',
        stderr: `duedesk: changing policy.levels needs duedesk_admin; you are ${user} (${role})\n`,
      });
    }
    expect(JSON.parse((await ada.run(['config', 'get', 'policy.levels'])).stdout)).toEqual(DEFAULT_LEVELS);
    await configSet(ada, 'schedule.approval', 'true');
    await configSet(ada, 'schedule.fourEyes', 'true');

    // Imports are a supervisor's.
    const file = join(alice.dir, 'customers.csv');
    writeFileSync(file, 'code,name,email\nC3,Tre,c3@x.test\n');
    expect(await alice.run(['import', 'customers', file])).toEqual({
      code: 2,
      stdout: '',
      stderr: `duedesk: importing needs duedesk_supervisor; you are ${ALICE} (duedesk_clerk)\n`,
    });
    await importCsv(sam, {
      customers: 'code,name,email\nC3,Tre,c3@x.test\n',
      items: 'customer_code,number,issue_date,due_date,amount\nC3,C-1,2026-10-01,2026-11-10,30.00\n',
    });

    // The cron host proposes; neither it nor a clerk may approve; a supervisor does.
    expect((await cron.run(['--send-due'])).stdout).toContain('Proposal #1 for 2026-11-22: pending');
    expect(await alice.run(['proposal', 'approve', '1'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `duedesk: approving a proposal needs duedesk_supervisor; you are ${ALICE} (duedesk_clerk)\n`,
    });
    expect(await cron.run(['proposal', 'approve', '1'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `duedesk: four eyes: proposal #1 was proposed by ${CRON}; someone else must approve it\n`,
    });
    expect((await alice.run(['proposal', 'list'])).stdout).toMatch(/^#1 {2}2026-11-22 {2}pending .* by cron_/);
    expect(await sam.run(['proposal', 'approve', '1'])).toMatchObject({ code: 0 });
    // A clerk's rights are enough to send what was approved (the history, the archive, the claims).
    const sent = await cron.run(['--send-due', '--json']);
    expect(sent).toMatchObject({ code: 0, stderr: '' });
    expect((JSON.parse(sent.stdout) as { messages: { customer: string; status: string }[] }).messages.map((m) => [m.customer, m.status])).toEqual([['C3', 'sent']]);

    // Four eyes: a supervisor's own proposal waits for someone else.
    await importCsv(sam, {
      customers: 'code,name,email\nC4,Quattro,c4@x.test\n',
      items: 'customer_code,number,issue_date,due_date,amount\nC4,D-1,2026-10-01,2026-11-10,40.00\n',
    });
    sam.today = '2026-11-23';
    ada.today = '2026-11-23';
    expect((await sam.run(['--send-due'])).stdout).toContain('Proposal #2 for 2026-11-23: pending');
    expect(await sam.run(['proposal', 'approve', '2'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `duedesk: four eyes: proposal #2 was proposed by ${SAM}; someone else must approve it\n`,
    });
    expect(await ada.run(['proposal', 'approve', '2'])).toMatchObject({ code: 0 });

    // Roles are the owner's to hand out.
    expect(await ada.run(['db', 'grant', ALICE, 'admin'])).toMatchObject({ code: 2 });
    expect(await owner.run(['db', 'revoke', CRON])).toEqual({ code: 0, stdout: `${CRON} is no longer duedesk_clerk\n`, stderr: '' });
    expect(await owner.run(['db', 'grant', CRON, 'clerk'])).toMatchObject({ code: 0 });

    // The trail lists every kind of change, each by who made it.
    const exported = await ada.run(['export', 'audit']);
    expect(exported.code).toBe(0);
    const rows = exported.stdout.trim().split('\n').map((line) => line.split(','));
    expect(rows[0]).toEqual(['id', 'at_utc', 'at_local', 'operator', 'action', 'customer', 'subject', 'old_value', 'new_value', 'detail']);
    const made = rows.slice(1).map((row) => [row[3]!.replace(/ \(.*\)$/, ''), row[4]]);
    expect(made).toEqual(
      expect.arrayContaining([
        ['postgres', 'import'],
        ['postgres', 'db roles setup'],
        ['postgres', 'db grant'],
        [ALICE, 'add note'],
        [ALICE, 'record promise'],
        [ALICE, 'mark disputed'],
        [ADA, 'setting'],
        [SAM, 'import'],
        [CRON, 'propose'],
        [SAM, 'propose'],
        [SAM, 'approve proposal'],
        [ADA, 'approve proposal'],
        ['postgres', 'db revoke'],
      ]),
    );
    // Nothing refused left an entry; the clerk's entries carry the display name beside the login role.
    expect(made.filter(([who]) => who === ALICE).map(([, what]) => what)).toEqual(['add note', 'record promise', 'mark disputed']);
    expect(exported.stdout).toContain(`${ALICE} (Bob)`);
    expect(exported.stdout).toContain('schedule.fourEyes');
  });

  it('a clerk talking SQL directly cannot approve, change the levels or touch the audit trail; the server stamps who did it', async () => {
    // Four eyes on, as an admin would set it (the owner here, so this test stands alone).
    await adminQueryOn(url, "INSERT INTO ledger_settings (key, value) VALUES ('schedule.fourEyes', 'true') ON CONFLICT (key) DO UPDATE SET value = 'true'");
    const clerk = await psql(url, ALICE);
    const supervisor = await psql(url, SAM);
    try {
      const [{ id }] = (await supervisor.query<{ id: number }>("INSERT INTO proposals (as_of, status, created_by, created_at) VALUES ('2026-11-30', 'pending', 'someone else', 'now') RETURNING id")).rows as [{ id: number }];
      // The server wrote the login role, not the name the client gave.
      expect((await clerk.query('SELECT created_by FROM proposals WHERE id = $1', [id])).rows).toEqual([{ created_by: SAM }]);

      expect(await refusal(clerk, "UPDATE proposals SET status = 'approved', approved_by = $1 WHERE id = $2", [ALICE, id])).toEqual({
        code: '42501',
        message: 'approving a proposal needs duedesk_supervisor',
      });
      expect(await refusal(clerk, "INSERT INTO ledger_settings (key, value) VALUES ('policy.levels', '[]')")).toMatchObject({ code: '42501' });
      expect(await refusal(clerk, "UPDATE ledger_settings SET value = 'true' WHERE key = 'schedule.fourEyes'")).toMatchObject({ code: '42501' });
      expect(await refusal(clerk, "UPDATE audit_log SET operator = 'nobody'")).toMatchObject({ code: '42501' });
      expect(await refusal(clerk, 'DELETE FROM audit_log')).toMatchObject({ code: '42501' });
      expect(await refusal(clerk, 'TRUNCATE audit_log')).toMatchObject({ code: '42501' });
      // Not even a supervisor, nor the owner, rewrites the trail; and four eyes holds against SQL.
      expect(await refusal(supervisor, "UPDATE audit_log SET operator = 'nobody'")).toMatchObject({ code: '42501' });
      const ownerClient = new pg.Client({ connectionString: url });
      await ownerClient.connect();
      try {
        expect(await refusal(ownerClient, 'DELETE FROM audit_log')).toEqual({ code: '42501', message: 'the audit trail is append-only: its entries cannot be changed or removed' });
      } finally {
        await ownerClient.end();
      }
      expect(await refusal(supervisor, "UPDATE proposals SET status = 'approved', approved_by = $1 WHERE id = $2", [SAM, id])).toEqual({
        code: '42501',
        message: `four eyes: proposal #${id} was proposed by ${SAM}; someone else must approve it`,
      });

      // A clerk's note in another's name is recorded under the clerk's login role.
      await clerk.query("INSERT INTO customer_notes (customer_code, body, operator, created_at) VALUES ('C1', 'by hand', 'the boss', 'now')");
      expect((await clerk.query("SELECT operator FROM customer_notes WHERE body = 'by hand'")).rows).toEqual([{ operator: ALICE }]);
    } finally {
      await clerk.end();
      await supervisor.end();
    }
  });

  it("the desk's services refuse what the role may not do and say why; what it may do goes through", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duedesk-roles-'));
    const opened: PostgresLedger[] = [];
    try {
      const servicesAs = async (user: string) => {
        const store = await openPostgresLedger({ url: as(url, user) });
        opened.push(store);
        let settings: Settings = { company: { name: 'Acme', email: 'ar@company.test' }, mail: { outboxDir: join(dir, 'outbox') } };
        return createServices(sessionContext({ dir, store, asOf: '2026-11-22', read: () => settings, write: (next) => void (settings = next) }));
      };
      const clerk = await servicesAs(ALICE);
      const supervisor = await servicesAs(SAM);
      await clerk.setHold('C1', '2026-12-31');
      await expect(clerk.setProfile('C1', 'default')).rejects.toThrow(`changing the profile needs duedesk_supervisor; you are ${ALICE} (duedesk_clerk)`);
      await supervisor.setProfile('C1', 'default');
      const id = await proposalBy(url, CRON, '2026-11-28');
      await expect(clerk.approveProposal(id, [])).rejects.toThrow(`approving a proposal needs duedesk_supervisor; you are ${ALICE} (duedesk_clerk)`);
      expect(await clerk.pendingProposal('2026-11-28')).toMatchObject({ id, status: 'pending' });
      await supervisor.approveProposal(id, []);
      expect(await clerk.pendingProposal('2026-11-28')).toBeNull();

      // On the desk itself (docs/reference/tui.md §2.4): the customer's keys the role allows are
      // hinted; L (a supervisor's) is left out of the clerk's and pressing it says why at once.
      const openDetail = async (services: typeof clerk) => {
        const desk = renderDesk(services, { columns: 160, rows: 40 });
        await desk.waitFor('Due now');
        desk.press('2');
        await desk.waitFor('Customers —');
        desk.press(KEYS.enter);
        await desk.waitFor('Profile:');
        return desk;
      };
      const sams = await openDetail(supervisor);
      await sams.waitFor((frame) => frame.includes('h hold') && frame.includes('L profile'));
      sams.unmount();
      const desk = await openDetail(clerk);
      await desk.waitFor((frame) => frame.includes('h hold') && !frame.includes('L profile'));
      desk.press('L');
      await desk.waitFor(`changing the profile needs duedesk_supervisor; you are ${ALICE} (duedesk_clerk)`);
      // Refused before anything was asked: no profile prompt opened.
      expect(desk.lastFrame()).not.toContain('Dunning profile of C1');
      // Settings: an admin's Enter (edit) is not offered to the clerk, and says why when pressed.
      desk.press(KEYS.escape, '4');
      await desk.waitFor((frame) => frame.includes('Settings — P password') && !frame.includes('Enter edit') && !frame.includes('I import CSV'));
      desk.press(KEYS.enter);
      await desk.waitFor(`changing settings needs duedesk_admin; you are ${ALICE} (duedesk_clerk)`);
      // The help lists every key; those the role may not use say why.
      desk.press('?');
      const help = await desk.waitFor(`in the proposal: approve it without the removed lines — approving a proposal needs duedesk_supervisor; you are ${ALICE} (duedesk_clerk)`);
      expect(help).toMatch(/send the selected messages \(asks first\)\n/);
      const detail = await clerk.customerDetail('C1', '2026-11-22');
      // The customer's timeline shows the hold, who set it and what it was before.
      expect(detail?.collection.some((line) => line.endsWith(`set hold: — → 2026-12-31 · ${ALICE}`))).toBe(true);
    } finally {
      cleanup();
      for (const ledger of opened) await ledger.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
