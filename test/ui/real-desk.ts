/**
 * The desk's real actions over a fresh in-memory ledger seeded with the generated customers and
 * items (generated-data.ts) through the storage functions the import uses: what the screen tests run
 * on. It records every call the screens make (as `calls`), reads the history back after each one,
 * and sends through the outbox transport into a folder of its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { propose } from '../../src/collections/approval.js';
import type { MessageRecord } from '../../src/core/domain.js';
import type { Plan, PlannedMessage } from '../../src/core/plan.js';
import type { Settings } from '../../src/core/settings.js';
import { upsertCustomers } from '../../src/storage/customers.js';
import { upsertItems } from '../../src/storage/items.js';
import type { Ledger } from '../../src/storage/ledger.js';
import type { Sql } from '../../src/storage/sql.js';
import { insertMessage } from '../../src/storage/messages.js';
import { createServices } from '../../src/ui/services-impl.js';
import type { DeskServices, PlanProgress, SendOutcome, SettingsValues } from '../../src/ui/services.js';
import type { TestSmtpServer } from '../helpers/smtp.js';
import { makeLedger } from '../helpers/store.js';
import { AS_OF, generatedData, type GeneratedData } from './generated-data.js';
import { sessionContext } from './session-context.js';

/** What the desk is opened on. */
export interface RealDeskOptions {
  /** Generated customers (default 150). */
  customers?: number;
  /** Messages already in the history, oldest first; as a function, made from the plan before they are recorded. */
  history?: ReadonlyArray<Omit<MessageRecord, 'id'>> | ((plan: Plan) => ReadonlyArray<Omit<MessageRecord, 'id'>>);
  /** Change the generated data before it is seeded (a long name, a large amount). */
  shape?: (data: GeneratedData) => void;
  /** Awaited before each preview is written (tests hold a write in progress with it). */
  writeGate?: (message: PlannedMessage) => Promise<void>;
  /** Awaited before the desk's plan is made; it may report progress (tests hold planning with it). */
  planGate?: (onProgress: PlanProgress) => Promise<void>;
  /** Record the part of the plan this returns as a pending proposal, as a scheduled run would (schedule.approval). */
  proposal?: (plan: Plan) => Plan;
  /** Write more into the ledger after the customers and items (bank credits waiting for a clerk). */
  seed?: (sql: Sql) => Promise<void>;
  /** Send through this local SMTP server instead of the outbox, `width` messages side by side (default 1). */
  smtp?: { server: TestSmtpServer; width?: number };
  /** The session's environment (DUEDESK_IMAP_URL for a mailbox). */
  env?: NodeJS.ProcessEnv;
  /** Change the desk's settings before it opens (a letter level, the envelope window). */
  settings?: (base: Settings) => Settings;
}

/** The data a desk was seeded with, and the real plan of AS_OF made from it. */
export type DeskData = GeneratedData & { plan: Plan };

/** The desk's services, with what a test looks at besides the frames. */
export type RealDesk = DeskServices & {
  /** The generated customers and items as seeded; `plan` is the real plan of AS_OF before anything changed. */
  readonly data: DeskData;
  /** Every call the screens made, one line each (`setHold C00001 2026-12-31`). */
  readonly calls: string[];
  /** The history, oldest first, as it stood after the last call. */
  readonly history: MessageRecord[];
  /** The editable settings as they stand. */
  readonly settings: SettingsValues;
  /** Where previews and the outbox go. */
  readonly dir: string;
  /** Close the ledger and remove the folder. */
  close(): void;
};

/** How each call is written into `calls`; methods not named here are not recorded. */
const CALLS: { [K in keyof DeskServices]?: (...args: Parameters<DeskServices[K]>) => string[] } = {
  loadPlan: (asOf) => [`loadPlan ${asOf}`],
  listCustomers: () => ['listCustomers'],
  setHold: (code, until) => [`setHold ${code} ${until}`],
  setItemHold: (code, number, until) => [`setItemHold ${code} ${number} ${until}`],
  setReminders: (code, on) => [`setReminders ${code} ${on}`],
  setStatementInterval: (code, days) => [`setStatementInterval ${code} ${days}`],
  retryMessages: (ids, asOf) => [`retryMessages ${ids.join(',')} ${asOf}`, ...ids.map((id) => `retry ${id}`)],
  markUncertain: (id, delivered) => [`mark ${id} ${delivered}`],
  acknowledge: (id) => [`ack ${id}`],
  preview: (message) => [`preview ${message.key}`],
  writePreview: (message) => [`write ${message.key}`],
  send: (messages) => [`send ${messages.length}`],
  sendTestMail: (address) => [`testMail ${address}`],
  importCsv: (request) => [`import ${request.kind} ${request.file}${request.skipInvalid ? ' --skip-invalid' : ''}`],
  updateSetting: (key) => [`set ${key}`],
  setProfile: (code, profile) => [`setProfile ${code} ${profile}`],
  setStatements: (code, on) => [`setStatements ${code} ${on}`],
  recordPromise: (code, date, amount, note) => [`promise ${code} ${date} ${amount ?? '-'} ${note}`],
  markDisputed: (code, item, reason) => [`dispute ${code} ${item} ${reason}`],
  resolveDispute: (code, item, note) => [`resolve ${code} ${item} ${note}`],
  addNote: (code, text, followUp) => [`note ${code} ${text} ${followUp ?? '-'}`],
  completeFollowUp: (id) => [`done ${id}`],
  approveProposal: (id, remove) => [`approve ${id} ${remove.join(',')}`],
  sendMessageCopy: (id, to) => [`sendCopy ${id} ${to ?? '-'}`],
  assignCredit: (ref, code, items) => [`assign ${ref} ${code} ${items.join(',')}`],
  handleMail: (id, as) => [`handled ${id} ${as}`],
  clearUndeliverableAddress: (code, address) => [`clear ${code} ${address ?? '*'}`],
  fetchInbox: () => ['fetchInbox'],
};

