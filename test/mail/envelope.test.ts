/** Envelope addresses: only plain addresses reach the SMTP conversation. */
import { describe, expect, it } from 'vitest';
import { buildEnvelope, envelopeAddress } from '../../src/mail/envelope.js';
import { testRenderer, aPlannedMessage } from '../delivery/fixtures/messages.js';

describe('envelopeAddress', () => {
  it.each([
    ['ar@acme.example', 'ar@acme.example'],
    ['  ar@acme.example ', 'ar@acme.example'],
    ['Acme AR <ar@acme.example>', 'ar@acme.example'],
    ['"Acme, AR" <ar@acme.example>', 'ar@acme.example'],
    ['first.last+tag@sub.acme.example', 'first.last+tag@sub.acme.example'],
  ])('accepts %j', (input, expected) => expect(envelopeAddress(input)).toBe(expected));

  it.each([
    'ar@acme.example\r\nRCPT TO:<evil@x.test>',
    'ar@acme.example\nDATA',
    'a@x.test, b@y.test',
    'a@x.test;b@y.test',
    '"quoted local"@acme.example',
    '"a,b"@acme.example',
    'a@x.test> SIZE=1',
    '<a@x.test> <b@y.test>',
    'no-at-sign',
    'a@localhost',
    'a..b@acme.example',
    'a@-acme.example',
    `a@acme.example\0`,
    '',
  ])('refuses %j', (input) => expect(envelopeAddress(input)).toBeNull());
});

it('builds to + cc + bcc once each and refuses unsafe ones', async () => {
  const planned = aPlannedMessage(1, { to: ['A@x.test', 'bad\r\n@x.test'], cc: ['a@x.test', 'c@x.test'], bcc: ['b@x.test'] });
  const message = await testRenderer().render(planned);
  const built = buildEnvelope(message);
  expect(built.envelope).toEqual({ from: 'billing@company.test', to: ['A@x.test', 'c@x.test', 'b@x.test'] });
  expect(built.refused).toHaveLength(1);
  expect(built.refused[0]?.address).toBe('bad\\r\\n@x.test');
});

it('refuses the whole message when the sender is not a plain address', async () => {
  const message = await testRenderer({ from: 'billing@company.test\r\nBcc: x@y.test' }).render(aPlannedMessage(1));
  expect(buildEnvelope(message)).toMatchObject({ envelope: null, problem: expect.stringContaining('sender') });
});
