/**
 * An in-memory DeskServices over generated data: what the desk is benchmarked against, and what the
 * few screen tests that read the fake's own texts (subject lines, status lines, ids) run on. Every
 * other screen test runs on the real actions (real-desk.ts). It records every call.
 */
import type { IsoDate, MessageRecord } from '../../src/core/domain.js';
import type { Plan, PlannedMessage } from '../../src/core/plan.js';
import { agingOf, AgingAccumulator } from '../../src/core/aging.js';
import type {
  CustomerDetail,
  CustomerList,
  CustomerRow,
  DeskServices,
  ImportRequest,
  ImportResult,
  PolicyOverview,
  PreviewView,
  SendOutcome,
  SettingsValues,
} from '../../src/ui/services.js';
import { statementSummary } from '../../src/actions/statement-summary.js';
import { policyOverview } from '../../src/actions/policy-overview.js';
import { AS_OF, makeFakeData, type FakeData } from './fake-data.js';
import { fakeCollections } from './fake-collections.js';
import { daysBetween } from '../../src/core/dates.js';
import { DESK_ACTIONS } from '../../src/actions/index.js';
import type { Policy } from '../../src/core/plan.js';

const POLICY: Policy = {
  profiles: {},
  promiseGraceDays: 0,
  levels: [
    { id: 'upcoming', name: 'Upcoming', days: -7, template: 'upcoming' },
    { id: 'first', name: 'First reminder', days: 7, template: 'first' },
    { id: 'second', name: 'Second reminder', days: 21, template: 'second' },
    { id: 'final', name: 'Final notice', days: 45, template: 'final', repeatEveryDays: 30 },
  ],
  scope: 'overdue',
  escalation: 'days',
  grouping: 'customer',
  minAmount: 0,
  defaultLanguage: 'en',
  defaultCurrency: 'EUR',
  statementEveryDays: null,
  statementKind: 'open-items',
  interestRatePercent: null,
  installments: { enabled: true, graceDays: 0 },
  recipients: 'primary',
  bcc: [],
};

/** Options of the fake. */
export interface FakeOptions {
  customers?: number;
  /** A retry rejects with this raw error text (as a transport would report it). */
  retryError?: string;
  /** One follow-up task due today (on the first customer). */
  followUp?: boolean;
  /** A proposal of the first three planned messages awaits approval. */
  proposal?: boolean;
}

/**
 * The desk methods the class does not write out: the collection ones from fakeCollections, and any
 * desk action added since, which rejects until a test on the fake needs it faked (both assigned in
 * the constructor). A new desk action therefore needs no change here.
 */
export interface FakeServices extends DeskServices {}

/** The fake services. */
export class FakeServices {
  readonly data: FakeData;
  readonly calls: string[] = [];
  history: MessageRecord[] = [];
  settings: SettingsValues = { 'company.name': 'Acme Trading', 'company.email': 'ar@acme.example', 'mail.transport': 'outbox' };
  private password: string | null = null;
  private listCache: CustomerList | null = null;

  /** Build the fake over `options.customers` generated customers (default 150). */
  constructor(private readonly options: FakeOptions = {}) {
    this.data = makeFakeData(options.customers ?? 150);
    Object.assign(this, fakeCollections(this.calls, this.data, options.followUp === true, options.proposal === true));
    const methods = this as unknown as Record<string, unknown>;
    for (const name of Object.keys(DESK_ACTIONS)) {
      if (typeof methods[name] !== 'function') methods[name] = () => Promise.reject(new Error(`the fake desk does not fake ${name}`));
    }
  }

  today(): IsoDate {
    return AS_OF;
  }

  async loadPlan(asOf: IsoDate): Promise<Plan> {
    this.calls.push(`loadPlan ${asOf}`);
    const sent = new Set(this.history.filter((h) => h.status !== 'failed').map((h) => `${h.customerCode}-${h.currency}-${h.level ?? h.kind}`));
    const held = new Set(this.data.customers.filter((c) => c.holdUntil !== null && c.holdUntil >= asOf).map((c) => c.code));
    return { ...this.data.plan, messages: this.data.plan.messages.filter((m) => !sent.has(m.key) && !held.has(m.customer.code)) };
  }

  async listCustomers(asOf: IsoDate): Promise<CustomerList> {
    this.calls.push('listCustomers');
    if (this.listCache) return this.listCache;
    const all = new AgingAccumulator();
    const rows: CustomerRow[] = this.data.customers.map((c) => {
      const items = this.data.items.get(c.code) ?? [];
      const aging = agingOf(items, asOf);
      all.merge(aging);
      let oldest: number | null = null;
      for (const item of items) {
        const days = daysBetween(item.dueDate, asOf);
        if (item.openAmount > 0 && days > 0 && (oldest === null || days > oldest)) oldest = days;
      }
      return {
        code: c.code,
        name: c.name,
        language: c.language,
        emails: [c.email, c.email2, c.email3].filter((e): e is string => e !== null),
        reminders: c.reminders,
        statements: c.statements ?? c.reminders,
        profile: c.profile ?? null,
        holdUntil: c.holdUntil,
        open: [{ currency: c.currency, amount: items.reduce((s, i) => s + i.openAmount, 0) }],
        oldestDaysOverdue: oldest,
      };
    });
    this.listCache = { rows, aging: all.result() };
    return this.listCache;
  }

