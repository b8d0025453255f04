/** Notes and follow-ups on a customer: `duedesk note` and the customer detail of the TUI call these. */
import type { CustomerNote, IsoDate } from '../core/domain.js';
import { UserError } from '../core/exit-codes.js';
import { followUpsDue } from '../core/rules/follow-ups.js';
import { followUpsOpenOn, insertNote, markFollowUpDone } from '../storage/customer-notes.js';
import type { Ledger } from '../storage/ledger.js';
import type { Actor } from './actor.js';
import { dateArgument, knownCustomer, textArgument } from './checks.js';

const WHAT = 'note';

/** Check and add a note, with an optional follow-up date; resolves to it as stored. */
export async function addNote(ledger: Ledger, code: string, body: string, followUp: string | undefined, actor: Actor): Promise<CustomerNote> {
  const text = textArgument(WHAT, 'notes', body, true);
  const date = followUp === undefined ? null : dateArgument(WHAT, '--follow-up', followUp);
  return ledger.write(async (sql) => {
    await knownCustomer(sql, WHAT, code);
    const note = { customerCode: code, body: text, operator: actor.operator, createdAt: actor.at, followUp: date };
    return { id: await insertNote(sql, note), ...note, doneAt: null };
  });
}

/** The follow-ups due on `asOf` (their date has come, nobody marked them done), oldest first. */
export async function dueFollowUps(ledger: Ledger, asOf: IsoDate): Promise<CustomerNote[]> {
  return followUpsDue(await ledger.read((sql) => followUpsOpenOn(sql, asOf)), asOf);
}

/** Mark a follow-up done. Throws UserError when there is no open follow-up with that id. */
export async function completeFollowUp(ledger: Ledger, id: number, actor: Actor): Promise<void> {
  const done = await ledger.write((sql) => markFollowUpDone(sql, id, actor.at));
  if (!done) throw new UserError(`${WHAT}: no open follow-up #${id}`);
}
