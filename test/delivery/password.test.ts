/** The SMTP password: from the environment or a command, never echoed. */
import { expect, it } from 'vitest';
import { resolvePassword } from '../../src/mail/password.js';
import { createTransport } from '../../src/mail/transports/index.js';

it('prefers DUEDESK_SMTP_PASSWORD over the command', async () => {
  expect(await resolvePassword('echo fromcommand', { DUEDESK_SMTP_PASSWORD: 'fromenv' })).toBe('fromenv');
});

it('takes a password typed for the session as a value, before the environment and the command', async () => {
  const env = { DUEDESK_SMTP_PASSWORD: 'fromenv' };
  expect(await resolvePassword('echo fromcommand', env, 'typed')).toBe('typed');
  expect(env).toEqual({ DUEDESK_SMTP_PASSWORD: 'fromenv' });
  expect(await resolvePassword(undefined, {}, '')).toBeNull();
});

it('takes the first output line of smtp.passwordCommand', async () => {
  expect(await resolvePassword("printf 's3cr et\\nsecond\\n'", { PATH: process.env.PATH })).toBe('s3cr et');
});

it('reports a failing command without its output', async () => {
  const failing = resolvePassword('echo hunter2; exit 7', { PATH: process.env.PATH });
  await expect(failing).rejects.toThrow(/passwordCommand exited with status 7/);
  await expect(failing).rejects.not.toThrow(/hunter2/);
  await expect(resolvePassword('true', { PATH: process.env.PATH })).rejects.toThrow(/printed no password/);
});

it('is null when nothing is configured', async () => {
  expect(await resolvePassword(undefined, {})).toBeNull();
});

it('refuses a bad DUEDESK_SMTP_URL and an smtp transport without host', async () => {
  const place = { dbPath: null, cwd: '/tmp' };
  await expect(createTransport({}, { DUEDESK_SMTP_URL: 'http://x' }, place)).rejects.toThrow(/smtp: or smtps:/);
  await expect(createTransport({}, { DUEDESK_SMTP_URL: 'not a url' }, place)).rejects.toThrow(/not a URL/);
  await expect(createTransport({ mail: { transport: 'smtp' } }, {}, place)).rejects.toThrow(/smtp.host is not set/);
  expect((await createTransport({}, {}, place)).description).toBe('outbox /tmp/outbox');
  expect((await createTransport({}, { DUEDESK_SMTP_URL: 'smtps://u:p@mail.example.com' }, place)).description).toBe('smtp mail.example.com:465 (TLS)');
});
