/**
 * The collections workflow: promises, disputes, notes and follow-ups, proposals awaiting approval.
 * The command line (`duedesk promise|dispute|note|proposal`) and the desk run the same actions; a
 * command passes its --as-of day, the desk records on today.
 */
import { approve } from '../collections/approval.js';
import { notifyAgent } from '../collections/dispute-notice.js';
import { markDisputed, resolveDisputed, type DisputeMarked } from '../collections/disputes.js';
import { addNote as recordNote, completeFollowUp as markFollowUpDone, dueFollowUps } from '../collections/notes.js';
import { recordPromise as recordPaymentPromise, type PromiseRequest } from '../collections/promises.js';
import { collectionRecords } from '../collections/timeline.js';
import type { CustomerNote, IsoDate, PaymentPromise, Proposal } from '../core/domain.js';
import { currencyDigits, formatMinor } from '../core/money.js';
import { resolvePolicy } from '../core/policy.js';
import { profileNames as profilesOf } from '../core/rules/profiles.js';
import type { SingleMailResult } from '../mail/single-mail.js';
import { customerNames } from '../storage/customer-names.js';
import { customersWithDisputes } from '../storage/item-disputes.js';
import { latestProposal } from '../storage/proposals.js';
import { defineAction } from './action.js';
import { actorOf, settingsOf, type ActionDeps } from './deps.js';
import type { FollowUpTask } from './desk-views.js';

/** The day a command records on (its --as-of); absent: today. */
interface OnDay {
  asOf?: IsoDate | undefined;
}

/** Check and record a promise to pay; resolves to it as stored. */
export const recordPromise = defineAction({
  name: 'record promise',
  changes: true,
  refused: 'recording a promise',
  run: (deps: ActionDeps, { asOf, ...request }: PromiseRequest & OnDay): Promise<PaymentPromise> => recordPaymentPromise(deps.ledger, request, actorOf(deps, asOf)),
});

/** Record a promise to pay by `date` of every open item in the customer's currency; resolves to a status line. */
export const promiseLine = defineAction({
  name: 'record promise (status line)',
  changes: true,
  refused: 'recording a promise',
  run: async (deps: ActionDeps, request: PromiseRequest): Promise<string> => {
    const promise = await recordPromise.run(deps, request);
    return `${request.code}: promise of ${formatMinor(promise.amount, currencyDigits(promise.currency))} ${promise.currency} by ${promise.promisedDate} (${promise.items.join(', ')})`;
  },
});

/** A dispute as recorded, and what became of the notice to the sales agent (null: no agent). */
export interface DisputeOutcome {
  marked: DisputeMarked;
  notice: SingleMailResult | null;
}

/** Mark an item disputed, then tell the sales agent; the dispute stands even when the notice fails. */
export const disputeItem = defineAction({
  name: 'mark disputed',
  changes: true,
  refused: 'marking a dispute',
  run: async (deps: ActionDeps, { code, item, reason, asOf }: { code: string; item: string; reason: string } & OnDay): Promise<DisputeOutcome> => {
    const marked = await markDisputed(deps.ledger, code, item, reason, actorOf(deps, asOf));
    const keeper = { ledger: deps.ledger, operator: actorOf(deps).operator };
    const notice = await notifyAgent(marked, settingsOf(deps), deps.context.env, deps.place, deps.context.now(), keeper, deps.session.password);
    return { marked, notice };
  },
});

/** Mark an item disputed and tell the sales agent; resolves to a status line. */
export const disputeLine = defineAction({
  name: 'mark disputed (status line)',
  changes: true,
  refused: 'marking a dispute',
  run: async (deps: ActionDeps, input: { code: string; item: string; reason: string }): Promise<string> => {
    const { marked, notice } = await disputeItem.run(deps, input);
    const done = `${input.code} item ${input.item} disputed; left out of reminders`;
    if (notice === null) return done;
    return notice.ok ? `${done}; agent ${marked.notify?.to} told` : `${done}; agent ${marked.notify?.to} was not told: ${notice.detail}`;
  },
});

