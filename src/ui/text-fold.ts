/**
 * Search text folding: case-insensitive and accent-insensitive matching for every script the
 * customers write in (Greek tonos, Cyrillic, accented Latin), so 'ΑΘΗΝΑ' finds 'Αθήνα'.
 */

const combiningMarks = /\p{M}/gu;

/** Fold text for searching: lower case (Greek final sigma unified), accents removed. */
export function foldText(text: string): string {
  // Plain ASCII (codes, e-mails, most Latin names) has no accents to remove.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(combiningMarks, '')
    .toLocaleLowerCase()
    .replace(/ς/g, 'σ')
    .normalize('NFC');
}
