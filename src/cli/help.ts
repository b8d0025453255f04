/**
 * The usage texts of `duedesk --help` and `duedesk COMMAND --help`: docs/reference/cli.md in short
 * (keep the two in step).
 */
import { settingKeysText } from '../settings/table.js';

/** Help topics: the whole program or one command. */
export type HelpTopic = 'main' | 'send-due' | 'import' | 'export' | 'config' | 'statement' | 'db' | 'promise' | 'dispute' | 'note' | 'proposal' | 'history' | 'bank' | 'inbox';

const GLOBAL = `Global options:
  --db FILE|URL      database file, or a postgres:// URL of a shared ledger (env DUEDESK_DB;
                     default: duedesk.sqlite in the user data directory)
  --config-dir DIR   settings directory (env DUEDESK_CONFIG_DIR; default: the user config directory)
  --engine NAME      SQLite engine of a file ledger: native (node:sqlite, Node 22.5+; the default
                     there) or sqljs (WebAssembly; the default on Node 20)
  --help             this text; "duedesk COMMAND --help" for one command
  --version          the version of duedesk and the engine a file ledger runs on`;

const EXIT_CODES = `Exit codes:
  0   done (also when nothing was due)
  1   some messages failed or are uncertain
  2   usage, configuration or input error (nothing changed)
  3   mail transport unusable before anything was sent
  75  try again later: another duedesk process holds the database, or the mail
      server deferred the rest of the run (421, rate or quota replies); a lock not
      refreshed for 60 s (its holder killed, on any host) is taken over`;

const MAIN = `duedesk — accounts-receivable reminders and statements from the terminal

Usage:
  duedesk                         open the TUI
  duedesk --review                open the TUI read-only: nothing can be sent or changed
  duedesk --send-due              send everything due, then exit
      --as-of YYYY-MM-DD          evaluate as of that date
      --dry-run                   decide and report only; send nothing, change nothing
      --json                      print one JSON object on stdout
      --out DIR                   with --dry-run: write each message as
                                  DIR/<customer>-<currency>-<level or kind>.eml and .pdf
  duedesk import customers|items|payments|plans FILE [--skip-invalid] [--snapshot]
          [--encoding NAME] [--decimal-comma] [--date-format YMD|DMY|MDY]
  duedesk export history|customers|items [--from DATE] [--to DATE] [--raw]     CSV on stdout
  duedesk export handover [--as-of D] [--raw]     items past their level's maxRepeats, CSV
  duedesk export inbox [--from DATE] [--to DATE]  the mail inbox fetch filed, CSV
  duedesk statement CODE… [--as-of D] [--scope overdue|all-open] [--kind open-items|activity]
          [--from D --to D] (--out DIR | --send)
  duedesk config get KEY | set KEY VALUE | unset KEY | list | path | test-mail ADDRESS
  duedesk db check | backup FILE [--replace] [--wait S] | copy SOURCE DEST [--replace] [--wait S]
          | prune-archive
  duedesk db roles setup | grant ROLE clerk|supervisor|admin | revoke ROLE     (PostgreSQL)
  duedesk export audit [--from D] [--to D] [--raw]     every change that is not a send, CSV
  duedesk history show ID | copy ID --out DIR | resend ID [--to ADDRESS]
  duedesk promise CODE --date D [--amount A] [--items N…] [--note TEXT]
  duedesk dispute CODE ITEM --reason TEXT | --resolve [--note TEXT]
  duedesk note CODE TEXT [--follow-up D] | --done ID
  duedesk proposal list | show ID | approve ID [--remove KEY…]
  duedesk import bank FILE [--json] [--dry-run] [--format camt|mt940]
  duedesk bank unmatched | assign REF CODE [--items N…]
  duedesk inbox fetch             file bounces and replies from the company mailbox
  duedesk inbox list | handle ID [HOW] | clear CODE [ADDRESS]

${GLOBAL}

${EXIT_CODES}
`;

