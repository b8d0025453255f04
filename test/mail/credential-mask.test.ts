/** Masking what a server echoes of the login: the password's real occurrences and nothing else. */
import { expect, it } from 'vitest';
import { maskLogin } from '../../src/mail/credential-mask.js';

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

it.each([
  ['the password as typed', 'p@ss word', 'user p@ss word refused', 'user *** refused'],
  ['the URL-encoded password', 'p@ss word', 'smtp://ar:p%40ss%20word@host', 'smtp://ar:***@host'],
  ['the AUTH LOGIN token', 'p@ss word', `535 rejected: AUTH LOGIN ${b64('ar@acme.test')} ${b64('p@ss word')}`, `535 rejected: AUTH LOGIN ${b64('ar@acme.test')} ***`],
  ['the AUTH PLAIN token', 'p@ss word', `535 rejected: AUTH PLAIN ${b64('\u0000ar@acme.test\u0000p@ss word')}`, '535 rejected: AUTH PLAIN ***'],
  ['the AUTH PLAIN token with the user as authzid', 'hunter2', `535 ${b64('ar@acme.test\u0000ar@acme.test\u0000hunter2')}.`, '535 ***.'],
])('masks %s', (_what, password, text, masked) => {
  expect(maskLogin(text, { user: 'ar@acme.test', password })).toBe(masked);
});

it.each([
  'no reply after the message was sent (the server may have it)',
  '535 5.7.8 Authentication credentials invalid',
  '535 5.7.8 Error: authentication failed: bad user name or password, try again',
])('leaves ordinary words alone with a one-letter password: %s', (text) => {
  for (const password of ['p', 'e', '1', 'A']) expect(maskLogin(text, { user: 'u', password })).toBe(text);
});

it('masks a one-letter password only where it stands alone, and its tokens', () => {
  const login = { user: 'u', password: 'p' };
  expect(maskLogin(`535 password "p" refused; AUTH PLAIN ${b64('\u0000u\u0000p')}; ${b64('p')}`, login)).toBe('535 password "***" refused; AUTH PLAIN ***; ***');
});

it('changes nothing without a password', () => {
  expect(maskLogin('AUTH PLAIN AHUA', { user: 'u', password: null })).toBe('AUTH PLAIN AHUA');
  expect(maskLogin('AUTH PLAIN AHUA', null)).toBe('AUTH PLAIN AHUA');
});
