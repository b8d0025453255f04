/**
 * The registry of actions: every use case, and the desk's methods as one table over them. Adding
 * a desk action is its action (in the file of its kind) and one line here; the desk's interface,
 * its review-mode refusals and the tests' services all follow from this table.
 */
import type { IsoDate } from '../core/domain.js';
import type { PlannedMessage } from '../core/plan.js';
import type { ImportRequest } from '../csv/import/request.js';
import { addNote, approveProposal, collectionLines, completeFollowUp, disputedCustomers, disputeItem, disputeLine, followUps, pendingProposal, profileNames, promiseLine, recordPromise, resolveDispute } from './collections.js';
import { customerDetail, customerNames, listCustomers, setHold, setItemHold, setProfile, setReminders, setStatementInterval, setStatements } from './customers.js';
import { withoutResult } from './action.js';
import type { ActionDeps } from './deps.js';
import { bindDesk, onDesk, reviewOnly, type DeskMethods } from './desk.js';
import type { PlanProgress, SendProgress } from './desk-views.js';
import { acknowledge, listHistory, markUncertain } from './history.js';
import { messageText, pruneArchive, showMessage, showNotice, writeMessageCopy } from './archive.js';
import { sendMessageCopy } from './resend.js';
import { importCsv } from './import.js';
import { assignCredit, importBank, searchCustomers, unmatchedCredits } from './bank.js';
import { clearUndeliverableAddress, fetchInbox, handleMail, openInbox, type HandledAs } from './inbox.js';
import { loadPlan, planDueNow, statementsNow, today } from './plan.js';
import { preview, previewDir, writePreview } from './previews.js';
import { retryMessages, send, sendWidth, transportLabel } from './sending.js';
import { sendTestMail, testMail } from './test-mail.js';
import { refusalFor, sessionRights, type SessionRights } from './session-rights.js';
import { hasSessionPassword, policyOverview, readSettings, setSessionPassword, updateSetting } from './settings.js';

/**
 * Every action by its export name. The command line imports the one it runs from its own file, so
 * a dry run loads no mail or PDF code; the desk reaches them through DESK_ACTIONS.
 */
export const ACTIONS = {
  today, planDueNow, loadPlan, statementsNow,
  listCustomers, customerNames, customerDetail, setHold, setItemHold, setReminders, setStatementInterval, setStatements, setProfile,
  listHistory, markUncertain, acknowledge, showMessage, writeMessageCopy, pruneArchive,
  showNotice, messageText, sendMessageCopy,
  preview, previewDir, writePreview,
  send, retryMessages, sendWidth, transportLabel, testMail, sendTestMail,
  importCsv,
  readSettings, updateSetting, policyOverview, setSessionPassword, hasSessionPassword,
  recordPromise, promiseLine, disputeItem, disputeLine, resolveDispute, addNote, completeFollowUp, followUps, disputedCustomers, collectionLines, profileNames, pendingProposal, approveProposal,
  importBank, unmatchedCredits, assignCredit, searchCustomers,
  fetchInbox, openInbox, handleMail, clearUndeliverableAddress,
  sessionRights,
} as const;

