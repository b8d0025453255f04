/**
 * Lines of a multi-line text setting (company.address). A one-line prompt or a shell cannot type a
 * line break, so `\n` written as two characters is one, as are real line breaks and `;`. It is
 * read here, where the text becomes lines, so settings files written with a literal `\n` print right.
 */

/** The non-empty, trimmed lines of `text`. */
export function textLines(text: string | undefined): string[] {
  return (text ?? '').split(/\r?\n|\\n|\s*;\s*/).map((part) => part.trim()).filter(Boolean);
}