/** Resolve an item's dispute. */
export const resolveDispute = defineAction({
  name: 'resolve dispute',
  changes: true,
  refused: 'resolving a dispute',
  run: (deps: ActionDeps, { code, item, note, asOf }: { code: string; item: string; note: string } & OnDay): Promise<void> =>
    resolveDisputed(deps.ledger, code, item, note, actorOf(deps, asOf)),
});

/** Add a note, with an optional follow-up date; resolves to it as stored. */
export const addNote = defineAction({
  name: 'add note',
  changes: true,
  refused: 'adding a note',
  run: (deps: ActionDeps, { code, text, followUp, asOf }: { code: string; text: string; followUp: string | undefined } & OnDay): Promise<CustomerNote> =>
    recordNote(deps.ledger, code, text, followUp, actorOf(deps, asOf)),
});

/** Mark a follow-up done. */
export const completeFollowUp = defineAction({
  name: 'complete follow-up',
  changes: true,
  refused: 'marking a follow-up done',
  run: (deps: ActionDeps, { id, asOf }: { id: number } & OnDay): Promise<void> => markFollowUpDone(deps.ledger, id, actorOf(deps, asOf)),
});

/** Follow-ups due on `asOf`, oldest first. */
export const followUps = defineAction({
  name: 'follow-ups',
  changes: false,
  run: async (deps: ActionDeps, asOf: IsoDate): Promise<FollowUpTask[]> => {
    const notes = await dueFollowUps(deps.ledger, asOf);
    const names = await deps.ledger.read((sql) => customerNames(sql, [...new Set(notes.map((note) => note.customerCode))]));
    return notes.map((note) => ({ id: note.id, code: note.customerCode, name: names.get(note.customerCode) ?? '', body: note.body, followUp: note.followUp ?? asOf }));
  },
});

/** Codes of the customers with a disputed open item. */
export const disputedCustomers = defineAction({
  name: 'disputed customers',
  changes: false,
  run: (deps: ActionDeps, _input: void): Promise<string[]> => deps.ledger.read((sql) => customersWithDisputes(sql)),
});

/** The customer's promises, disputes and notes as lines, newest first. */
export const collectionLines = defineAction({
  name: 'collection lines',
  changes: false,
  run: (deps: ActionDeps, { code, asOf }: { code: string; asOf: IsoDate }): Promise<string[]> =>
    linesOf(deps, code, asOf, resolvePolicy(settingsOf(deps)).promiseGraceDays),
});

/** The customer's collection records as lines, a promise broken `graceDays` after its date. */
export async function linesOf(deps: ActionDeps, code: string, asOf: IsoDate, graceDays: number): Promise<string[]> {
  const records = await collectionRecords(deps.ledger, code, asOf, graceDays);
  return records.map((record) => `${record.at.slice(0, 10)} ${record.text}`);
}

/** Every profile a customer may be put on, `default` first. */
export const profileNames = defineAction({
  name: 'profile names',
  changes: false,
  run: (deps: ActionDeps, _input: void): string[] => profilesOf(resolvePolicy(settingsOf(deps))),
});

/** The proposal of `asOf` awaiting approval, or null. */
export const pendingProposal = defineAction({
  name: 'pending proposal',
  changes: false,
  run: async (deps: ActionDeps, asOf: IsoDate): Promise<Proposal | null> => {
    const proposal = await deps.ledger.read((sql) => latestProposal(sql, asOf));
    return proposal?.status === 'pending' ? proposal : null;
  },
});

/** Approve proposal `id` without the lines `remove` names (operator and time recorded); resolves to it approved. */
export const approveProposal = defineAction({
  name: 'approve proposal',
  changes: true,
  refused: 'approving a proposal',
  needs: 'supervisor',
  run: (deps: ActionDeps, { id, remove }: { id: number; remove: readonly string[] }): Promise<Proposal> => approve(deps.ledger, id, remove, actorOf(deps), settingsOf(deps).schedule?.fourEyes === true),
});
