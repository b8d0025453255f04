import { describe, expect, it } from 'vitest';
import { clientOptions, imapOptions, mailboxKey } from '../../src/inbox/connection.js';

const env = { DUEDESK_IMAP_PASSWORD: 'secret', PATH: process.env.PATH };

describe('the mailbox from settings and environment', () => {
  it('DUEDESK_IMAP_URL names server, user and mailbox; the password comes from DUEDESK_IMAP_PASSWORD', async () => {
    const options = await imapOptions({ imap: { host: 'ignored.test', user: 'x' } }, { ...env, DUEDESK_IMAP_URL: 'imaps://ar%40acme.test@imap.acme.test/Receipts' });
    expect(options).toMatchObject({ host: 'imap.acme.test', port: 993, secure: true, user: 'ar@acme.test', password: 'secret', mailbox: 'Receipts', origin: 'DUEDESK_IMAP_URL' });
    expect(mailboxKey(options)).toBe('ar@acme.test@imap.acme.test/Receipts');
  });

  it('settings: TLS on 993 and INBOX unless told otherwise; the password from imap.passwordCommand', async () => {
    const options = await imapOptions({ imap: { host: 'imap.acme.test', user: 'ar', passwordCommand: "printf 'from-command\\n'" } }, { PATH: process.env.PATH });
    expect(options).toMatchObject({ port: 993, secure: true, mailbox: 'INBOX', password: 'from-command', moveTo: null });
  });

  it.each([
    [{}, {}, /^no mailbox to read/],
    [{ imap: { host: 'h.test' } }, env, /^imap\.user is not set/],
    [{ imap: { host: 'h.test', user: 'u' } }, {}, /^no IMAP password: set DUEDESK_IMAP_PASSWORD or imap\.passwordCommand/],
    [{}, { DUEDESK_IMAP_URL: 'pop3://u@h.test' }, /^DUEDESK_IMAP_URL: scheme must be imap: or imaps:, not pop3:/],
    [{}, { DUEDESK_IMAP_URL: 'imap://h.test' }, /^DUEDESK_IMAP_URL names no user/],
  ])('refuses an incomplete configuration with what to set (%j %j)', async (settings, environment, message) => {
    await expect(imapOptions(settings, environment)).rejects.toThrow(message);
  });

  it('certificates are verified; without TLS from the start STARTTLS is required except to this machine', async () => {
    const remote = clientOptions(await imapOptions({ imap: { host: 'imap.acme.test', user: 'u', secure: false } }, env));
    expect(remote).toMatchObject({ secure: false, port: 143, doSTARTTLS: true, tls: { rejectUnauthorized: true } });
    const local = clientOptions(await imapOptions({ imap: { host: '127.0.0.1', user: 'u', secure: false } }, env));
    expect(local.doSTARTTLS).toBeUndefined();
    expect(clientOptions(await imapOptions({ imap: { host: 'imap.acme.test', user: 'u' } }, env))).toMatchObject({ secure: true, tls: { rejectUnauthorized: true } });
  });
});
