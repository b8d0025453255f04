/**
 * Masking an SMTP login in what a server says back. Some servers echo the AUTH line in their
 * refusal, and the base64 `AUTH PLAIN`/`AUTH LOGIN` tokens decode to the password; replacing
 * every substring equal to the password would garble ordinary words (a password `p` turned
 * `no reply` into `no re***ly`), so only whole-token occurrences are masked, and only in text
 * that answers the AUTH exchange.
 */

/** The login of an SMTP connection. */
export interface SmtpLogin {
  user: string | null;
  password: string | null;
}

/** What replaces a masked secret. */
const MASK = '***';

interface SecretForm {
  text: string;
  /** Characters that, next to the match, show it is part of a longer token. */
  inToken: RegExp;
}

const BASE64_CHAR = /[A-Za-z0-9+/=]/;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** Every form in which the password of `login` crosses an SMTP connection or a URL. */
function secretForms(login: SmtpLogin): SecretForm[] {
  const { password } = login;
  if (password === null || password === '') return [];
  const user = login.user ?? '';
  const plainForms = new Set([password, encodeURIComponent(password)]);
  // AUTH PLAIN sends base64(authzid NUL user NUL password) with an empty or repeated authzid;
  // AUTH LOGIN sends base64(password) on its own line.
  const tokenForms = new Set([base64(`\u0000${user}\u0000${password}`), base64(`${user}\u0000${user}\u0000${password}`), base64(password)]);
  return [
    ...[...tokenForms].map((text) => ({ text, inToken: BASE64_CHAR })),
    ...[...plainForms].map((text) => ({ text, inToken: WORD_CHAR })),
  ].sort((a, b) => b.text.length - a.text.length);
}

function standsAlone(text: string, start: number, end: number, inToken: RegExp): boolean {
  const before = start > 0 ? text[start - 1] : undefined;
  const after = end < text.length ? text[end] : undefined;
  return (before === undefined || !inToken.test(before)) && (after === undefined || !inToken.test(after));
}

function maskForm(text: string, form: SecretForm): string {
  let result = '';
  let from = 0;
  for (let at = text.indexOf(form.text); at !== -1; at = text.indexOf(form.text, at + 1)) {
    if (at < from) continue;
    const end = at + form.text.length;
    if (!standsAlone(text, at, end, form.inToken)) continue;
    result += `${text.slice(from, at)}${MASK}`;
    from = end;
  }
  return result + text.slice(from);
}

/**
 * `text` with every whole-token occurrence of the login's password masked: the password as typed
 * or URL-encoded, and its base64 AUTH PLAIN and AUTH LOGIN tokens. Call it only on text from the
 * AUTH exchange; elsewhere a server has no reason to repeat the password.
 */
export function maskLogin(text: string, login: SmtpLogin | null): string {
  if (login === null) return text;
  return secretForms(login).reduce(maskForm, text);
}
