/** File names made from data (customer codes, item numbers) that can never become paths. */

/** Keep letters, digits, `.`, `_`, `-`; anything else becomes `_`; never empty, never hidden, at most 120 chars. */
export function safeFileName(name: string): string {
  const cleaned = name.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[.]+/, '_').slice(0, 120);
  return cleaned === '' ? '_' : cleaned;
}
