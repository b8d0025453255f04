/**
 * What each import column may hold as text (docs/reference/csv.md §1.4): a maximum length and no control
 * characters, checked once per cell before any typed reading. Without limits a 1 MB name passed
 * import and then stalled every PDF drawn for it; control characters in codes and names break
 * e-mail headers, file names and terminal lines. Rules are by column name, so the same column
 * (`customer_code`, `case`…) means the same thing in every file. The same table says which columns
 * are text for the spreadsheet-formula escape (formula-escape.ts).
 */

/** The rule for one column. */
export interface FieldRule {
  /** Longest value accepted, in characters (Unicode code points), after trimming. */
  maxLength: number;
  /** Free text (notes) may hold line breaks and tabs; every other column holds none. */
  multiline: boolean;
  /** Text cells are escaped against formula injection on export; amounts, dates and numbers never. */
  text: boolean;
}

const key: FieldRule = { maxLength: 64, multiline: false, text: true };
const name: FieldRule = { maxLength: 200, multiline: false, text: true };
const email: FieldRule = { maxLength: 254, multiline: false, text: true };
const notes: FieldRule = { maxLength: 4000, multiline: true, text: true };
/** Amounts, dates and whole numbers: no valid value comes near 64 characters. */
const value: FieldRule = { maxLength: 64, multiline: false, text: false };
/** Words from a fixed list (language, currency, kind, yes/no): short, and never a formula. */
const word: FieldRule = { maxLength: 64, multiline: false, text: true };

const RULES: Readonly<Record<string, FieldRule>> = {
  code: key, customer_code: key, number: key, item_number: key, reference: key, case: key,
  name, dispute: name, contact_person: name, address_line1: name, address_line2: name, city: name,
  phone: key, postal_code: key,
  email, email2: email, email3: email, agent_email: email,
  notes,
  amount: value, open_amount: value, installment: value,
  issue_date: value, due_date: value, date: value, hold_until: value, start_date: value, end_date: value,
  statement_every_days: value, day_of_month: value,
};

/** The rule of column `column` (any column not listed is a short word). */
export function fieldRule(column: string): FieldRule {
  return RULES[column] ?? word;
}

// C0 controls, DEL, C1 controls (NEL among them) and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// The same, except line feed and tab (carriage returns are already line feeds when a file is read).
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LF_TAB = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
const LINE_BREAKS = new Set(['\n', '\r', '\u0085', '\u2028', '\u2029']);

/** Why `text` breaks `rule`, or null when it is acceptable. Never quotes the text (it may be huge). */
export function fieldProblem(text: string, rule: FieldRule): string | null {
  // A string of N UTF-16 units holds at most N code points: count them only when it may be too long.
  if (text.length > rule.maxLength) {
    const length = codePoints(text);
    if (length > rule.maxLength) return `is ${length} characters long; at most ${rule.maxLength}`;
  }
  const match = (rule.multiline ? CONTROL_EXCEPT_LF_TAB : CONTROL).exec(text);
  if (match === null) return null;
  const char = match[0];
  if (!rule.multiline && LINE_BREAKS.has(char)) return 'contains a line break';
  return `contains a control character (U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`;
}

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}
