/**
 * The EPC069-12 "SEPA credit transfer" QR payload (version 002, UTF-8): the text banking apps read
 * to pre-fill a transfer. Only the payload; drawing the code is the PDF renderer's job.
 */
import type { Minor } from './domain.js';
import { formatMinor } from './money.js';
import { isValidBic, isValidIban, normalizeIban } from './iban.js';
import { isRfReference } from './rf-reference.js';

/** What a transfer needs. */
export interface EpcTransfer {
  /** Beneficiary name (max 70 characters, cut if longer). */
  name: string;
  iban: string;
  /** Optional in version 002 inside the EEA. */
  bic?: string | null;
  /** Amount in euro cents; must be 1 … 99 999 999 999. */
  amount: Minor;
  /** ISO 11649 structured reference (field 10); when absent `text` goes into field 11. */
  reference?: string | null;
  /** Unstructured remittance information (max 140), used only without a structured reference. */
  text?: string | null;
}

/** Largest amount the standard allows: 999 999 999.99 EUR. */
const maxAmount = 99_999_999_999;

/** Why a transfer cannot be encoded, or null when it can. */
export function epcProblem(transfer: EpcTransfer): string | null {
  if (!isValidIban(transfer.iban)) return 'the IBAN is not valid';
  if (transfer.bic && !isValidBic(transfer.bic)) return 'the BIC is not valid';
  if (transfer.name.trim() === '') return 'the beneficiary name is empty';
  if (!Number.isSafeInteger(transfer.amount) || transfer.amount < 1 || transfer.amount > maxAmount) {
    return 'the amount must be between 0.01 and 999999999.99 EUR';
  }
  if (transfer.reference && !isRfReference(transfer.reference)) return 'the reference is not an RF creditor reference';
  return null;
}

/**
 * The payload lines, in EPC069-12 order: service tag `BCD`, version `002`, character set `1`
 * (UTF-8), identification `SCT`, BIC, name, IBAN, `EUR<amount>`, purpose, structured reference,
 * unstructured text, beneficiary-to-originator information. Trailing empty fields are dropped, as
 * the standard allows, and no line ends with a line feed.
 */
export function epcPayload(transfer: EpcTransfer): string {
  const problem = epcProblem(transfer);
  if (problem) throw new RangeError(`SEPA QR code: ${problem}`);
  const reference = transfer.reference ? transfer.reference.replace(/\s+/g, '').toUpperCase() : '';
  const lines = [
    'BCD',
    '002',
    '1',
    'SCT',
    transfer.bic ? transfer.bic.replace(/\s+/g, '').toUpperCase() : '',
    clip(transfer.name, 70),
    normalizeIban(transfer.iban),
    `EUR${formatMinor(transfer.amount, 2)}`,
    '',
    reference,
    reference ? '' : clip(transfer.text ?? '', 140),
    '',
  ];
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/** Single-line text cut to `max` characters (line feeds would shift every later field). */
function clip(text: string, max: number): string {
  return Array.from(text.replace(/[\r\n]+/g, ' ').trim()).slice(0, max).join('');
}
