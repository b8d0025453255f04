/**
 * A reply's own words (docs/reference/inbox.md §2): the quoted copy of our letter is cut off where
 * mail programs start it — `On … wrote:`, an `-----Original Message-----` line, Outlook's `From:`
 * block after a rule or blank line, or a run of `>` lines.
 */
import { MAX_TEXT_CHARS } from './read-mail.js';

/** Lines that start the quoted copy in the common mail programs and the desk's languages. */
const QUOTE_START = [
  /^-{2,}\s*(original message|ursprüngliche nachricht|message d'origine|messaggio originale|mensaje original|mensagem original|αρχικό μήνυμα|оригинално съобщение)\s*-{2,}\s*$/i,
  /^(on|am|le|il|el|em|στις|на)\b.{0,200}(wrote|schrieb|a écrit|ha scritto|escribió|escreveu|έγραψε|написа)\s*:\s*$/i,
  /^_{10,}\s*$/,
  /^(from|von|de|da|από|от):\s.+$/i,
];

/** The text before the quoted copy, trimmed, at most 64 KB. */
export function replyText(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const outlookHeader = QUOTE_START[3]!.test(line) && (i === 0 || lines[i - 1]!.trim() === '' || QUOTE_START[2]!.test(lines[i - 1]!.trim()));
    if (QUOTE_START.slice(0, 3).some((p) => p.test(line)) || outlookHeader || (line.startsWith('>') && lines.slice(i).every((l) => l.trim() === '' || l.trim().startsWith('>')))) {
      end = i;
      break;
    }
  }
  const own = lines.slice(0, end).join('\n').trim();
  return own.length > MAX_TEXT_CHARS ? own.slice(0, MAX_TEXT_CHARS) : own;
}
