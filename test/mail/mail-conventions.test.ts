/**
 * The headers of automated business mail on everything duedesk sends (reminders at each level,
 * statements, installment notices, dispute notices to the agent, the test e-mail, the proposal
 * digest), read from the .eml files the outbox writes and from what a real SMTP server received:
 * `Auto-Submitted: auto-generated` so vacation responders stay quiet, the customer's name in To
 * (Greek, Cyrillic, commas and quotes intact), Reply-To from smtp.replyTo or else company.email,
 * and none of the bulk-mail headers.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import type { Settings } from '../../src/core/settings.js';
import type { Ledger } from '../../src/storage/ledger.js';
import { openLedger } from '../../src/storage/open-ledger.js';
import { headerValues, mailboxParts } from '../helpers/eml.js';
import { startSmtpServer } from '../helpers/smtp.js';
import { customerFor, LANGUAGES, sendBusinessDay, STAFF, supplierSettings } from './fixtures/business-mail.js';

let dir: string;
let ledger: Ledger;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duedesk-conventions-'));
  ledger = await openLedger(join(dir, 'duedesk.db'));
});
afterEach(() => {
  ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Who each message is for, by the key in its Message-ID. */
function expectedTo(messageId: string): { name: string; address: string } {
  const customer = LANGUAGES.map(customerFor).find((c) => messageId.includes(`.${c.code}-EUR-`));
  if (customer) return { name: customer.name, address: customer.email! };
  const agent = /\.dispute-C-([A-Z]{2})-/.exec(messageId)?.[1];
  if (agent) return { name: '', address: customerFor(agent.toLowerCase() as Language).agentEmail! };
  if (messageId.includes('.test-mail.')) return { name: '', address: STAFF.testMail };
  if (messageId.includes('.proposal-')) return { name: '', address: STAFF.digest };
  throw new Error(`a message nobody expected: ${messageId}`);
}

/** The headers every message must have, checked on each raw message; returns the kinds seen. */
function checkConventions(raws: string[], replyTo: string): string[] {
  const kinds: string[] = [];
  for (const raw of raws) {
    const messageId = headerValues(raw, 'Message-ID')[0] ?? '';
    expect(headerValues(raw, 'Auto-Submitted'), messageId).toEqual(['auto-generated']);
    expect(headerValues(raw, 'Precedence'), messageId).toEqual([]);
    expect(headerValues(raw, 'List-Unsubscribe'), messageId).toEqual([]);
    expect(headerValues(raw, 'Reply-To'), messageId).toEqual([replyTo]);
    const to = headerValues(raw, 'To');
    expect(to, messageId).toHaveLength(1);
    expect(mailboxParts(to[0]!), messageId).toEqual(expectedTo(messageId));
    kinds.push(/\.(C-[A-Z]{2}-EUR-[a-z]+|dispute|test-mail|proposal)/.exec(messageId)?.[1] ?? messageId);
  }
  return kinds.sort();
}

/** Every kind of message of the business day, once per language where the customer's language counts. */
const ALL_KINDS = [
  ...LANGUAGES.flatMap((l) => ['upcoming', 'first', 'second', 'final', 'statement', 'activity', 'installment'].map((k) => `C-${l.toUpperCase()}-EUR-${k}`)),
  ...LANGUAGES.map(() => 'dispute'),
  'proposal',
  'test-mail',
].sort();

it('outbox: every message is marked auto-generated, names the customer in To, and replies go to company.email when smtp.replyTo is unset', async () => {
  const outbox = join(dir, 'outbox');
  await sendBusinessDay(ledger, supplierSettings(outbox), {}, dir, true);
  const raws = readdirSync(outbox).map((name) => readFileSync(join(outbox, name), 'latin1'));
  expect(checkConventions(raws, '"Northwind Components S.A." <receivables@northwind-components.example>')).toEqual(ALL_KINDS);
  // The raw header of the Greek customer: an encoded word, never 8-bit bytes or a broken quote.
  const greek = raws.find((raw) => raw.includes('.C-EL-EUR-first.'))!;
  expect(greek).toMatch(/^To: =\?UTF-8\?[BQ]\?/m);
});

it('SMTP: the server receives the same headers, with smtp.replyTo as Reply-To when it is set', async () => {
  const server = await startSmtpServer({ auth: true });
  try {
    const settings: Settings = { ...supplierSettings(join(dir, 'unused-outbox')), smtp: { from: 'Northwind Components <billing@northwind-components.example>', replyTo: 'Credit Control <credit@northwind-components.example>' } };
    await sendBusinessDay(ledger, settings, { DUEDESK_SMTP_URL: server.url() }, dir, true);
    const received = server.accepted();
    expect(checkConventions(received.map((m) => m.raw), 'Credit Control <credit@northwind-components.example>')).toEqual(ALL_KINDS);
    // The envelope carries the bare address only; the name lives in the header.
    const bulgarian = received.find((m) => m.raw.includes('.C-BG-EUR-final.'))!;
    expect(bulgarian.to).toEqual([customerFor('bg').email]);
  } finally {
    await server.close();
  }
});