/** The desk's methods: name → action and the screen's arguments. Review mode refuses every one whose action changes something. */
export const DESK_ACTIONS = {
  today: onDesk(today),
  loadPlan: onDesk(loadPlan, (asOf: IsoDate, onProgress?: PlanProgress) => ({ asOf, onProgress })),
  listCustomers: onDesk(listCustomers),
  customerNames: onDesk(customerNames),
  customerDetail: onDesk(customerDetail, (code: string, asOf: IsoDate) => ({ code, asOf })),
  setHold: onDesk(setHold, (code: string, until: IsoDate | null) => ({ code, until })),
  setItemHold: onDesk(setItemHold, (code: string, number: string, until: IsoDate | null) => ({ code, number, until })),
  setReminders: onDesk(setReminders, (code: string, on: boolean) => ({ code, on })),
  setStatementInterval: onDesk(setStatementInterval, (code: string, days: number | null) => ({ code, days })),
  statementsNow: onDesk(statementsNow, (code: string, asOf: IsoDate) => ({ code, asOf })),
  listHistory: onDesk(listHistory),
  retryMessages: onDesk(retryMessages, (ids: readonly number[], asOf: IsoDate) => ({ ids, asOf })),
  markUncertain: onDesk(markUncertain, (id: number, delivered: boolean) => ({ id, delivered })),
  acknowledge: onDesk(acknowledge),
  writeMessageCopy: onDesk(writeMessageCopy, (id: number, out: string) => ({ id, out })),
  messageText: onDesk(messageText),
  sendMessageCopy: onDesk(sendMessageCopy, (id: number, to: string | undefined) => ({ id, to })),
  preview: onDesk(preview),
  writePreview: onDesk(writePreview, (message: PlannedMessage, dir?: string) => ({ message, dir })),
  previewDir: onDesk(previewDir),
  transportLabel: onDesk(transportLabel),
  sendWidth: onDesk(sendWidth),
  send: onDesk(send, (messages: PlannedMessage[], onProgress: SendProgress, signal: AbortSignal) => ({ messages, onProgress, signal })),
  sendTestMail: onDesk(sendTestMail),
  importCsv: onDesk(importCsv, (request: ImportRequest) => ({ request })),
  readSettings: onDesk(readSettings),
  updateSetting: onDesk(updateSetting, (key: string, value: string) => ({ key, value })),
  setSessionPassword: onDesk(setSessionPassword),
  hasSessionPassword: onDesk(hasSessionPassword),
  policyOverview: onDesk(policyOverview),
  profileNames: onDesk(profileNames),
  setProfile: onDesk(setProfile, (code: string, profile: string) => ({ code, profile })),
  setStatements: onDesk(setStatements, (code: string, on: boolean) => ({ code, on })),
  recordPromise: onDesk(promiseLine, (code: string, date: string, amount: string | undefined, note: string) => ({ code, date, amount, note })),
  markDisputed: onDesk(disputeLine, (code: string, item: string, reason: string) => ({ code, item, reason })),
  resolveDispute: onDesk(resolveDispute, (code: string, item: string, note: string) => ({ code, item, note })),
  addNote: onDesk(withoutResult(addNote), (code: string, text: string, followUp: string | undefined) => ({ code, text, followUp })),
  followUps: onDesk(followUps),
  completeFollowUp: onDesk(completeFollowUp, (id: number) => ({ id })),
  disputedCustomers: onDesk(disputedCustomers),
  collectionLines: onDesk(collectionLines, (code: string, asOf: IsoDate) => ({ code, asOf })),
  pendingProposal: onDesk(pendingProposal),
  approveProposal: onDesk(withoutResult(approveProposal), (id: number, remove: readonly string[]) => ({ id, remove })),
  unmatchedCredits: onDesk(unmatchedCredits),
  searchCustomers: onDesk(searchCustomers),
  assignCredit: onDesk(assignCredit, (ref: string, customerCode: string, items: readonly string[]) => ({ ref, customerCode, items })),
  openInbox: onDesk(openInbox, () => undefined),
  fetchInbox: onDesk(fetchInbox, (progress?: (done: number, total: number) => void) => ({ progress })),
  handleMail: onDesk(handleMail, (id: number, as: HandledAs) => ({ id, as })),
  clearUndeliverableAddress: onDesk(clearUndeliverableAddress, (customerCode: string, address: string | null) => ({ customerCode, address })),
  sessionRights: onDesk(sessionRights),
};

/** The desk's methods, as the screens call them. */
export type DeskActions = DeskMethods<typeof DESK_ACTIONS>;

/** The desk's methods bound to one session's dependencies. */
export function deskActions(deps: ActionDeps): DeskActions {
  return bindDesk(DESK_ACTIONS, deps);
}

/** `methods` in review mode: what changes something is refused, the rest passes through. */
export function reviewDesk(methods: DeskActions): DeskActions {
  return reviewOnly(DESK_ACTIONS, methods);
}

/**
 * Why the session with `rights` may not call the desk method `method` (docs/reference/roles.md §3.1),
 * or null when it may (or `method` is no desk method).
 */
export function deskRefusal(method: string, rights: SessionRights | null): string | null {
  const entry = (DESK_ACTIONS as Record<string, { action: Parameters<typeof refusalFor>[0] } | undefined>)[method];
  return refusalFor(entry?.action, rights);
}

export { actionDeps, type ActionDeps, type DepsOptions } from './deps.js';
export { ReviewRefusal } from './review-refusal.js';
export type * from './desk-views.js';
export type { SessionRights } from './session-rights.js';
