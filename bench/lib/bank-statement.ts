/**
 * A large bank statement and the ledger it pays, generated deterministically: customers with
 * invoices, and a camt.053 whose credits are matched every way duedesk matches (our RF, an
 * invoice's own RF, invoice numbers in the text with the name fitting), with debits and unmatched
 * credits among them (docs/reference/bank.md §2). Shared by the bank benchmark and its test.
 */
import { accountRfReference, makeRfReference } from '../../src/core/rf-reference.js';

/** The files of one generated statement. */
export interface GeneratedStatement {
  customersCsv: string;
  itemsCsv: string;
  xml: string;
  /** What the import must report (how many of the matched pay items depends on the open amounts they meet). */
  expected: { credits: number; matched: number; unmatched: number };
}

/** `entries` statement entries over `customers` customers (three invoices each). */
export function generateStatement(entries: number, customers = Math.max(10, Math.ceil(entries / 5))): GeneratedStatement {
  const customerRows = ['code,name,email,currency'];
  const itemRows = ['customer_code,number,issue_date,due_date,amount,reference'];
  for (let c = 0; c < customers; c += 1) {
    const code = `K${String(c).padStart(6, '0')}`;
    customerRows.push(`${code},Firma${c} Handels GmbH,ap${c}@example.com,EUR`);
    for (let i = 0; i < 3; i += 1) {
      const number = `R${c}-${i}`;
      const reference = i === 2 ? makeRfReference(`${c}X${i}`) : '';
      itemRows.push(`${code},${number},2026-09-01,2026-10-01,${100 + (c % 50)}.00,${reference}`);
    }
  }
  const expected = { credits: 0, matched: 0, unmatched: 0 };
  const ntries: string[] = [];
  for (let n = 0; n < entries; n += 1) {
    const c = n % customers;
    const code = `K${String(c).padStart(6, '0')}`;
    const kind = n % 10;
    const amount = `${(10 + (n % 90)).toFixed(0)}.${String(n % 100).padStart(2, '0')}`;
    let indicator = 'CRDT';
    let remittance = '';
    let debtor = `Firma${c} Handels GmbH`;
    if (kind <= 3) {
      remittance = `<Strd><CdtrRefInf><Ref>${accountRfReference(code, 'EUR')}</Ref></CdtrRefInf></Strd>`;
      expected.matched += 1;
    } else if (kind <= 5) {
      remittance = `<Ustrd>Rechnung R${c}-0 und R${c}-1</Ustrd>`;
      expected.matched += 1;
    } else if (kind === 6) {
      remittance = `<Strd><CdtrRefInf><Ref>${makeRfReference(`${c}X2`)}</Ref></CdtrRefInf></Strd>`;
      expected.matched += 1;
    } else if (kind === 7) {
      indicator = 'DBIT';
      remittance = '<Ustrd>Miete</Ustrd>';
    } else {
      debtor = `Someone ${n}`;
      remittance = `<Ustrd>Spende ${n}</Ustrd>`;
      expected.unmatched += 1;
    }
    if (indicator === 'CRDT') expected.credits += 1;
    ntries.push(`<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${indicator}</CdtDbtInd><Sts>BOOK</Sts>` +
      `<BookgDt><Dt>2026-12-03</Dt></BookgDt><ValDt><Dt>2026-12-03</Dt></ValDt><AcctSvcrRef>BNK${String(n).padStart(8, '0')}</AcctSvcrRef>` +
      `<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><RltdPties><Dbtr><Nm>${debtor}</Nm></Dbtr></RltdPties>` +
      `<RmtInf>${remittance}</RmtInf></TxDtls></NtryDtls></Ntry>`);
  }
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>BIG</MsgId><CreDtTm>2026-12-03T20:00:00</CreDtTm></GrpHdr>
<Stmt><Id>BIG-1</Id><CreDtTm>2026-12-03T20:00:00</CreDtTm><Acct><Id><IBAN>AT611904300234573201</IBAN></Id><Ccy>EUR</Ccy></Acct>
${ntries.join('\n')}
</Stmt></BkToCstmrStmt></Document>
`;
  return { customersCsv: `${customerRows.join('\n')}\n`, itemsCsv: `${itemRows.join('\n')}\n`, xml, expected };
}
