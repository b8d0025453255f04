/**
 * ISO 20022 camt.053 (statement), camt.054 (debit/credit notification) and camt.052 (account
 * report), versions .001.02 to .001.08 (docs/reference/bank.md §1.1). The versions differ in their
 * namespace and in a few moved elements (the status became `Sts/Cd` in .06, the debtor
 * `Dbtr/Pty/Nm` in .08, the transaction amount moved out of `AmtDtls` in .03); each is read where
 * it is. A batch entry's transactions are separate credits.
 */
import { BankFileProblem, endToEndOrNull, type BankCredit, type BankReversal, type BankStatement } from '../core/bank/credit.js';
import { currencyDigits, isCurrency, parseAmount } from '../core/money.js';
import { normalizeIban } from '../core/iban.js';
import { at, attribute, children, parseXml, textAt, textsAt, type XmlNode } from './xml-tree.js';
import { StableRefs } from './stable-refs.js';

/** The message kinds and what holds their entries. */
const MESSAGES: readonly (readonly [message: string, report: string])[] = [
  ['BkToCstmrStmt', 'Stmt'],
  ['BkToCstmrDbtCdtNtfctn', 'Ntfctn'],
  ['BkToCstmrAcctRpt', 'Rpt'],
];

/** Read a camt file's credits and reversals. Throws BankFileProblem naming the element. */
export function readCamt(xml: string, progress?: (done: number, total: number) => void): BankStatement {
  const root = parseXml(xml);
  const document = children(root, 'Document')[0];
  if (document === undefined) throw new BankFileProblem('Document', 'missing: not an ISO 20022 camt message');
  const found = MESSAGES.find(([message]) => children(document, message).length > 0);
  if (found === undefined) throw new BankFileProblem('Document', 'has no BkToCstmrStmt, BkToCstmrDbtCdtNtfctn or BkToCstmrAcctRpt: not a camt.052/053/054 message');
  const [message, reportName] = found;
  const reports = children(children(document, message)[0], reportName);
  const statement: BankStatement = { format: 'camt', credits: [], reversals: [], entries: 0 };
  const refs = new StableRefs();
  const total = reports.reduce((sum, report) => sum + children(report, 'Ntry').length, 0);
  for (const [r, report] of reports.entries()) {
    const accountCurrency = textAt(report, 'Acct/Ccy');
    for (const [n, entry] of children(report, 'Ntry').entries()) {
      const path = `Document/${message}/${reportName}[${r + 1}]/Ntry[${n + 1}]`;
      readEntry(entry, path, accountCurrency, refs, statement);
      statement.entries += 1;
      if (progress !== undefined && statement.entries % 500 === 0) progress(statement.entries, total);
    }
  }
  return statement;
}

/** One entry: its credits (one per transaction of a batch) or its reversal, or nothing for a debit. */
function readEntry(entry: XmlNode, path: string, accountCurrency: string | undefined, refs: StableRefs, into: BankStatement): void {
  const indicator = required(entry, 'CdtDbtInd', path);
  if (indicator !== 'CRDT' && indicator !== 'DBIT') throw new BankFileProblem(`${path}/CdtDbtInd`, `"${indicator}" is neither CRDT nor DBIT`);
  const status = textAt(entry, 'Sts/Cd') ?? textAt(entry, 'Sts') ?? 'BOOK';
  const reversal = ['true', '1'].includes(textAt(entry, 'RvslInd') ?? '');
  const entryAmount = amountOf(entry, 'Amt', path, accountCurrency);
  const date = dateOf(entry, path);
  // Money not yet booked (pending, information only) is not paid yet: the booked entry will follow.
  if (status !== 'BOOK') return;
  if (indicator === 'CRDT' && reversal) return; // a debit of ours given back: no customer paid
  const transactions = children(entry, 'NtryDtls').flatMap((details) => children(details, 'TxDtls'));
  const entryRef = textAt(entry, 'AcctSvcrRef') ?? textAt(entry, 'NtryRef');
  if (indicator === 'DBIT') {
    if (!reversal) return;
    const tx = transactions[0];
    const reversed: BankReversal = {
      ref: entryRef ?? textAt(tx, 'Refs/AcctSvcrRef') ?? refs.make([path, date, String(entryAmount.amount)]),
      date,
      amount: entryAmount.amount,
      currency: entryAmount.currency,
      iban: ibanOf(tx),
      endToEndId: endToEndOrNull(textAt(tx, 'Refs/EndToEndId')),
    };
    into.reversals.push(reversed);
    return;
  }
  const batch = transactions.length > 1;
  const amounts = transactions.map((tx, k) => txAmount(tx, `${path}/NtryDtls/TxDtls[${k + 1}]`, accountCurrency));
  // A batch whose transactions carry no amounts cannot be split: it is one credit of the entry.
  if (transactions.length === 0 || (batch && amounts.some((amount) => amount === undefined))) {
    into.credits.push(credit(transactions[0], entryRef, entryAmount, date, refs));
    return;
  }
  for (const [k, tx] of transactions.entries()) {
    if (textAt(tx, 'CdtDbtInd') === 'DBIT') continue;
    const own = textAt(tx, 'Refs/AcctSvcrRef');
    const ref = own ?? (batch && entryRef !== undefined ? `${entryRef}/${k + 1}` : entryRef);
    into.credits.push(credit(tx, ref, amounts[k] ?? entryAmount, date, refs));
  }
}

