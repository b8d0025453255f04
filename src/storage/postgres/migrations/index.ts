/**
 * The PostgreSQL twin of every migration in ../index.ts: the same version, the same name, the
 * SQL this engine needs (bigint money, `COLLATE "C"` text, date columns, identity ids).
 *
 * Adding a migration: write `../NNN-name.ts` (SQLite) and `./NNN-name.ts` (PostgreSQL, types
 * from ./types.ts), and list both, with the same number and name, in ../index.ts and here. The
 * schema-parity test fails while one engine has a migration, table or column the other lacks.
 */
import type { Migration } from '../../sqljs/migrations/index.js';
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

/** All PostgreSQL migrations, ascending by version, numbered like the SQLite ones. */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
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
  { version: 12, name: 'change-counts', sql: changeCounts },
  { version: 13, name: 'proposal-line-outcomes', sql: proposalLineOutcomes },
];
