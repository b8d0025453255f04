/** From and Reply-To from the settings, and the customer's name before the To address. */
import { describe, expect, it } from 'vitest';
import { addressed, composeMime } from '../../src/mail/compose.js';
import { replyToOf, senderOf } from '../../src/mail/sender.js';
import { headerValues } from '../helpers/eml.js';

describe('Reply-To', () => {
  it.each([
    ['smtp.replyTo when set', { smtp: { replyTo: ' Credit Control <cc@acme.test> ' }, company: { name: 'Acme', email: 'ar@acme.test' } }, 'Credit Control <cc@acme.test>'],
    ['else company.email with the company name', { smtp: { from: 'noreply@relay.test' }, company: { name: 'Acme "Best" Ltd', email: 'ar@acme.test' } }, '"Acme \\"Best\\" Ltd" <ar@acme.test>'],
    ['else company.email alone', { company: { email: 'ar@acme.test' } }, 'ar@acme.test'],
    ['none without either', { smtp: { from: 'ar@acme.test' } }, null],
  ])('is %s', (_what, settings, expected) => {
    expect(replyToOf(settings)).toBe(expected);
  });

  it('leaves the sender rules as they were', () => {
    expect(senderOf({ smtp: { from: 'AR <ar@acme.test>' }, company: { email: 'x@acme.test' } })).toBe('AR <ar@acme.test>');
  });
});

describe('the name in To', () => {
  it('turns line breaks and control characters of a ledger name into spaces, so no header can be smuggled in', async () => {
    expect(addressed('a@b.test', 'Acme\r\nBcc: spy@evil.test\u0007 Ltd')).toEqual({ name: 'Acme Bcc: spy@evil.test Ltd', address: 'a@b.test' });
    expect(addressed('a@b.test', ' \t ')).toBe('a@b.test');
    expect(addressed('a@b.test', null)).toBe('a@b.test');
    const raw = await composeMime(
      { key: 'k', messageId: '<k@acme.test>', from: 'ar@acme.test', replyTo: null, to: ['a@b.test'], toName: 'Acme\r\nBcc: spy@evil.test', cc: [], bcc: [], subject: 's', text: 't', html: '<p>t</p>', attachments: [], pdf: new Uint8Array() },
      new Date('2026-03-20T08:00:00Z'),
    );
    expect(headerValues(raw.toString('latin1'), 'Bcc')).toEqual([]);
    expect(headerValues(raw.toString('latin1'), 'To')).toEqual(['"Acme Bcc: spy@evil.test" <a@b.test>']);
    expect(headerValues(raw.toString('latin1'), 'Reply-To')).toEqual([]);
  });
});
