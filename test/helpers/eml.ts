/**
 * Reading .eml files as a mail client would: the plain text, the HTML and the attachments of a
 * MIME message, with quoted-printable and base64 decoded (enough for what duedesk writes).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The decoded parts of one e-mail. */
export interface EmlParts {
  headers: string;
  text: string;
  html: string;
  attachments: { filename: string; content: Buffer }[];
}

function split(raw: string): { headers: string; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  return { headers: raw.slice(0, end).replace(/\r\n[ \t]+/g, ' '), body: raw.slice(end + 4) };
}

function header(headers: string, name: string): string {
  return new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1] ?? '';
}

function decode(body: string, encoding: string): Buffer {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64');
  if (/quoted-printable/i.test(encoding)) {
    const soft = body.replace(/=\r\n/g, '');
    return Buffer.from(soft.replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  }
  return Buffer.from(body, 'latin1'); // 8bit: the file was read byte for byte
}

function walk(raw: string, parts: EmlParts): void {
  const { headers, body } = split(raw);
  const type = header(headers, 'Content-Type');
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (boundary !== undefined) {
    for (const chunk of body.split(`--${boundary}`).slice(1, -1)) walk(chunk.replace(/^\r\n/, ''), parts);
    return;
  }
  const content = decode(body, header(headers, 'Content-Transfer-Encoding'));
  const filename = /filename="?([^";]+)"?/i.exec(header(headers, 'Content-Disposition'))?.[1];
  if (filename !== undefined) parts.attachments.push({ filename, content });
  else if (/text\/plain/i.test(type)) parts.text += content.toString('utf8').replace(/\r\n/g, '\n');
  else if (/text\/html/i.test(type)) parts.html += content.toString('utf8').replace(/\r\n/g, '\n');
}

/** Parse one e-mail. */
export function readEml(raw: string): EmlParts {
  const parts: EmlParts = { headers: split(raw).headers, text: '', html: '', attachments: [] };
  walk(raw, parts);
  return parts;
}

/** Every .eml file in `dir` (by name), parsed; none when the folder does not exist. */
export function emlFiles(dir: string): EmlParts[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.eml')).sort();
  } catch {
    return [];
  }
  return names.map((name) => readEml(readFileSync(join(dir, name), 'latin1')));
}

/** Every value of header `name` in the header block of `raw`, unfolded, RFC 2047 words decoded. */
export function headerValues(raw: string, name: string): string[] {
  const headers = split(raw).headers;
  return [...headers.matchAll(new RegExp(`^${name}:[ \\t]*(.*)$`, 'gim'))].map((m) => decodeWords(m[1] ?? ''));
}

/** RFC 2047 encoded words as text; whitespace between two adjacent words is dropped, as the RFC says. */
export function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_m, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
}

/** A decoded `Name <address>` (quoted names unquoted) as its parts; a bare address has name ''. */
export function mailboxParts(value: string): { name: string; address: string } {
  const bracket = /^(.*)<([^<>]+)>\s*$/.exec(value.trim());
  if (bracket === null) return { name: '', address: value.trim() };
  const name = bracket[1]!.trim();
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(name);
  return { name: quoted ? quoted[1]!.replace(/\\(.)/g, '$1') : name, address: bracket[2]! };
}
