/**
 * SWIFT MT940 customer statements (docs/reference/bank.md §1.2): each `:61:` statement line with
 * the `:86:` text that follows it. The `:86:` text is read three ways: the German structured form
 * (`166?00…?20…?29 purpose ?31 IBAN ?32 name`, with the SEPA tags `EREF+`, `SVWZ+` inside the
 * purpose), the Dutch `/NAME/…/REMI/…` form, and plain text.
 */
import { BankFileProblem, endToEndOrNull, type BankCredit, type BankStatement } from '../core/bank/credit.js';
import { currencyDigits, isCurrency, parseAmount } from '../core/money.js';
import { isValidIban, normalizeIban } from '../core/iban.js';
import { firstRf } from '../core/bank/rf-in-text.js';
import { StableRefs } from './stable-refs.js';

/** One tag of the file with the line it starts on; continuation lines joined with `\n`. */
interface Field {
  tag: string;
  value: string;
  line: number;
}

/** The parts of a `:61:` line duedesk uses. */
interface StatementLine {
  date: string;
  mark: 'C' | 'D' | 'RC' | 'RD';
  amount: string;
  customerRef: string;
  bankRef: string;
}

/** What a `:86:` text says about the payment. */
interface Details {
  text: string;
  debtor: string;
  iban: string | null;
  endToEndId: string | null;
  creditorRef: string | null;
}

/** Read an MT940 file's credits and reversals. Throws BankFileProblem naming the line. */
export function readMt940(content: string, progress?: (done: number, total: number) => void): BankStatement {
  const fields = fieldsOf(content);
  const statement: BankStatement = { format: 'mt940', credits: [], reversals: [], entries: 0 };
  const refs = new StableRefs();
  const total = fields.filter((field) => field.tag === '61').length;
  let currency: string | undefined;
  for (const [index, field] of fields.entries()) {
    if (field.tag === '60F' || field.tag === '60M') currency = balanceCurrency(field);
    if (field.tag !== '61') continue;
    statement.entries += 1;
    if (progress !== undefined && statement.entries % 500 === 0) progress(statement.entries, total);
    if (currency === undefined) throw new BankFileProblem(`line ${field.line} (:61:)`, 'comes before any opening balance :60F: that names the currency');
    const line = statementLine(field);
    if (line.mark === 'D' || line.mark === 'RD') continue; // RD: a debit given back, no customer paid
    const next = fields[index + 1];
    const details = detailsOf(next?.tag === '86' ? next.value : '');
    const parsed = parseAmount(line.amount, currencyDigits(currency));
    if (!parsed.ok) throw new BankFileProblem(`line ${field.line} (:61:)`, `amount ${parsed.error}`);
    const own = [line.bankRef, line.customerRef].find((ref) => ref !== '' && ref.toUpperCase() !== 'NONREF');
    if (line.mark === 'RC') {
      statement.reversals.push({
        ref: own ?? refs.make(['RC', line.date, String(parsed.value), details.text]),
        date: line.date, amount: parsed.value, currency, iban: details.iban, endToEndId: details.endToEndId,
      });
      continue;
    }
    const credit: BankCredit = {
      ref: own ?? details.endToEndId ?? refs.make([line.date, String(parsed.value), currency, details.iban ?? '', details.debtor, details.text]),
      date: line.date,
      amount: parsed.value,
      currency,
      ...details,
    };
    statement.credits.push(credit);
  }
  if (total === 0 && !fields.some((field) => field.tag === '20')) throw new BankFileProblem('line 1', 'no :20: or :61: field: not an MT940 statement');
  return statement;
}

/** The file's tags in order; SWIFT block headers (`{1:…}{2:…}{4:`) and message ends (`-`, `-}`) skipped. */
function fieldsOf(content: string): Field[] {
  const fields: Field[] = [];
  const lines = content.split(/\r\n|\n|\r/);
  for (const [index, raw] of lines.entries()) {
    const text = raw.replace(/\s+$/, '');
    const tagged = /^:(\d{2}[A-Z]?):(.*)$/.exec(text);
    if (tagged) {
      fields.push({ tag: tagged[1]!, value: tagged[2]!, line: index + 1 });
      continue;
    }
    if (text === '' || text.startsWith('{') || text === '-' || text === '-}') continue;
    const last = fields[fields.length - 1];
    if (last === undefined) throw new BankFileProblem(`line ${index + 1}`, `"${text.slice(0, 40)}" comes before any :NN: field: not an MT940 statement`);
    last.value += `\n${text}`;
  }
  return fields;
}

/** The currency of an opening balance (`C261201EUR1234,56`). */
function balanceCurrency(field: Field): string {
  const currency = field.value.slice(7, 10);
  if (!/^[CD]\d{6}[A-Z]{3}/.test(field.value) || !isCurrency(currency)) {
    throw new BankFileProblem(`line ${field.line} (:${field.tag}:)`, `"${field.value}" is not a balance (C or D, YYMMDD, currency, amount)`);
  }
  return currency;
}

