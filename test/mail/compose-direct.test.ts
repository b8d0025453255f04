import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../src/core/message.js';
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { addressed, composeMime } from '../../src/mail/compose.js';

const date = new Date('2026-03-20T08:00:00Z');

/**
 * The reference: nodemailer's own streaming build of the message as we hand it over (boundaries
 * from the Message-ID, CRLF, BCC kept out of the headers). composeMime writes the tree in one pass
 * and must give these bytes.
 */
function nodemailerBuild(message: OutgoingMessage, at: Date): Promise<Buffer> {
  const node = new MailComposer({
    from: message.from,
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    to: message.to.map((address) => addressed(address, message.toName)),
    ...(message.cc.length > 0 ? { cc: message.cc } : {}),
    subject: message.subject, messageId: message.messageId, date: at, headers: { 'Auto-Submitted': 'auto-generated' },
    text: message.text, html: message.html,
    attachments: message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content) })),
    baseBoundary: createHash('sha256').update(message.messageId).digest('hex').slice(0, 16),
    newline: 'windows',
  }).compile();
  node.keepBcc = false;
  return node.build();
}

function message(overrides: Partial<OutgoingMessage>): OutgoingMessage {
  const pdf = new Uint8Array(Buffer.from('%PDF-1.3\n%\u00e2\u00e3\n1 0 obj\n<< >>\nendobj\n', 'latin1'));
  return {
    key: 'C1-EUR-first', messageId: '<c1.abc@acme.test>', from: '"Acme Α.Ε." <ar@acme.test>', replyTo: null,
    to: ['p@customer.test'], toName: 'Παπαδόπουλος, "Βόρεια" Α.Ε.', cc: [], bcc: ['audit@acme.test'], subject: 'Υπενθύμιση πληρωμής',
    text: 'Αγαπητέ πελάτη,\n\nΣας υπενθυμίζουμε.\n', html: '<p>Αγαπητέ πελάτη,</p>\n<p>Σας υπενθυμίζουμε.</p>',
    attachments: [{ filename: 'C1-EUR-first.pdf', contentType: 'application/pdf', content: pdf }], pdf, ...overrides,
  };
}

// Text that exercises every branch of the encoders: Greek, Cyrillic, symbols, trailing spaces and
// tabs, lone CR and LF, CRLF, long lines, '=' signs, and plain ASCII that stays 7bit.
const piece = fc.constantFrom('Αθήνα ', 'София', ' ', '\t', '\n', '\r', '\r\n', '=', '€1.284,50', 'a'.repeat(90), 'plain words here. ', 'x', '.', '');
const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

describe('composeMime in one pass', () => {
  it('gives the bytes of nodemailer’s streaming build for the messages we send', async () => {
    const plain = message({ text: 'Dear customer,\nplease pay.\n', html: '<p>Dear customer</p>', subject: 'Reminder', cc: ['a@b.test'], replyTo: 'r@acme.test', toName: null });
    for (const m of [message({}), plain]) {
      expect((await composeMime(m, date)).equals(await nodemailerBuild(m, date))).toBe(true);
    }
  });

  it('gives the same bytes for any text, HTML, subject and attachments', async () => {
    await fc.assert(
      fc.asyncProperty(text, text, text, fc.uint8Array({ maxLength: 400 }), fc.boolean(), async (body, html, subject, bytes, second) => {
        const attachments = [{ filename: 'Δήλωση €.pdf', contentType: 'application/pdf', content: bytes }];
        if (second) attachments.push({ filename: 'notes.txt', contentType: 'text/plain', content: new Uint8Array(Buffer.from(body)) });
        const m = message({ text: body, html, subject, attachments });
        const direct = await composeMime(m, date);
        const streamed = await nodemailerBuild(m, date);
        expect(direct.toString('latin1')).toBe(streamed.toString('latin1'));
      }),
      { numRuns: 150 },
    );
  });
});
