/**
 * What the screens need for the collections workflow (issue 16): profiles and switches, promises,
 * disputes, notes and follow-ups. Part of DeskServices; review mode refuses every change here too.
 */
import type { IsoDate, Proposal } from '../core/domain.js';
import { refusing } from './review-refusal.js';

/** A follow-up due, as Due now lists it at the top. */
export interface FollowUpTask {
  id: number;
  code: string;
  name: string;
  body: string;
  followUp: IsoDate;
}

/** The collection part of the desk's services. Every method may reject with an Error whose message is shown. */
export interface CollectionServices {
  /** Every profile a customer may be put on, `default` first. */
  profileNames(): string[];
  /** Put the customer on a profile (`default` or empty: the default ladder). */
  setProfile(code: string, profile: string): Promise<void>;
  /** Statements on or off for a customer, apart from reminders. */
  setStatements(code: string, on: boolean): Promise<void>;
  /** Record a promise to pay by `date` of every open item in the customer's currency; resolves to a status line. */
  recordPromise(code: string, date: string, amount: string | undefined, note: string): Promise<string>;
  /** Mark an item disputed and tell the sales agent; resolves to a status line. */
  markDisputed(code: string, item: string, reason: string): Promise<string>;
  /** Resolve an item's dispute. */
  resolveDispute(code: string, item: string, note: string): Promise<void>;
  /** Add a note, with an optional follow-up date. */
  addNote(code: string, text: string, followUp: string | undefined): Promise<void>;
  /** Follow-ups due on `asOf`, oldest first. */
  followUps(asOf: IsoDate): Promise<FollowUpTask[]>;
  /** Mark a follow-up done. */
  completeFollowUp(id: number): Promise<void>;
  /** Codes of the customers with a disputed open item. */
  disputedCustomers(): Promise<string[]>;
  /** The customer's promises, disputes and notes as lines, newest first. */
  collectionLines(code: string, asOf: IsoDate): Promise<string[]>;
  /** The proposal of `asOf` awaiting approval (schedule.approval), or null. */
  pendingProposal(asOf: IsoDate): Promise<Proposal | null>;
  /** Approve proposal `id` without the lines `remove` names (operator and time recorded). */
  approveProposal(id: number, remove: readonly string[]): Promise<void>;
}

/** The read-only half of `services` and refusals for the rest (review mode). */
export function readOnlyCollections(services: CollectionServices): CollectionServices {
  return {
    profileNames: () => services.profileNames(),
    followUps: (asOf) => services.followUps(asOf),
    disputedCustomers: () => services.disputedCustomers(),
    collectionLines: (code, asOf) => services.collectionLines(code, asOf),
    pendingProposal: (asOf) => services.pendingProposal(asOf),
    approveProposal: refusing('approving a proposal'),
    setProfile: refusing('changing the profile'),
    setStatements: refusing('changing statements'),
    recordPromise: refusing('recording a promise'),
    markDisputed: refusing('marking a dispute'),
    resolveDispute: refusing('resolving a dispute'),
    addNote: refusing('adding a note'),
    completeFollowUp: refusing('marking a follow-up done'),
  };
}
