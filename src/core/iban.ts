/**
 * IBAN and BIC checks (ISO 13616 mod-97 and the per-country lengths of the SWIFT IBAN registry):
 * a SEPA QR code is only printed for an account a bank would accept.
 */
import { mod97 } from './rf-reference.js';

/** IBAN length per country (SWIFT IBAN registry). */
const ibanLengths: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22,
  IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18,
  NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31,
  SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29,
  VA: 22, VG: 24, XK: 20, YE: 30,
};

/** Uppercase an IBAN and drop the spaces people type (`gr16 0110…` → `GR160110…`). */
export function normalizeIban(text: string): string {
  return text.replace(/[\s-]+/g, '').toUpperCase();
}

/** Why `text` is not a valid IBAN, or null when it is. */
export function ibanProblem(text: string): string | null {
  const iban = normalizeIban(text);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return 'is not an IBAN (two letters, two digits, then letters and digits)';
  const country = iban.slice(0, 2);
  const length = ibanLengths[country];
  if (length === undefined) return `has an unknown country code ${country}`;
  if (iban.length !== length) return `has ${iban.length} characters; ${country} IBANs have ${length}`;
  if (mod97(`${iban.slice(4)}${iban.slice(0, 4)}`) !== 1) return 'has wrong check digits';
  return null;
}

/** True when `text` is a valid IBAN (country length and mod-97 check). */
export function isValidIban(text: string): boolean {
  return ibanProblem(text) === null;
}

/** Print form of an IBAN: groups of four. */
export function formatIban(text: string): string {
  return normalizeIban(text).replace(/(.{4})(?=.)/g, '$1 ');
}

/** True when `text` has the shape of a BIC (ISO 9362: 8 or 11 characters). */
export function isValidBic(text: string): boolean {
  return /^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(text.replace(/\s+/g, '').toUpperCase());
}
