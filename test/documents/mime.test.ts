import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplateSet, type TemplateSet } from '../../src/documents/load-templates.js';
import { loadStatementFonts, type StatementFonts } from '../../src/documents/pdf/fonts.js';
import { buildMessage } from '../../src/documents/build-message.js';
import { senderOf } from '../../src/mail/sender.js';
import { composeMime } from '../../src/mail/compose.js';
import { buildEnvelope } from '../../src/mail/envelope.js';
import { makeMessageId, messageIdDomain } from '../../src/mail/message-id.js';
import type { PlannedMessage } from '../../src/core/plan.js';
import { asOf, customer, line, planned, settings } from './fixtures.js';

let templates: TemplateSet;
let fonts: StatementFonts;
beforeAll(() => {
  templates = loadTemplateSet();
  fonts = loadStatementFonts();
});

const messageId = '<2026-03-20.C-001-EUR-first.abc@acme.test>';
const build = (message: PlannedMessage, extra: Partial<Parameters<typeof buildMessage>[1]> = {}) =>
  buildMessage(message, { settings, asOf, templates, fonts, messageId, ...extra });

/** Split a MIME message into its header block (unfolded) and the rest. */
function headersOf(mime: Buffer): string {
  const text = mime.toString('utf8');
  return text.slice(0, text.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
}

function decodeWords(header: string): string {
  return header.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_, kind: string, data: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'));
}

describe('buildMessage', () => {
  it('builds the e-mail with the PDF attached as <key>.pdf', async () => {
    const message = await build(planned('el', 'first', [line('Τ-1', 128450)], { cc: ['agent@acme.test'], bcc: ['archive@acme.test'] }));
    expect(message.from).toBe('Acme Receivables <ar@acme.test>');
    expect(message.replyTo).toBe('accounts@acme.test');
    expect(message.subject).toBe('Υπενθύμιση πληρωμής – Acme Εμπορική Α.Ε., πελάτης C-001');
    expect(message.text).toContain('1.284,50 €');
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]).toMatchObject({ filename: 'C-001-EUR-first.pdf', contentType: 'application/pdf' });
    expect(message.attachments[0]?.content).toBe(message.pdf);
    expect(message.messageId).toBe(messageId);
  });

  it('attaches the invoice PDFs of the reminded items from mail.invoiceDir', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duedesk-invoices-'));
    try {
      writeFileSync(join(dir, 'F-1.pdf'), '%PDF-1.4 invoice');
      writeFileSync(join(dir, 'F-2.pdf'), '%PDF-1.4 invoice');
      const lines = [line('F-1', 100), line('F-2', 100)];
      const message = await build(planned('en', 'first', lines, { attachInvoices: true }), { settings: { ...settings, mail: { invoiceDir: dir } } });
      expect(message.attachments.map((a) => a.filename)).toEqual(['C-001-EUR-first.pdf', 'F-1.pdf', 'F-2.pdf']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Planning holds such messages back; a file gone since, or a number that is no file name, must
  // still never let the message out without its invoice.
  it.each([
    ['a file that is not there', 'F-404', (dir: string) => `missing attachment: ${join(dir, 'F-404.pdf')} (ENOENT)`],
    ['an item number that is not a plain file name', '../secret', () => 'missing attachment: invoice "../secret": the item number is not usable as a file name'],
  ])('refuses to build the message for %s', async (_what, number, error) => {
    const dir = mkdtempSync(join(tmpdir(), 'duedesk-invoices-'));
    try {
      writeFileSync(join(dir, 'F-1.pdf'), '%PDF-1.4 invoice');
      writeFileSync(join(dir, 'secret.pdf'), '%PDF-1.4 not yours');
      const lines = [line('F-1', 100), line(number, 100)];
      const building = build(planned('en', 'first', lines, { attachInvoices: true }), { settings: { ...settings, mail: { invoiceDir: dir } } });
      await expect(building).rejects.toThrow(error(dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('derives the sender from the company when smtp.from is not set', () => {
    expect(senderOf({ company: { name: 'Acme "Best"', email: 'ar@acme.test' } })).toBe('"Acme \\"Best\\"" <ar@acme.test>');
    expect(senderOf({})).toBe('duedesk@duedesk.invalid');
  });
});

describe('composeMime', () => {
  it('writes text, HTML alternative and PDF, a decodable UTF-8 subject, the Message-ID, and no BCC header', async () => {
    const who = customer('bg', { name: 'Иванов ООД' });
    const message = await build(planned('bg', 'final', [line('Ф-1', 5000)], { customer: who, cc: ['agent@acme.test'], bcc: ['archive@acme.test'] }));
    const mime = await composeMime(message, new Date('2026-03-20T08:00:00Z'));
    const headers = headersOf(mime);
    expect(headers).not.toMatch(/^bcc:/im);
    expect(mime.toString('utf8')).not.toContain('archive@acme.test');
    expect(headers).toContain(`Message-ID: ${messageId}`);
    expect(headers).toMatch(/^Cc: agent@acme\.test$/m);
    expect(headers).toMatch(/^Reply-To: accounts@acme\.test$/m);
    expect(headers).toMatch(/^Date: Fri, 20 Mar 2026 08:00:00 \+0000$/m);
    const subject = /^Subject: (.*)$/m.exec(headers)?.[1] ?? '';
    expect(subject).toMatch(/^[\x20-\x7e]+$/);
    expect(decodeWords(subject)).toBe(message.subject);
    expect(message.subject).toContain('ПОСЛЕДНО ПРЕДУПРЕЖДЕНИЕ');
    const body = mime.toString('utf8');
    expect(body).toMatch(/Content-Type: multipart\/mixed/);
    expect(body).toMatch(/Content-Type: multipart\/alternative/);
    expect(body).toMatch(/Content-Type: text\/plain; charset=utf-8/);
    expect(body).toMatch(/Content-Type: text\/html; charset=utf-8/);
    expect(body).toMatch(/Content-Type: application\/pdf; name=C-001-EUR-final\.pdf/);
    expect(body).toContain('Content-Disposition: attachment; filename=C-001-EUR-final.pdf');
    const pdfPart = body.slice(body.indexOf('filename=C-001-EUR-final.pdf'));
    const base64 = pdfPart.slice(pdfPart.indexOf('\r\n\r\n') + 4, pdfPart.indexOf('\r\n--')).replace(/\r\n/g, '');
    expect(Buffer.from(base64, 'base64').equals(Buffer.from(message.pdf))).toBe(true);
  });

  it('gives the same bytes for the same message and date (preview equals what is sent)', async () => {
    const message = await build(planned('it', 'second', [line('FT-9', 777)]));
    const date = new Date('2026-03-20T08:00:00Z');
    expect((await composeMime(message, date)).equals(await composeMime(message, date))).toBe(true);
    const other = await composeMime(message, new Date('2026-03-20T09:30:00Z'));
    const strip = (mime: Buffer) => mime.toString('utf8').replace(/^Date: .*$/m, '');
    expect(strip(other)).toBe(strip(await composeMime(message, date)));
  });

  it('puts every recipient, BCC included, into the envelope once', async () => {
    const message = await build(planned('en', 'first', [line('F-1', 1)], { to: ['a@x.test'], cc: ['b@x.test', 'A@x.test'], bcc: ['c@x.test'] }));
    expect(buildEnvelope(message).envelope).toEqual({ from: 'ar@acme.test', to: ['a@x.test', 'b@x.test', 'c@x.test'] });
  });
});

describe('Message-ID', () => {
  it('takes the domain from smtp.from, then company.email, else duedesk.invalid', () => {
    expect(messageIdDomain({ smtp: { from: 'Acme <AR@Acme.Example>' } })).toBe('acme.example');
    expect(messageIdDomain({ company: { email: 'x@billing.acme.gr' } })).toBe('billing.acme.gr');
    expect(messageIdDomain({})).toBe('duedesk.invalid');
  });

  it('makes a well-formed id from any key', () => {
    expect(makeMessageId('C 01/ΑΒ-EUR-first', '2026-03-20', 'acme.gr', 'n1')).toBe('<2026-03-20.C_01/_-EUR-first.n1@acme.gr>');
    expect(makeMessageId('k', '2026-03-20', 'not a domain', 'n')).toBe('<2026-03-20.k.n@duedesk.invalid>');
    expect(makeMessageId('a', '2026-03-20', 'acme.gr', 'x')).toMatch(/^<[^<>@\s]+@acme\.gr>$/);
  });
});