const SEND_DUE = `Usage: duedesk --send-due [--as-of YYYY-MM-DD] [--dry-run] [--json] [--out DIR]

Plans everything due and sends it, each message at most once, then exits. Safe to start from cron:
a second run at the same time waits for the first or exits 75; so does a run the mail server
deferred (421, rate or quota replies): the rest stays due for the next run.

  --as-of YYYY-MM-DD   evaluate as of that date instead of today; a real send (not --dry-run)
                       only within schedule.maxAsOfDays (default 7) days of today, else exit 2
  --dry-run            decide and report only; send nothing, change nothing
  --json               print one JSON object on stdout instead of the text report
  --out DIR            with --dry-run: write each message as
                       DIR/<customer>-<currency>-<level or kind>.eml and .pdf

With schedule.autoSend set to false, --send-due sends nothing and says so.
Both a dry run and a send first render the texts of every template the messages use: a template
fault exits 2, naming the file and the tag, before anything is sent. A message whose invoice PDF is missing (levels with
attachInvoices) is held back and reported as skipped: missing-attachment, with the file.

${GLOBAL}

${EXIT_CODES}
`;

const IMPORT = `Usage: duedesk import customers|items|payments|plans FILE [options]

Reads a CSV file with a header row (delimiter , ; or tab, detected). A file with any invalid row
imports nothing and exits 2, listing every problem as FILE:LINE: column: message.
Re-importing the same file changes nothing.

  --skip-invalid         import the valid rows and list the invalid ones
  --snapshot             items: the file is the complete list of open items; open items of the
                         listed customers that are absent from it are closed
                         payments: the file is the complete list of the listed customers' payments;
                         their other payments are removed and what those took from items is given back
  --encoding NAME        file encoding (default UTF-8, with or without BOM), e.g. windows-1253
  --decimal-comma        amounts use a decimal comma (1234,50)
  --date-format FORMAT   YMD (default), DMY or MDY

Columns (* = required, order free):
  customers: code*,name*,email,email2,email3,language,currency,reminders,statement_every_days,
             agent_email,hold_until,notes
  items:     customer_code*,number*,issue_date*,due_date*,amount*,open_amount,currency,kind,
             reference,case,hold_until
  payments:  customer_code*,date*,amount*,reference*,item_number,case,currency
  plans:     customer_code*,case*,installment*,day_of_month*,start_date*,end_date,active

  duedesk import bank FILE [--json] [--dry-run] [--format camt|mt940]
reads a bank statement (camt.053/camt.054, MT940); see "duedesk bank --help".

${GLOBAL}
`;

const EXPORT = `Usage: duedesk export history|customers|items [--from DATE] [--to DATE] [--raw]
       duedesk export handover [--as-of D] [--raw]
       duedesk export audit [--from D] [--to D] [--raw]
       duedesk export inbox [--from DATE] [--to DATE] [--raw]

Writes CSV on stdout in the import format (customers, items), the message history, or the
items handed over (handover: past their level's maxRepeats, no longer reminded), for a
collection agency or lawyer: customer, item, amounts and every level sent with its dates.
inbox: every mail "inbox fetch" filed (bounces, replies, auto-replies, unmatched) by the day
it was received. Text starting with = + - @ TAB or CR gets a leading ' so a spreadsheet shows it instead of
running it as a formula; import removes it again. Amounts and dates are never changed.

  --from DATE   only from this date (YYYY-MM-DD)
  --to DATE     only up to this date (YYYY-MM-DD)
  --as-of D     handover: as of that date (default: today)
                audit: the audit trail, who changed what and when (UTC and local), old and
                new value; --from/--to are UTC days
  --raw         write every value as it is, without the leading '

${GLOBAL}
`;