/** `2612031203CR150,00NTRFNONREF//B3C0312345` and its optional second line. */
function statementLine(field: Field): StatementLine {
  const first = field.value.split('\n')[0] ?? '';
  const match = /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?(\d+,\d*)([NSF][A-Z0-9]{3})(.*)$/.exec(first);
  if (!match) throw new BankFileProblem(`line ${field.line} (:61:)`, `"${first}" is not a statement line (YYMMDD[MMDD] C|D|RC|RD amount type reference)`);
  const [, valueDate = '', entryDate, mark = 'C', , amount = '', , tail = ''] = match;
  const [customerRef = '', bankRef = ''] = tail.split('//');
  const date = bookingDate(valueDate, entryDate, field);
  return { date, mark: mark as StatementLine['mark'], amount: amount.replace(',', '.').replace(/\.$/, ''), customerRef: customerRef.trim(), bankRef: bankRef.trim() };
}

/** The booking date (the entry date's month and day, in the value date's year or the one next to it). */
function bookingDate(value: string, entry: string | undefined, field: Field): string {
  const year = 2000 + Number(value.slice(0, 2));
  const valueDay = `${year}-${value.slice(2, 4)}-${value.slice(4, 6)}`;
  let day = valueDay;
  if (entry !== undefined) {
    const month = Number(entry.slice(0, 2));
    const valueMonth = Number(value.slice(2, 4));
    // Booked in January for a December value date, or the other way round.
    const entryYear = month - valueMonth > 6 ? year - 1 : valueMonth - month > 6 ? year + 1 : year;
    day = `${entryYear}-${entry.slice(0, 2)}-${entry.slice(2, 4)}`;
  }
  if (Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
    throw new BankFileProblem(`line ${field.line} (:61:)`, `"${day}" is not a date`);
  }
  return day;
}

/** The SEPA tags inside a German purpose text. */
const SEPA_TAG = /(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|IBAN|BIC)\+/g;

/** What a `:86:` text says: German `?NN` subfields, Dutch `/KEY/` pairs, or plain text. */
function detailsOf(raw: string): Details {
  const lines = raw.split('\n');
  // Lines are cut at 65 characters wherever the text reaches them; a shorter line ended a phrase.
  const joined = lines.reduce((text, line, index) => (index === 0 ? line : text + ((lines[index - 1]?.length ?? 0) >= 65 ? '' : ' ') + line), '');
  if (/^\d{3}\?\d{2}/.test(raw.replace(/\n/g, ''))) return germanDetails(raw.replace(/\n/g, ''));
  if (/^\/[A-Z]{2,4}\//.test(joined)) return dutchDetails(joined);
  return { text: joined.trim(), debtor: '', iban: null, endToEndId: null, creditorRef: null };
}

/** `166?00GUTSCHR.?20EREF+…?21SVWZ+RE 4711?31DE89…?32Muster GmbH`. */
function germanDetails(text: string): Details {
  const subfields = new Map<number, string>();
  for (const part of text.split('?').slice(1)) {
    const code = Number(part.slice(0, 2));
    if (Number.isInteger(code)) subfields.set(code, part.slice(2));
  }
  const range = (from: number, to: number): string => {
    let joined = '';
    for (let code = from; code <= to; code += 1) joined += subfields.get(code) ?? '';
    return joined;
  };
  const purpose = range(20, 29) + range(60, 63);
  const tags = new Map<string, string>();
  const marks = [...purpose.matchAll(SEPA_TAG)];
  for (const [k, mark] of marks.entries()) {
    const end = marks[k + 1]?.index ?? purpose.length;
    tags.set(mark[1]!, purpose.slice((mark.index ?? 0) + mark[0].length, end).trim());
  }
  const account = normalizeIban(subfields.get(31) ?? tags.get('IBAN') ?? '');
  const said = (tags.get('SVWZ') ?? (marks.length === 0 ? purpose : '')).trim();
  return {
    text: said,
    debtor: range(32, 33).trim(),
    iban: isValidIban(account) ? account : null,
    endToEndId: endToEndOrNull(tags.get('EREF')),
    creditorRef: firstRf(said),
  };
}

/** `/TRTP/SEPA OVERBOEKING/IBAN/NL…/BIC/…/NAME/…/REMI/…/EREF/…`. */
function dutchDetails(text: string): Details {
  const keys = /\/(TRTP|IBAN|BIC|NAME|REMI|EREF|CSID|MARF|ADDR|ORDP|BENM|CNTP|PREF|ULTD|ULTC|PURP|ISDT|ID)\//g;
  const values = new Map<string, string>();
  const marks = [...text.matchAll(keys)];
  for (const [k, mark] of marks.entries()) {
    const end = marks[k + 1]?.index ?? text.length;
    if (!values.has(mark[1]!)) values.set(mark[1]!, text.slice((mark.index ?? 0) + mark[0].length, end).replace(/\/$/, '').trim());
  }
  const remittance = values.get('REMI') ?? '';
  // Rabobank's structured remittance: /REMI/STRD/CUR/RF18…
  const structured = /^STRD\/CUR\/(.+)$/.exec(remittance);
  const unstructured = remittance.replace(/^USTD\/\//, '');
  const account = normalizeIban(values.get('IBAN') ?? '');
  return {
    text: structured ? '' : unstructured,
    debtor: values.get('NAME') ?? '',
    iban: isValidIban(account) ? account : null,
    endToEndId: endToEndOrNull(values.get('EREF')),
    creditorRef: structured ? structured[1]!.trim() : firstRf(unstructured),
  };
}
