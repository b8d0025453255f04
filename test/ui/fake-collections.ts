/** The collection part of the fake desk services: records every call, keeps a follow-up and the disputes in memory. */
import { proposalLines } from '../../src/core/approval.js';
import type { Proposal } from '../../src/core/domain.js';
import type { CollectionServices, FollowUpTask } from '../../src/ui/collection-desk.js';
import { AS_OF, type FakeData } from './fake-data.js';

/** A pending proposal of the fake plan's first three messages. */
function proposalOf(data: FakeData): Proposal {
  const lines = proposalLines({ ...data.plan, messages: data.plan.messages.slice(0, 3) });
  return { id: 4, asOf: AS_OF, status: 'pending', createdBy: 'cron', createdAt: `${AS_OF}T06:00:00.000Z`, approvedBy: null, approvedAt: null, sentAt: null, lines };
}

/** Fake collection services writing their calls into `calls`; `followUp`: one task due today on the first customer; `proposal`: one awaits approval. */
export function fakeCollections(calls: string[], data: FakeData, followUp: boolean, pending = false): CollectionServices {
  let proposal: Proposal | null = pending ? proposalOf(data) : null;
  const first = data.customers[0]!;
  let tasks: FollowUpTask[] = followUp ? [{ id: 7, code: first.code, name: first.name, body: 'Call back about the pallets', followUp: AS_OF }] : [];
  const disputed = new Set<string>([data.customers[2]!.code]);
  return {
    profileNames: () => ['default', 'gentle'],
    setProfile: async (code, profile) => {
      if (!['', 'default', 'gentle'].includes(profile)) throw new Error(`unknown profile "${profile}" (known: default, gentle)`);
      calls.push(`setProfile ${code} ${profile}`);
    },
    setStatements: async (code, on) => {
      calls.push(`setStatements ${code} ${on}`);
    },
    recordPromise: async (code, date, amount, note) => {
      calls.push(`promise ${code} ${date} ${amount ?? '-'} ${note}`);
      return `${code}: promise by ${date}`;
    },
    markDisputed: async (code, item, reason) => {
      calls.push(`dispute ${code} ${item} ${reason}`);
      disputed.add(code);
      return `${code} item ${item} disputed`;
    },
    resolveDispute: async (code, item, note) => {
      calls.push(`resolve ${code} ${item} ${note}`);
    },
    addNote: async (code, text, followUp) => {
      calls.push(`note ${code} ${text} ${followUp ?? '-'}`);
    },
    followUps: async () => tasks,
    completeFollowUp: async (id) => {
      calls.push(`done ${id}`);
      tasks = tasks.filter((task) => task.id !== id);
    },
    disputedCustomers: async () => [...disputed],
    collectionLines: async (code) => [`${AS_OF} note #1: called ${code} · ana`],
    pendingProposal: async () => proposal,
    approveProposal: async (id, remove) => {
      calls.push(`approve ${id} ${remove.join(',')}`);
      proposal = null;
    },
  };
}