const STATEMENT = `Usage: duedesk statement CODE… [--as-of D] [--scope overdue|all-open]
         [--kind open-items|activity] [--from D [--to D]] (--out DIR | --send) [--json]

The statement of each customer now, one per currency it has open items (or, for activity, movements) in.

  --as-of D            the statement date (default today); with --send at most
                       schedule.maxAsOfDays (default 7) days from today, else exit 2
  --scope S            all-open (default: every open item) or overdue
  --kind K             open-items, or activity: opening balance, every document and payment of the
                       period with the running balance, closing balance (default policy.statementKind)
  --from D [--to D]    the period of an activity statement (implies --kind activity; --to defaults
                       to the statement date). Without them: from the day after the previous
                       statement, else the last N days of the statement interval (30 when none)
  --out DIR            write DIR/<customer>-<currency>-statement.eml and .pdf; sends nothing
  --send               send them like --send-due: recorded in the history, at most once per
                       customer, currency and day (a second --send that day sends nothing and says so)
  --json               with --send or --out: print the --send-due --json object instead of the text report

An unknown customer code is an error (exit 2) and nothing is written or sent.

${GLOBAL}

${EXIT_CODES}
`;

const CONFIG = `Usage: duedesk config get KEY | set KEY VALUE | unset KEY | list | path | test-mail ADDRESS

  get KEY            print the value in effect (the default when unset)
  set KEY VALUE      VALUE is read as JSON when it parses (587, true, ["a@x.com"], {...}), else as
                     text; the whole settings file is validated first and nothing is written when
                     it fails. A VALUE starting with "-" goes after "--": set KEY -- -5
  unset KEY          remove a key so its default applies again
  list               print every key that is set, as KEY=JSON
  path               print the path of the settings file
  test-mail ADDRESS  send one short e-mail to ADDRESS with the current mail settings
                     (exit 3 when the transport is unusable, 1 when the server refuses it)

Passwords are never stored: use the environment variable DUEDESK_SMTP_PASSWORD or smtp.passwordCommand.
DUEDESK_SMTP_URL (smtp[s]://user:pass@host:port) overrides the SMTP settings and selects smtp.

Keys:
${settingKeysText()}

Examples:
  duedesk config set company.name "Acme Trading Ltd"
  duedesk config set company.address 'Via Roma 1\\n00100 Roma'      (\\n: a new line)
  duedesk config set smtp.port 587
  duedesk config set mail.bcc '["ar@acme.example","archive@acme.example"]'
  duedesk config set policy.levels '[{"id":"first","name":"First reminder","days":10,"template":"first"},
    {"id":"final","name":"Final notice","days":30,"template":"final","repeatEveryDays":14,
     "fee":{"EUR":5,"GBP":4.5}}]'         (fee: a number in policy.defaultCurrency, or one per currency)

${GLOBAL}
`;

const DB = `Usage: duedesk db check | backup FILE [--replace] [--wait S] | copy SOURCE DEST [--replace] [--wait S]
       duedesk db prune-archive
       duedesk db roles setup | grant ROLE clerk|supervisor|admin | revoke ROLE

  check            run SQLite's integrity_check on the database file: prints "FILE: ok" (exit 0)
                   or every problem found (exit 2); reads only, never creates or changes the file.
                   Then every archived message is checked against its SHA-256: each one missing
                   or altered is named (exit 1). On PostgreSQL only the archive is checked
  backup FILE      write a consistent copy of the database to FILE: taken under the write lock,
                   only when integrity_check passes, written atomically with mode 0600; the
                   archived messages go into the folder archive/ beside FILE
    --replace      replace FILE when it exists (otherwise an existing FILE is refused)
  copy SOURCE DEST copy a whole ledger, history and archived messages included, between a
                   database file and a PostgreSQL ledger (postgres://…), in either direction, in
                   one transaction; a file SOURCE must exist; from a file, this host's shared
                   settings go along
    --replace      empty a DEST that holds a ledger first (otherwise it is refused)
  prune-archive    remove the archived copies of messages older than archive.keepDays days (none
                   while it is unset) and say how many and how much space; the history keeps
                   each message and says its copy was pruned
  roles setup      PostgreSQL: create the group roles duedesk_clerk, duedesk_supervisor and
                   duedesk_admin with their rights on the ledger (run by its owner; again after
                   an upgrade)
  grant ROLE LEVEL make the login role ROLE a member of exactly duedesk_LEVEL
  revoke ROLE      take ROLE out of every duedesk role
                   Every change is recorded in the audit trail (export audit)
  --wait S         backup and copy are taken between sends: they wait up to S seconds
                   (default 600) for a send under way to end, then exit 75 naming it; 0 refuses
                   at once. No send starts while they copy.

check and backup work on a database file; back a PostgreSQL ledger up with
"db copy URL FILE" (taken between sends, like backup) or pg_dump.

A damaged database is never saved over: every command that would write it exits 2 with
"the database FILE is damaged: …". Restore a backup (copy it over the database file while no
duedesk runs).

${GLOBAL}
`;