/** The ladder the generated data is planned with (`upcoming` is worded as the first reminder), and a gentler profile. */
const POLICY = {
  profiles: { gentle: { levels: [{ id: 'late', name: 'Late', days: 60, template: 'first' }] } },
  levels: [
    { id: 'upcoming', name: 'Upcoming', days: -7, template: 'first' },
    { id: 'first', name: 'First reminder', days: 7, template: 'first' },
    { id: 'second', name: 'Second reminder', days: 21, template: 'second' },
    { id: 'final', name: 'Final notice', days: 45, template: 'final', repeatEveryDays: 30 },
  ],
};

/** Desks opened and not yet closed. */
const opened: RealDesk[] = [];

/** Close every desk opened since the last call (a test file's afterEach). */
export function closeRealDesks(): void {
  for (const desk of opened.splice(0)) desk.close();
}

/** Open the desk's real actions on `options.customers` generated customers, seeded into an in-memory ledger. */
export async function realDesk(options: RealDeskOptions = {}): Promise<RealDesk> {
  const generated = generatedData(options.customers ?? 150);
  options.shape?.(generated);
  const dir = mkdtempSync(join(tmpdir(), 'duedesk-desk-'));
  let settings: Settings = {
    company: { name: 'Acme Trading', email: 'ar@acme.example' },
    operator: 'clerk',
    mail: { transport: options.smtp ? 'smtp' : 'outbox' },
    ...(options.smtp ? { smtp: { host: '127.0.0.1', port: options.smtp.server.port, secure: false, maxConnections: options.smtp.width ?? 1 } } : {}),
    policy: POLICY,
  } as Settings;
  if (options.settings) settings = options.settings(settings);
  const ledger: Ledger = await makeLedger();
  await ledger.write(async (sql) => {
    await upsertCustomers(sql, generated.customers);
    await upsertItems(sql, [...generated.items.values()].flat());
    await options.seed?.(sql);
  });
  const real = await createServices(sessionContext({ dir, store: ledger, asOf: AS_OF, read: () => settings, write: (next) => void (settings = next), env: options.env }));
  const records = typeof options.history === 'function' ? options.history(await real.loadPlan(AS_OF)) : (options.history ?? []);
  await ledger.write(async (sql) => {
    for (const record of records) await insertMessage(sql, record);
  });
  if (options.proposal) await propose(ledger, options.proposal(await real.loadPlan(AS_OF)), { operator: 'cron', asOf: AS_OF, at: `${AS_OF}T06:00:00.000Z` });
  const data: DeskData = { ...generated, plan: await real.loadPlan(AS_OF) };
  const calls: string[] = [];
  let history = (await real.listHistory()).reverse();
  const recorded: Record<string, unknown> = {};
  const { writeGate, planGate } = options;
  if (planGate) {
    const load = real.loadPlan;
    real.loadPlan = async (asOf, onProgress) => {
      await planGate(onProgress ?? (() => undefined));
      return load(asOf, onProgress);
    };
  }
  if (writeGate) {
    const write = real.writePreview;
    real.writePreview = async (message, folder) => {
      await writeGate(message);
      return write(message, folder);
    };
  }
  for (const [name, method] of Object.entries(real) as Array<[keyof DeskServices, (...args: unknown[]) => unknown]>) {
    const line = CALLS[name] as ((...args: unknown[]) => string[]) | undefined;
    recorded[name] = (...args: unknown[]): unknown => {
      if (line) calls.push(...line(...args));
      const result = method(...args);
      if (!(result instanceof Promise)) return result;
      // The history a test reads is the one after the call, as the screens see it next.
      return result.then(async (value: unknown) => {
        history = (await real.listHistory()).reverse();
        return value;
      });
    };
  }
  const close = (): void => {
    ledger.close();
    rmSync(dir, { recursive: true, force: true });
  };
  // Getters, not copies: the history and the settings are read as they stand when the test looks.
  const desk = Object.defineProperties(recorded, {
    data: { value: data },
    calls: { value: calls },
    history: { get: () => history },
    settings: { get: () => real.readSettings() },
    dir: { value: dir },
    close: { value: close },
  }) as unknown as RealDesk;
  opened.push(desk);
  return desk;
}

/** A history record of `message` as a run would have left it (for `history`), numbered `id`. */
export function recordOf(message: PlannedMessage, outcome: Pick<SendOutcome, 'messageId' | 'error'> & { status: Exclude<SendOutcome['status'], 'stopped'> }, id: number): MessageRecord {
  return {
    id,
    customerCode: message.customer.code,
    kind: message.kind,
    level: message.level,
    currency: message.currency,
    asOf: AS_OF,
    to: message.to,
    cc: [],
    bcc: [],
    subject: `Reminder ${message.level ?? message.kind}`,
    messageId: outcome.messageId ?? `<failed-${id}@acme.example>`,
    status: outcome.status === 'skipped' ? 'failed' : outcome.status,
    error: outcome.error,
    total: message.total,
    fee: 0,
    interest: 0,
    unapplied: message.unapplied,
    outstanding: message.total,
    operator: 'clerk',
    createdAt: `${AS_OF}T09:00:00.000Z`,
    updatedAt: `${AS_OF}T09:00:00.000Z`,
    items: message.reminds.map((n) => ({ itemNumber: n, level: message.level, openAmount: 0 })),
    cases: [],
  };
}
