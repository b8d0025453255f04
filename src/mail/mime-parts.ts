/**
 * The attachments of an RFC 5322 message as the recipient's mail client decodes them: the MIME
 * tree walked by its boundaries, base64 and quoted-printable bodies decoded, each file's name from
 * its Content-Disposition (RFC 2231 and RFC 2047 encodings read). Enough for the messages
 * duedesk composes (./compose.ts); a name is only a label here, never a path.
 */

/** One attached file as sent. */
export interface MimeAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** The attachments of `raw` in the order they appear. */
export function attachmentsOf(raw: Buffer): MimeAttachment[] {
  const found: MimeAttachment[] = [];
  walk(raw.toString('latin1'), found);
  return found;
}

function walk(part: string, found: MimeAttachment[]): void {
  const end = part.indexOf('\r\n\r\n');
  if (end === -1) return;
  const headers = part.slice(0, end).replace(/\r\n[ \t]+/g, ' ');
  const body = part.slice(end + 4);
  const type = header(headers, 'Content-Type');
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary !== undefined) {
    const delimiter = `\r\n--${boundary}`;
    const chunks = `\r\n${body}`.split(delimiter).slice(1);
    for (const chunk of chunks) {
      if (chunk.startsWith('--')) break;
      walk(chunk.replace(/^[ \t]*\r\n/, ''), found);
    }
    return;
  }
  const disposition = header(headers, 'Content-Disposition');
  const filename = nameOf(disposition) ?? nameOf(type, 'name');
  if (!/^attachment/i.test(disposition) && filename === null) return;
  found.push({ filename: filename ?? 'attachment', contentType: type.split(';')[0]!.trim(), content: decode(body, header(headers, 'Content-Transfer-Encoding')) });
}

function header(headers: string, name: string): string {
  return new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';
}

/** The file name a header parameter gives: `filename*=utf-8''…` (RFC 2231), `filename="=?…?="` (RFC 2047) or plain. */
function nameOf(value: string, parameter = 'filename'): string | null {
  const extended = new RegExp(`${parameter}\\*=([^']*)'[^']*'([^;]+)`, 'i').exec(value);
  if (extended) return Buffer.from(decodeURIComponent(extended[2]!.trim()), 'utf8').toString();
  const plain = new RegExp(`${parameter}="?([^";]+)"?`, 'i').exec(value)?.[1];
  if (plain === undefined) return null;
  return plain.replace(/=\?([^?]+)\?([BQbq])\?([^?]*)\?=/g, (_m, _charset: string, kind: string, text: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_q, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );
}

function decode(body: string, encoding: string): Buffer {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (/quoted-printable/i.test(encoding)) {
    return Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  }
  return Buffer.from(body, 'latin1');
}