const PROMISE = `Usage: duedesk promise CODE --date YYYY-MM-DD [--amount A] [--items N…] [--note TEXT] [--as-of D]

Records a customer's promise to pay. Its items are not reminded until --date plus
policy.promiseGraceDays; if by then the customer's payments in that currency dated from today
do not reach the amount, the items escalate to their next level at once and the reminder says
"on DATE you promised to pay AMOUNT".

  --date D        the day the customer promised to pay by (today or later, at most 5 years ahead)
  --amount A      what was promised, in major units (default: the items' open amount)
  --items N…      the items it covers, one currency (default: every open, undisputed item in
                  the customer's currency); several after one --items, or --items again
  --note TEXT     what was said
  --as-of D       the day the promise is made (default: today)

${GLOBAL}
`;

const DISPUTE = `Usage: duedesk dispute CODE ITEM --reason TEXT
       duedesk dispute CODE ITEM --resolve [--note TEXT]

Marks an item disputed: it is left out of reminders (statements show it as disputed and do not
ask for it) until the dispute is resolved. When the customer has a sales agent (agent_email),
the agent is told by e-mail (template "dispute", in the customer's language). When that e-mail
cannot go (no sender address, a refusing server), the dispute stays recorded, the command exits
0 and says on stderr that the agent was not told, and why.

  --reason TEXT   why the customer disputes it (one line)
  --resolve       the dispute is settled: the item is reminded again from the next run
  --note TEXT     with --resolve: how it was settled
  --as-of D       the day it is recorded (default: today)

${GLOBAL}
`;

const NOTE = `Usage: duedesk note CODE TEXT [--follow-up YYYY-MM-DD]
       duedesk note --done ID

Adds a note to a customer (a call, an agreement) with the operator and the time. A note with a
follow-up date is a task on Due now from that day until it is marked done.

  --follow-up D   the day to follow up
  --done ID       mark the follow-up of note ID done

${GLOBAL}
`;

const PROPOSAL = `Usage: duedesk proposal list | show ID | approve ID [--remove KEY…]

With schedule.approval set, --send-due sends nothing: it records the day's plan as a proposal
and prints its id (and lists it to schedule.digestTo). A clerk approves it here or in the TUI,
taking out lines if need be; the next --send-due sends exactly the approved lines that are
still due (a line paid since is dropped and reported). Each line keeps what became of it: sent,
failed, uncertain, not sent (not attempted: the next run of the day sends it) or dropped, with
why. A line taken out is not proposed again that day.

  list             every proposal, newest first, with what became of its lines
  show ID          its lines (key, kind, amount, items, outcome) and totals per currency
  approve ID       approve it (your name and the time are recorded)
  --remove KEY…    with approve: leave these lines out (keys as show lists them)

${GLOBAL}
`;

