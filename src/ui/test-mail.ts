/** A small plain-text test e-mail as MIME bytes (Settings "send a test e-mail"). */
import { randomUUID } from 'node:crypto';

/** Encode a header value as RFC 2047 UTF-8 base64 when it is not plain ASCII. */
function headerText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** The test e-mail from `from` to `to`, with its Message-ID. */
export function testMailMime(from: string, to: string, company: string, now: Date): { raw: Buffer; messageId: string } {
  const domain = from.slice(from.lastIndexOf('@') + 1) || 'localhost';
  const messageId = `<test-${randomUUID()}@${domain}>`;
  const body = `This is a test e-mail from duedesk for ${company}.\r\nIf you can read it, the mail settings work.\r\n`;
  const headers = [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: ${headerText(`duedesk test e-mail — ${company}`)}`,
    `Date: ${now.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
  ];
  const encoded = Buffer.from(body, 'utf8').toString('base64').replace(/.{1,76}/g, '$&\r\n');
  return { raw: Buffer.from(`${headers.join('\r\n')}\r\n\r\n${encoded}`, 'utf8'), messageId };
}
