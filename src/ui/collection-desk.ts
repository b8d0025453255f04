/**
 * What the screens use for the collections workflow: profiles and switches, promises, disputes,
 * notes and follow-ups, proposals. Part of DeskServices (the collection actions of src/actions).
 */
import type { DeskServices } from './services.js';

export type { FollowUpTask } from '../actions/desk-views.js';

/** The collection part of the desk's services. */
export type CollectionServices = Pick<
  DeskServices,
  | 'profileNames'
  | 'setProfile'
  | 'setStatements'
  | 'recordPromise'
  | 'markDisputed'
  | 'resolveDispute'
  | 'addNote'
  | 'followUps'
  | 'completeFollowUp'
  | 'disputedCustomers'
  | 'collectionLines'
  | 'pendingProposal'
  | 'approveProposal'
>;