const HISTORY = `Usage: duedesk history show ID
       duedesk history copy ID --out DIR
       duedesk history resend ID [--to ADDRESS]

Every message duedesk sends is kept byte for byte as it was handed over (the archive: the folder
archive/ beside a database file, or the ledger itself on PostgreSQL). ID is the message's number
in History and in "export history".

  show ID          the message's details (recipients, subject, status, totals, items) and the
                   SHA-256 and size of its archived copy
  copy ID          write the archived copy: DIR/message-ID.eml byte for byte, and each attachment
    --out DIR      as it was sent (the statement or letter PDF the customer received)
  resend ID        send a copy of the message again, its body unchanged, the subject marked as a
    --to ADDRESS   copy in the customer's language, to the addresses it went to or to ADDRESS;
                   recorded in the history as a message of kind copy, at most once a day per
                   message and address

A notice (the dispute notice, the approval digest, the test e-mail) is N and its number: history
show N3, history copy N3 --out DIR.

A copy that was pruned (archive.keepDays, db prune-archive), is missing or no longer matches its
SHA-256 is refused with exit 2, naming it; "db check" checks every copy.

${GLOBAL}
`;

const BANK = `Usage: duedesk import bank FILE [--json] [--dry-run] [--format camt|mt940]
       duedesk bank unmatched
       duedesk bank assign REF CODE [--items N…]

import bank reads the credits of a bank statement — ISO 20022 camt.053/camt.054 (versions .02 to
.08) or SWIFT MT940, told apart by their content — and turns each into payments, matched in this
order: a valid RF creditor reference (the one on our letters, or an item's own), item numbers in
the payment text of a customer whose name or known IBAN fits (split over them in the order
named, the rest on account), a debtor IBAN remembered from an earlier match (on account). The
rest is unmatched: listed, and kept for a clerk. Importing the same statement again, or the
camt.053 after its camt.054, changes nothing. A reversal undoes the credit it returns. The whole
file is one transaction: a malformed file (the element or line named) changes nothing, exit 2.

  --json              one object: credits, items, onAccount, unmatched[], duplicates
  --dry-run           match and report; change nothing
  --format F          camt or mt940 instead of detecting it

bank unmatched      the credits waiting for a clerk, CSV on stdout
bank assign         give credit REF to customer CODE; with --items, split over those items in
                    that order (each up to its open amount, the rest on account); the debtor's
                    IBAN is remembered for CODE

${GLOBAL}
`;

const INBOX = `Usage: duedesk inbox fetch
       duedesk inbox list | handle ID [promise|dispute|note|handled] | clear CODE [ADDRESS]

Reads the new mail of the company mailbox over IMAP (imap.* settings, or DUEDESK_IMAP_URL
imap[s]://user@host:port/mailbox; the password from DUEDESK_IMAP_PASSWORD or
imap.passwordCommand, never stored) and files each mail once:
  bounce      a delivery report for one of our messages: a permanent failure (5.x.x) marks the
              message bounced and the address undeliverable; a delay is noted on the message
  reply       a customer's answer: on its timeline, pausing its reminders until a clerk handles
              it or policy.replyPauseDays pass
  auto-reply  out-of-office and other automatic answers: noted on the timeline
  unmatched   anything else: counted and listed, left alone
Mail is never deleted; it is moved only when imap.moveTo names a folder. Prints the counts and
one line per bounce and reply. Exit 3 when the server cannot be reached or refuses the login,
75 when another fetch is reading the mailbox.

  list          the bounces and replies nobody has handled, newest first, with their ids
  handle ID     a clerk dealt with it (how: default handled); a reply then pauses nothing
  clear CODE    clear the customer's undeliverable mark on ADDRESS, or on every address

${GLOBAL}
`;

/** The help text of a topic. */
export function helpText(topic: HelpTopic): string {
  switch (topic) {
    case 'main':
      return MAIN;
    case 'send-due':
      return SEND_DUE;
    case 'import':
      return IMPORT;
    case 'export':
      return EXPORT;
    case 'config':
      return CONFIG;
    case 'statement':
      return STATEMENT;
    case 'db':
      return DB;
    case 'promise':
      return PROMISE;
    case 'dispute':
      return DISPUTE;
    case 'note':
      return NOTE;
    case 'proposal':
      return PROPOSAL;
    case 'history':
      return HISTORY;
    case 'bank':
      return BANK;
    case 'inbox':
      return INBOX;
    default: {
      const unreachable: never = topic;
      return unreachable;
    }
  }
}