/** A credit from one transaction's details (or none, for an entry without details). */
function credit(
  tx: XmlNode | undefined,
  ref: string | undefined,
  money: { amount: number; currency: string },
  date: string,
  refs: StableRefs,
): BankCredit {
  const text = textsAt(tx, 'RmtInf/Ustrd').join(' ').replace(/\s+/g, ' ').trim();
  const creditorRef = textsAt(tx, 'RmtInf/Strd/CdtrRefInf/Ref')[0] ?? null;
  const debtor = textAt(tx, 'RltdPties/Dbtr/Nm') ?? textAt(tx, 'RltdPties/Dbtr/Pty/Nm')
    ?? textAt(tx, 'RltdPties/UltmtDbtr/Nm') ?? textAt(tx, 'RltdPties/UltmtDbtr/Pty/Nm') ?? '';
  const iban = ibanOf(tx);
  const endToEndId = endToEndOrNull(textAt(tx, 'Refs/EndToEndId'));
  const fallback = endToEndId ?? textAt(tx, 'Refs/TxId');
  return {
    ref: ref ?? fallback ?? refs.make([date, String(money.amount), money.currency, iban ?? '', debtor, text]),
    date,
    amount: money.amount,
    currency: money.currency,
    debtor,
    iban,
    creditorRef,
    text,
    endToEndId,
  };
}

/** The debtor's IBAN, normalized, or null. */
function ibanOf(tx: XmlNode | undefined): string | null {
  const iban = textAt(tx, 'RltdPties/DbtrAcct/Id/IBAN');
  return iban === undefined ? null : normalizeIban(iban);
}

/** The transaction's own amount where its version puts it, or undefined. */
function txAmount(tx: XmlNode, path: string, accountCurrency: string | undefined): { amount: number; currency: string } | undefined {
  for (const where of ['Amt', 'AmtDtls/TxAmt/Amt', 'AmtDtls/InstdAmt/Amt']) {
    if (at(tx, where) !== undefined) return amountOf(tx, where, path, accountCurrency);
  }
  return undefined;
}

/** An amount element (`<Amt Ccy="EUR">12.50</Amt>`) in minor units. */
function amountOf(node: XmlNode, where: string, path: string, accountCurrency: string | undefined): { amount: number; currency: string } {
  const element = at(node, where);
  const text = textAt(node, where);
  if (element === undefined || text === undefined) throw new BankFileProblem(`${path}/${where}`, 'missing');
  const currency = attribute(element, 'Ccy') ?? accountCurrency;
  if (currency === undefined || !isCurrency(currency)) throw new BankFileProblem(`${path}/${where}@Ccy`, `"${currency ?? ''}" is not a currency code`);
  // The schema allows five decimals; zeros past the currency's own are no amount of money.
  const digits = currencyDigits(currency);
  const parsed = parseAmount(text.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''), digits);
  if (!parsed.ok) {
    const said = parseAmount(text, digits);
    throw new BankFileProblem(`${path}/${where}`, said.ok ? parsed.error : said.error);
  }
  if (parsed.value < 0) throw new BankFileProblem(`${path}/${where}`, `"${text}" is negative; the direction is CdtDbtInd`);
  return { amount: parsed.value, currency };
}

/** Booking date, else value date (`Dt`, or the day of `DtTm`). */
function dateOf(entry: XmlNode, path: string): string {
  const day = textAt(entry, 'BookgDt/Dt') ?? textAt(entry, 'BookgDt/DtTm')?.slice(0, 10)
    ?? textAt(entry, 'ValDt/Dt') ?? textAt(entry, 'ValDt/DtTm')?.slice(0, 10);
  if (day === undefined) throw new BankFileProblem(`${path}/BookgDt`, 'missing (and no ValDt)');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
    throw new BankFileProblem(`${path}/BookgDt`, `"${day}" is not a date`);
  }
  return day;
}

/** A required element's text. */
function required(node: XmlNode, where: string, path: string): string {
  const text = textAt(node, where);
  if (text === undefined) throw new BankFileProblem(`${path}/${where}`, 'missing');
  return text;
}
