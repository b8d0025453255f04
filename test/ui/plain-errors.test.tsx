/** Errors a clerk can read: plain words and the next step on screen, the raw text one key away. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { plainError } from '../../src/ui/plain-errors.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { KEYS, renderDesk } from './harness.js';
import { closeRealDesks, realDesk, recordOf } from './real-desk.js';

const servers: TestSmtpServer[] = [];
afterEach(async () => {
  cleanup();
  closeRealDesks();
  for (const server of servers.splice(0)) await server.close();
});

describe('errors in plain words', () => {
  it.each([
    ['getaddrinfo ENOTFOUND smtp.example.test', 'the mail server smtp.example.test cannot be found: check smtp.host'],
    ['C0A8:error:0A00010B:SSL routines:ssl3_get_record:wrong version number', 'for port 587 set smtp.secure to false'],
    ['Missing credentials for "PLAIN"', 'no password: press P on Settings (4) or set DUEDESK_SMTP_PASSWORD'],
    ['Invalid login: 535 5.7.8 Username and Password not accepted', 'refused the user name or password'],
    ['connect ECONNREFUSED 127.0.0.1:2525', 'refused the connection: check smtp.host and smtp.port'],
    ['550 5.1.1 <x@y.test>: Recipient address rejected', "the recipient's server refused the address"],
    ['cannot write /srv/out/a.eml: disk full', 'the disk is full'],
  ])('%s', (raw, plain) => {
    expect(plainError(raw)).toContain(plain);
  });

  it('leaves texts it does not know alone, including counts that look like reply codes', () => {
    expect(plainError('sent 421, failed 550, uncertain 0')).toBeNull();
    expect(plainError('customer C9 does not exist')).toBeNull();
  });

  it('the send window tells a refused address in plain words', async () => {
    const server = await startSmtpServer();
    servers.push(server);
    const services = await realDesk({ customers: 10, smtp: { server } });
    const refused = new Set(services.data.plan.messages[0]!.to);
    server.behaviour.rcpt = (address) => (refused.has(address) ? { code: 550, message: '5.1.1 mailbox unavailable' } : null);
    const desk = renderDesk(services, { columns: 140 });
    await desk.waitFor('planned');
    desk.press(' ', 's', KEYS.enter);
    const frame = await desk.waitFor('Finished');
    expect(frame).toContain("the recipient's server refused the address (it may not exist): check the customer's e-mail");
    expect(frame).not.toContain('550 5.1.1');
  });

  it('a raw SMTP error becomes the next step; e shows it in full with the raw text; a new screen clears it', async () => {
    const server = await startSmtpServer();
    servers.push(server);
    const services = await realDesk({ customers: 3, smtp: { server }, history: ({ messages }) => [recordOf(messages[0]!, { status: 'failed', messageId: null, error: 'x' }, 1)] });
    const message = services.data.plan.messages[0]!;
    server.behaviour.rcpt = () => ({ code: 550, message: `5.1.1 <${message.to[0]}>: Recipient address rejected` });
    const desk = renderDesk(services, { columns: 60 });
    await desk.waitFor('planned');
    desk.press('3');
    await desk.waitFor('History —');
    desk.press('r');
    // The server refused the retried message: the status line gives the next step, not the reply.
    let frame = await desk.waitFor('(e: in full)');
    expect(frame).toContain("the recipient's server refused the address");
    expect(frame).not.toContain('550 5.1.1');
    expect(frame).not.toContain('Recipient address rejected');
    desk.press('e');
    frame = await desk.waitFor('As reported:');
    expect(frame).toContain("the recipient's server refused the address (it may not");
    expect(frame).toContain("exist): check the customer's e-mail");
    expect(frame).toContain(`retry of ${message.key}: failed`);
    expect(frame).toContain(`550 5.1.1 <${message.to[0]}>:`);
    expect(frame).toContain('Recipient address rejected');
    expect(server.accepted()).toEqual([]);
    desk.press(KEYS.escape);
    await desk.waitFor('History —');
    desk.press('1');
    frame = await desk.waitFor('planned');
    expect(frame).not.toContain("the recipient's server");
  });
});
