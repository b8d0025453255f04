/**
 * Every migration this build knows, in order. Migrations are additive and never edited once
 * shipped: a schema change is a new numbered file added here.
 */
import { sql as initial } from './001-initial.js';
import { sql as delivery } from './002-delivery.js';
import { sql as itemReminderState } from './003-item-reminder-state.js';
import { sql as paymentsOnAccount } from './004-payments-on-account.js';
import { sql as reminderStateTable } from './005-reminder-state-table.js';
import { sql as messageAcknowledgements } from './006-message-acknowledgements.js';
import { sql as sendClaims } from './007-send-claims.js';
import { sql as ledgerSettings } from './008-ledger-settings.js';
import { sql as collections } from './009-collections.js';
import { sql as promisesNotesDisputes } from './010-promises-notes-disputes.js';
import { sql as proposals } from './011-proposals.js';
import { sql as changeCounts } from './012-change-counts.js';
import { sql as proposalLineOutcomes } from './013-proposal-line-outcomes.js';

/** One numbered schema change. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * SQLite only: run with foreign keys off (checked before commit), for a migration that rebuilds
   * a table other tables refer to, the only way SQLite changes a CHECK constraint.
   */
  foreignKeysOff?: boolean;
}

/** All migrations, ascending by version, numbered 1..N without gaps. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'delivery', sql: delivery },
  { version: 3, name: 'item-reminder-state', sql: itemReminderState },
  { version: 4, name: 'payments-on-account', sql: paymentsOnAccount },
  { version: 5, name: 'reminder-state-table', sql: reminderStateTable },
  { version: 6, name: 'message-acknowledgements', sql: messageAcknowledgements },
  { version: 7, name: 'send-claims', sql: sendClaims },
  { version: 8, name: 'ledger-settings', sql: ledgerSettings },
  { version: 9, name: 'collections', sql: collections },
  { version: 10, name: 'promises-notes-disputes', sql: promisesNotesDisputes },
  { version: 11, name: 'proposals', sql: proposals },
  { version: 12, name: 'change-counts', sql: changeCounts, foreignKeysOff: true },
  { version: 13, name: 'proposal-line-outcomes', sql: proposalLineOutcomes },
];
