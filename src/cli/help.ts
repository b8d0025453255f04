/** The usage texts of `duedesk --help` and `duedesk COMMAND --help` (SPEC §6). */
import { settingKeysText } from '../settings/change.js';

/** Help topics: the whole program or one command. */
export type HelpTopic = 'main' | 'send-due' | 'import' | 'export' | 'config' | 'db';

const GLOBAL = `Global options:
  --db FILE          database file (env DUEDESK_DB; default: duedesk.sqlite in the user data directory)
  --config-dir DIR   settings directory (env DUEDESK_CONFIG_DIR; default: the user config directory)
  --help             this text; "duedesk COMMAND --help" for one command
  --version          the version of duedesk`;

const EXIT_CODES = `Exit codes:
  0   done (also when nothing was due)
  1   some messages failed or are uncertain
  2   usage, configuration or input error (nothing changed)
  3   mail transport unusable before anything was sent
  75  another duedesk process holds the database (cron may retry); a lock not refreshed
      for 60 s (its holder killed, on any host) is taken over`;

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
  duedesk export history|customers|items [--from DATE] [--to DATE]     CSV on stdout
  duedesk config get KEY | set KEY VALUE | unset KEY | list | path | test-mail ADDRESS
  duedesk db check | backup FILE [--replace]

${GLOBAL}

${EXIT_CODES}
`;

const SEND_DUE = `Usage: duedesk --send-due [--as-of YYYY-MM-DD] [--dry-run] [--json] [--out DIR]

Plans everything due and sends it, each message at most once, then exits. Safe to start from cron:
a second run at the same time waits for the first or exits 75.

  --as-of YYYY-MM-DD   evaluate as of that date instead of today
  --dry-run            decide and report only; send nothing, change nothing
  --json               print one JSON object on stdout instead of the text report
  --out DIR            with --dry-run: write each message as
                       DIR/<customer>-<currency>-<level or kind>.eml and .pdf

With schedule.autoSend set to false, --send-due sends nothing and says so.

${GLOBAL}

${EXIT_CODES}
`;

const IMPORT = `Usage: duedesk import customers|items|payments|plans FILE [options]

Reads a CSV file with a header row (delimiter , ; or tab, detected). A file with any invalid row
imports nothing and exits 2, listing every problem as FILE:LINE: column: message.
Re-importing the same file changes nothing.

  --skip-invalid         import the valid rows and list the invalid ones
  --snapshot             items only: the file is the complete list of open items; open items of the
                         listed customers that are absent from it are closed
  --encoding NAME        file encoding (default UTF-8, with or without BOM), e.g. windows-1253
  --decimal-comma        amounts use a decimal comma (1234,50)
  --date-format FORMAT   YMD (default), DMY or MDY

Columns (* = required, order free):
  customers: code*,name*,email,email2,email3,language,currency,reminders,statement_every_days,
             agent_email,hold_until,notes
  items:     customer_code*,number*,issue_date*,due_date*,amount*,open_amount,currency,kind,
             reference,case,hold_until
  payments:  customer_code*,date*,amount*,reference*,item_number,case
  plans:     customer_code*,case*,installment*,day_of_month*,start_date*,end_date,active

${GLOBAL}
`;

const EXPORT = `Usage: duedesk export history|customers|items [--from DATE] [--to DATE]

Writes CSV on stdout in the import format (customers, items) or the message history.

  --from DATE   only from this date (YYYY-MM-DD)
  --to DATE     only up to this date (YYYY-MM-DD)

${GLOBAL}
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
  duedesk config set smtp.port 587
  duedesk config set mail.bcc '["ar@acme.example","archive@acme.example"]'
  duedesk config set policy.levels '[{"id":"first","name":"First reminder","days":10,"template":"first"},
    {"id":"final","name":"Final notice","days":30,"template":"final","repeatEveryDays":14}]'

${GLOBAL}
`;

const DB = `Usage: duedesk db check | backup FILE [--replace]

  check            run SQLite's integrity_check on the database file: prints "FILE: ok" (exit 0)
                   or every problem found (exit 2); reads only, never creates or changes the file
  backup FILE      write a consistent copy of the database to FILE: taken under the write lock,
                   only when integrity_check passes, written atomically with mode 0600
    --replace      replace FILE when it exists (otherwise an existing FILE is refused)

A damaged database is never saved over: every command that would write it exits 2 with
"the database FILE is damaged: …". Restore a backup (copy it over the database file while no
duedesk runs).

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
    case 'db':
      return DB;
    default: {
      const unreachable: never = topic;
      return unreachable;
    }
  }
}
