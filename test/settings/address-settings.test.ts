import { describe, expect, it } from 'vitest';
import { formatProblems, validateSettings } from '../../src/settings/validate.js';

// Addresses in the settings are used for sending: they must pass the check sending applies, so a
// value the schema's loose pattern lets through (no dot in the domain, doubled dots) is refused here.
describe('addresses in settings pass the sending check', () => {
  it.each([
    ['company.email without a dot in the domain', { company: { email: 'ar@acme' } }, 'company.email: "ar@acme" has an invalid domain'],
    ['a bcc with doubled dots', { mail: { bcc: 'a..b@x.example' } }, 'mail.bcc: "a..b@x.example" has an invalid part before "@"'],
    ['a bcc list entry with a numeric top-level domain', { mail: { bcc: ['ok@x.example', 'user@host.123'] } }, 'mail.bcc: "user@host.123" has an invalid domain'],
    ['a From whose address has no dot', { smtp: { from: 'Acme AR <ar@acme>' } }, 'smtp.from: "Acme AR <ar@acme>" has an invalid domain'],
  ])('refuses %s', (_name, settings, message) => {
    expect(formatProblems(validateSettings(settings))).toEqual([message]);
  });

  it.each([
    ['a plain company e-mail', { company: { email: 'ar@acme.example' } }],
    ['a From with a display name', { smtp: { from: 'Acme AR <ar@acme.example>', replyTo: 'billing@acme.example' } }],
    ['a bcc list', { mail: { bcc: ['a@example.com', "o'brien@example.ie"] } }],
    ['a Greek mailbox', { company: { email: 'λογιστήριο@παράδειγμα.gr' } }],
  ])('accepts %s', (_name, settings) => {
    expect(validateSettings(settings)).toEqual([]);
  });
});
