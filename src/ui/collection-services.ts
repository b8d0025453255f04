/**
 * The real CollectionServices of an operator session: the collection features (src/collections)
 * over the session's ledger, recorded with the settings' operator and the wall clock of the context.
 */
import type { Actor } from '../collections/actor.js';
import { approve } from '../collections/approval.js';
import { latestProposal } from '../storage/proposals.js';
import { notifyAgent } from '../collections/dispute-notice.js';
import { markDisputed, resolveDisputed } from '../collections/disputes.js';
import { addNote, completeFollowUp, dueFollowUps } from '../collections/notes.js';
import { chooseProfile } from '../collections/profiles.js';
import { recordPromise } from '../collections/promises.js';
import { collectionRecords } from '../collections/timeline.js';
import { localDate } from '../core/dates.js';
import { currencyDigits, formatMinor } from '../core/money.js';
import { resolvePolicy } from '../core/policy.js';
import { profileNames } from '../core/rules/profiles.js';
import { operatorName } from '../delivery/record.js';
import type { CommandContext } from '../runtime/context.js';
import type { DataPlace } from '../settings/paths.js';
import { customerNames } from '../storage/customer-names.js';
import { setStatements } from '../storage/customers.js';
import { customersWithDisputes } from '../storage/item-disputes.js';
import type { Ledger } from '../storage/ledger.js';
import type { CollectionServices } from './collection-desk.js';

/** The collection services over `ledger`; `password` is the session's typed SMTP password, if any. */
export function collectionServices(ledger: Ledger, ctx: CommandContext, place: DataPlace, password: () => string | null): CollectionServices {
  const settings = () => ctx.settings.read();
  const actor = (): Actor => {
    const now = ctx.now();
    return { operator: operatorName(settings().operator), asOf: localDate(now), at: now.toISOString() };
  };
  return {
    profileNames: () => profileNames(resolvePolicy(settings())),
    setProfile: (code, profile) => chooseProfile(ledger, resolvePolicy(settings()), code, profile),
    setStatements: (code, on) => ledger.write((sql) => setStatements(sql, code, on)),
    recordPromise: async (code, date, amount, note) => {
      const promise = await recordPromise(ledger, { code, date, amount, note }, actor());
      return `${code}: promise of ${formatMinor(promise.amount, currencyDigits(promise.currency))} ${promise.currency} by ${promise.promisedDate} (${promise.items.join(', ')})`;
    },
    markDisputed: async (code, item, reason) => {
      const marked = await markDisputed(ledger, code, item, reason, actor());
      const done = `${code} item ${item} disputed; left out of reminders`;
      const sent = await notifyAgent(marked, settings(), ctx.env, place, ctx.now(), password());
      if (sent === null) return done;
      return sent.ok ? `${done}; agent ${marked.notify?.to} told` : `${done}; agent ${marked.notify?.to} was not told: ${sent.detail}`;
    },
    resolveDispute: (code, item, note) => resolveDisputed(ledger, code, item, note, actor()),
    addNote: async (code, text, followUp) => {
      await addNote(ledger, code, text, followUp, actor());
    },
    followUps: async (asOf) => {
      const notes = await dueFollowUps(ledger, asOf);
      const names = await ledger.read((sql) => customerNames(sql, [...new Set(notes.map((note) => note.customerCode))]));
      return notes.map((note) => ({ id: note.id, code: note.customerCode, name: names.get(note.customerCode) ?? '', body: note.body, followUp: note.followUp ?? asOf }));
    },
    completeFollowUp: (id) => completeFollowUp(ledger, id, actor()),
    disputedCustomers: () => ledger.read((sql) => customersWithDisputes(sql)),
    pendingProposal: async (asOf) => {
      const proposal = await ledger.read((sql) => latestProposal(sql, asOf));
      return proposal?.status === 'pending' ? proposal : null;
    },
    approveProposal: async (id, remove) => {
      await approve(ledger, id, remove, actor());
    },
    collectionLines: async (code, asOf) => {
      const records = await collectionRecords(ledger, code, asOf, resolvePolicy(settings()).promiseGraceDays);
      return records.map((record) => `${record.at.slice(0, 10)} ${record.text}`);
    },
  };
}
