/**
 * What came back to the demo company's mailbox (docs/reference/inbox.md): the mail server's report
 * that EN03's first address no longer exists (so today's reminder goes to its second one), and
 * IT02's answer to its reminder (so today's reminder waits for a clerk). Filed as `inbox fetch`
 * files mail, from a stand-in mailbox: the demo has no mail server.
 */
import { addDays } from '../src/core/dates.js';
import type { IsoDate } from '../src/core/domain.js';
import { emptyResult, fileReceived } from '../src/actions/inbox.js';
import { listMessages } from '../src/storage/messages.js';
import { openLedger } from '../src/storage/open-ledger.js';

/** The customer whose first address bounced, and the one that answered. */
export const BOUNCED_CUSTOMER = 'EN03';
export const REPLYING_CUSTOMER = 'IT02';
const DEAD_ADDRESS = 'finance@kestrelmarine.example.com';

const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

/** A Postfix report that our message `messageId` (with brackets) to DEAD_ADDRESS bounced. */
function bounce(messageId: string): string {
  return crlf(`Return-Path: <>
From: MAILER-DAEMON@mail.duedesk-demo.example.com (Mail Delivery System)
To: accounts@duedesk-demo.example.com
Subject: Undelivered Mail Returned to Sender
Auto-Submitted: auto-replied
Message-Id: <demo-bounce.1@mail.duedesk-demo.example.com>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="demo-report"

--demo-report
Content-Type: text/plain

<${DEAD_ADDRESS}>: host mx.kestrelmarine.example.com said: 550 5.1.1 User unknown

--demo-report
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.duedesk-demo.example.com

Final-Recipient: rfc822; ${DEAD_ADDRESS}
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <${DEAD_ADDRESS}>: mailbox no longer exists

--demo-report
Content-Type: text/rfc822-headers

Message-ID: ${messageId}
To: ${DEAD_ADDRESS}
Subject: Statement of account

--demo-report--
`);
}

/** IT02's answer, from its address: it names none of our messages, so its sender files it. */
const REPLY = crlf(`From: Nicolò Sorrentino <info@dolcezzenicolo.example.it>
To: accounts@duedesk-demo.example.com
Subject: Re: Sollecito di pagamento
Message-ID: <demo-reply.1@dolcezzenicolo.example.it>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Buongiorno, la fattura FT-2026-0500 è stata pagata venerdì con bonifico; vi allego la contabile.
Per la FT-2026-0498 chiediamo trenta giorni in più.

Il giorno lun 30 nov 2026, Duedesk Demo ha scritto:
> Gentile cliente, le ricordiamo
`);

/**
 * File the two mails into the ledger at `dbPath`: the bounce of the statement sent to EN03
 * (`statementOn`), received the next day, and IT02's reply, received the day before `asOf`.
 */
export async function fileDemoInbox(dbPath: string, asOf: IsoDate, statementOn: IsoDate): Promise<void> {
  const ledger = await openLedger(dbPath);
  try {
    const [statement] = await ledger.read((sql) => listMessages(sql, { customer: BOUNCED_CUSTOMER, from: statementOn, to: statementOn }));
    if (statement === undefined) throw new Error(`no message to ${BOUNCED_CUSTOMER} on ${statementOn} to bounce`);
    const mails = [
      { uid: 1, receivedAt: `${addDays(statementOn, 1)}T08:15:00.000Z`, size: 0, source: Buffer.from(bounce(statement.messageId)) },
      { uid: 2, receivedAt: `${addDays(asOf, -1)}T09:30:00.000Z`, size: 0, source: Buffer.from(REPLY) },
    ];
    await fileReceived(ledger, 'demo@mail.duedesk-demo.example.com/INBOX', 1, mails, emptyResult('demo'), `${addDays(asOf, -1)}T10:00:00.000Z`);
  } finally {
    await ledger.close();
  }
}
