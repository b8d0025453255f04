/**
 * `db backup` and `db copy` of a database file are taken between sends: started while a send is
 * under way they wait for it to end, so the copy holds every message the run sent and sending
 * from the copy (or from a restored backup) sends nothing twice; with `--wait 0` they refuse at
 * once, exit 75, naming the run. A copy the file system refuses leaves nothing behind.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { expectNothingSentAgain, importDemo, startHeldSend, until } from '../helpers/between-sends.js';
import { runCliWithFileSizeLimit, sandbox } from './io.js';

let server: TestSmtpServer;
beforeEach(async () => {
  server = await startSmtpServer();
});
afterEach(async () => {
  await server.close();
});

describe.each([
  ['backup', (target: string) => ['db', 'backup', target]],
  ['copy', (target: string) => ['db', 'copy', 'test.sqlite', target]],
])('db %s during a send', (command, argv) => {
  it('waits for the send to end, holds every message it sent, and the copy sends nothing again', async () => {
    const box = sandbox();
    await importDemo(box);
    // The sixth message waits at the server until the copy is waiting too.
    const sending = await startHeldSend(box, box.db, server);

    const copy = join(box.dir, 'nightly.sqlite');
    const copying = box.run(argv(copy));
    await until(() => readdirSync(box.dir).some((name) => name.startsWith('test.sqlite.send.lock-want-')), `db ${command} to wait for the send`);

    // Told not to wait, it refuses at once and names the run.
    const refused = await box.run([...argv(join(box.dir, 'refused.sqlite')), '--wait', '0']);
    expect(refused.code).toBe(75);
    expect(refused.stderr).toMatch(
      new RegExp(`^duedesk: db ${command}: a send is under way on ${box.db}: held by pid ${process.pid} on host \\S+ \\(duedesk[^)]*\\) for \\d+ s; lock file ${box.db}\\.send\\.lock\\.\\d+; waited 0 s; try again later \\(a lock not refreshed for 60 s is taken over\\)\n$`),
    );
    expect(existsSync(join(box.dir, 'refused.sqlite'))).toBe(false);

    sending.release();
    const sent = await sending.done;
    expect(sent.code, sent.stderr).toBe(0);
    const copied = await copying;
    expect(copied.code, copied.stderr).toBe(0);
    // Restored at 3 a.m., or sent from: nothing goes twice.
    await expectNothingSentAgain(box, copy, server);
  }, 120_000);
});

describe('db copy refused by the file system', () => {
  it('to a new file: "cannot write FILE", exit 2, and no file of it left in the folder', async () => {
    const box = sandbox();
    await importDemo(box);
    const out = join(box.dir, 'out');
    mkdirSync(out);
    // 1 block: enough for the lock files, not for the new database.
    const run = runCliWithFileSizeLimit(1, ['db', 'copy', box.db, join(out, 'copy.sqlite')], box.env);
    expect(run.stderr).toBe(`duedesk: cannot write ${join(out, 'copy.sqlite')}: file too large\n`);
    expect(run.status).toBe(2);
    expect(readdirSync(out)).toEqual([]);
  });
});
