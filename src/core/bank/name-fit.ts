/**
 * Whether a debtor's name as the bank prints it is a customer's name (docs/reference/bank.md §2):
 * banks upper-case, drop accents, write `ae` for `ä` and cut long names, and companies appear with
 * or without their legal form. The names fit when the first word that says who the customer is
 * (not a legal form, not a short filler) is a word of the debtor's name.
 */

const LEGAL_FORMS = new Set([
  'gmbh', 'mbh', 'ag', 'kg', 'ohg', 'ug', 'ev', 'ltd', 'limited', 'plc', 'llc', 'inc', 'corp', 'co', 'company',
  'srl', 'spa', 'sas', 'snc', 'sa', 'sarl', 'sl', 'bv', 'nv', 'ab', 'as', 'oy', 'ae', 'ike', 'oe', 'ood', 'eood',
  'ad', 'lda', 'the', 'and', 'und', 'e', 'di', 'de', 'la', 'le', 'of',
]);

/** The words of a name: transliterated umlauts, no accents, lower case, punctuation inside words dropped. */
export function nameWords(name: string): string[] {
  const plain = name
    .replace(/[äÄ]/g, 'ae').replace(/[öÖ]/g, 'oe').replace(/[üÜ]/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFD').replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.'’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
  return plain.split(' ').filter((word) => word.length >= 3 && !LEGAL_FORMS.has(word));
}

/** True when the debtor's name fits the customer's name. */
export function namesFit(debtor: string, customer: string): boolean {
  const a = nameWords(debtor);
  const b = nameWords(customer);
  if (a.length === 0 || b.length === 0) return false;
  return a.includes(b[0]!);
}
