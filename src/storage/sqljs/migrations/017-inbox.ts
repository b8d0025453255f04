/**
 * Migration 17: the inbox (docs/reference/inbox.md).
 *
 * - `inbox_state`: per mailbox (`user@host/mailbox`), the UIDVALIDITY and last UID filed, and the
 *   fetch lease (`holder`, `held_until`) that lets one fetch at a time read it, on any host.
 * - `inbox_mail`: one row per mail filed, unique by mailbox, UIDVALIDITY and UID, so a mail is
 *   never filed twice; kind, customer, our message it concerns, what it says, and when and how a
 *   clerk handled it.
 * - `undeliverable_addresses`: an address of a customer a permanent bounce reported, with the
 *   date and the server's reason; no message is planned to it while the row exists.
 * - `messages.bounced_at`: when a permanent bounce came back for the message (the history shows it
 *   as `bounced`); `messages.delivery_report`: the latest report's status and reason, a delay too.
 *   Columns rather than a new status: the level still counts as sent (docs/reference/inbox.md §3).
 * - A customer's addresses changed (an import, any write) clear the marks of addresses it no
 *   longer has: a trigger, so no write path can forget it.
 * - Both new tables move the customer's change count (a reply or a dead address changes what the
 *   customer is sent), as the tables of migration 12 do.
 */

const bump = (code: string): string => `UPDATE customers SET change_count = change_count + 1 WHERE code = ${code};`;

export const sql = `
ALTER TABLE messages ADD COLUMN bounced_at TEXT;
ALTER TABLE messages ADD COLUMN delivery_report TEXT;

CREATE TABLE inbox_state (
  mailbox TEXT PRIMARY KEY,
  uidvalidity INTEGER NOT NULL DEFAULT 0,
  last_uid INTEGER NOT NULL DEFAULT 0,
  fetched_at TEXT,
  holder TEXT,
  held_until TEXT
);
CREATE TABLE inbox_mail (
  id INTEGER PRIMARY KEY,
  mailbox TEXT NOT NULL,
  uidvalidity INTEGER NOT NULL,
  uid INTEGER NOT NULL,
  mail_id TEXT NOT NULL DEFAULT '',
  received_at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('bounce', 'auto-reply', 'reply', 'unmatched')),
  customer_code TEXT,
  message_id INTEGER,
  in_reply_to TEXT NOT NULL DEFAULT '',
  from_addr TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  permanent INTEGER NOT NULL DEFAULT 0,
  detail TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  attachments TEXT NOT NULL DEFAULT '[]',
  handled_at TEXT,
  handled_by TEXT,
  handled_as TEXT,
  UNIQUE (mailbox, uidvalidity, uid)
);
CREATE INDEX inbox_mail_by_customer ON inbox_mail (customer_code, received_at);
CREATE INDEX inbox_mail_by_mail_id ON inbox_mail (mail_id);
CREATE TABLE undeliverable_addresses (
  customer_code TEXT NOT NULL,
  address TEXT NOT NULL,
  since TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (customer_code, address)
);
CREATE TRIGGER inbox_mail_count_insert AFTER INSERT ON inbox_mail WHEN NEW.customer_code IS NOT NULL BEGIN ${bump('NEW.customer_code')} END;
CREATE TRIGGER inbox_mail_count_update AFTER UPDATE OF handled_at, customer_code ON inbox_mail
BEGIN ${bump('NEW.customer_code')} ${bump('OLD.customer_code')} END;
CREATE TRIGGER undeliverable_count_insert AFTER INSERT ON undeliverable_addresses BEGIN ${bump('NEW.customer_code')} END;
CREATE TRIGGER undeliverable_count_delete AFTER DELETE ON undeliverable_addresses BEGIN ${bump('OLD.customer_code')} END;
CREATE TRIGGER customers_clear_replaced_addresses AFTER UPDATE OF email, email2, email3 ON customers
BEGIN
  DELETE FROM undeliverable_addresses WHERE customer_code = NEW.code
    AND address NOT IN (LOWER(TRIM(COALESCE(NEW.email, ''))), LOWER(TRIM(COALESCE(NEW.email2, ''))), LOWER(TRIM(COALESCE(NEW.email3, ''))));
END;
`;