  async customerNames(codes: readonly string[]): Promise<Map<string, string>> {
    const wanted = new Set(codes);
    return new Map(this.data.customers.filter((c) => wanted.has(c.code)).map((c) => [c.code, c.name]));
  }

  async customerDetail(code: string, asOf: IsoDate): Promise<CustomerDetail | null> {
    const customer = this.data.customers.find((c) => c.code === code);
    if (!customer) return null;
    const items = this.data.items.get(code) ?? [];
    const timeline = this.history
      .filter((h) => h.customerCode === code)
      .map((h) => ({ id: h.id, asOf: h.asOf, kind: h.kind, level: h.level, currency: h.currency, outstanding: h.outstanding, status: h.status }));
    return { customer, items, aging: agingOf(items, asOf), effectiveStatementEveryDays: customer.statementEveryDays, timeline, collection: await this.collectionLines(code, asOf) };
  }

  async setItemHold(code: string, number: string, until: IsoDate | null): Promise<void> {
    this.calls.push(`setItemHold ${code} ${number} ${until}`);
    const item = this.data.items.get(code)?.find((i) => i.number === number);
    if (!item) throw new Error(`customer ${code} has no item ${number}`);
    item.holdUntil = until;
  }

  async listHistory(): Promise<MessageRecord[]> {
    return [...this.history].reverse();
  }

  private async retryOne(id: number): Promise<SendOutcome> {
    this.calls.push(`retry ${id}`);
    if (this.options.retryError) throw new Error(this.options.retryError);
    const record = this.history.find((h) => h.id === id);
    if (!record) throw new Error(`message ${id} does not exist`);
    const retried = { ...record, id: this.history.length + 1, status: 'sent' as const, error: null };
    this.history.push(retried);
    return { key: `${record.customerCode}-${record.currency}-${record.level ?? record.kind}`, status: 'sent', messageId: retried.messageId, error: null };
  }

  async retryMessages(ids: readonly number[], asOf: IsoDate): Promise<SendOutcome[]> {
    const outcomes: SendOutcome[] = [];
    this.calls.push(`retryMessages ${ids.join(',')} ${asOf}`);
    for (const id of ids) outcomes.push(await this.retryOne(id));
    return outcomes;
  }

  async preview(message: PlannedMessage): Promise<PreviewView> {
    this.calls.push(`preview ${message.key}`);
    const c = message.customer;
    return {
      subject: `Reminder ${message.level ?? message.kind}: ${c.name}`,
      text: `Dear ${c.name},\n\nour records show ${message.reminds.length} open items.\n\nKind regards,\nAcme Trading`,
      to: message.to,
      cc: message.cc,
      statementSummary: statementSummary(message),
    };
  }

  async writePreview(message: PlannedMessage, dir?: string): Promise<string[]> {
    const folder = dir ?? this.previewDir();
    this.calls.push(`write ${message.key}`);
    return [`${folder}/${message.key}.eml`, `${folder}/${message.key}.pdf`];
  }

  previewDir(): string {
    return '/tmp/desk/preview';
  }

  transportLabel(): string {
    return 'outbox /tmp/desk/outbox';
  }

  sendWidth(): number {
    return 1;
  }

  async sendTestMail(address: string): Promise<string> {
    this.calls.push(`testMail ${address}`);
    return `test e-mail to ${address} via outbox: written`;
  }

  async importCsv(request: ImportRequest): Promise<ImportResult> {
    this.calls.push(`import ${request.kind} ${request.file}${request.skipInvalid ? ' --skip-invalid' : ''}`);
    const counts = { added: 3, updated: 0, unchanged: 0 };
    const base = { request, invalidRows: 0, validRows: 3, saved: true, counts, errors: [], problems: [], rejected: false, summary: `${request.kind}: 3 added, 0 updated, 0 unchanged` };
    if (!request.file.includes('bad')) return base;
    const error = { line: 3, column: 'due_date', message: '"31/02/2026" is not a date' };
    return { ...base, saved: false, validRows: 0, invalidRows: 1, counts: { added: 0, updated: 0, unchanged: 0 }, errors: [error], rejected: true, problems: [`${request.file}:3: due_date: "31/02/2026" is not a date`], summary: `${request.file}: 1 problem; nothing imported` };
  }

  readSettings(): SettingsValues {
    return { ...this.settings };
  }

  async updateSetting(key: string, value: string): Promise<void> {
    this.calls.push(`set ${key}`);
    if (key === 'smtp.port' && !/^\d+$/.test(value)) throw new Error(`smtp.port: "${value}" is not a port number (nothing was written)`);
    this.settings[key] = value;
  }

  setSessionPassword(password: string): void {
    this.password = password === '' ? null : password;
  }

  hasSessionPassword(): boolean {
    return this.password !== null;
  }

  policyOverview(): PolicyOverview {
    return policyOverview(POLICY, true);
  }
}

/** A history record for a message sent by the fake. */
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
