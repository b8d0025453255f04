/**
 * Spreadsheet formula injection (docs/reference/csv.md §5): a text cell starting with `=`, `+`,
 * `-`, `@`, TAB or CR is run as a formula by Excel and LibreOffice, so a customer named
 * `=HYPERLINK(...)` would execute when an export is opened. Export prefixes such cells with `'`
 * (which spreadsheets show as text); import removes exactly that one `'`. A cell that already
 * starts with `'` followed by one of these characters or by another `'` gets one more `'`, so every
 * text survives export → import unchanged. Only text cells are escaped: amounts (`-12.50`) and
 * dates never are.
 */

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);
const QUOTE = "'";

/** True when `text` starts with `'` followed by a formula character or another `'`: the escaped form. */
function startsEscaped(text: string): boolean {
  const second = text.charAt(1);
  return text.charAt(0) === QUOTE && (FORMULA_START.has(second) || second === QUOTE);
}

/** `text` as an exported text cell: a leading `'` when a spreadsheet would run it or when unescaping would change it. */
export function escapeFormula(text: string): string {
  return FORMULA_START.has(text.charAt(0)) || startsEscaped(text) ? `${QUOTE}${text}` : text;
}

/**
 * An imported text cell back to its text: one leading `'` is removed when a formula character or
 * another `'` follows it (what escapeFormula adds); `'a` or a lone `'` stay as they are.
 */
export function unescapeFormula(cell: string): string {
  // Cheap test first: this runs for every text cell of a million-row import.
  if (cell.charCodeAt(0) !== 39) return cell;
  return startsEscaped(cell) ? cell.slice(1) : cell;
}
