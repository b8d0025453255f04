/**
 * The real DeskServices: storage, planning, documents, delivery, import and settings behind the
 * one interface the screens use. Nothing here draws; every error is thrown with a message that
 * the status line can show as it is. Documents, delivery and import load on first use, so the
 * desk's first frame does not wait for jspdf and nodemailer.
 */
import type { CommandContext, TextSink } from '../runtime/context.js';
import { localDate } from '../core/dates.js';
import type { IsoDate, MessageRecord } from '../core/domain.js';
import type { Plan, PlannedMessage } from '../core/plan.js';
import { resolvePolicy } from '../core/policy.js';
import { sendWidth, type MessageOutcome } from '../delivery/deliver.js';
import type { MessageRenderer } from '../delivery/render.js';
import { outboxDir, previewDir, type DataPlace } from '../settings/paths.js';
import { holdBackMissingInvoices } from '../documents/missing-invoices.js';
import { planDue, type PlanningSteps } from '../planning/plan-due.js';
import { statementsNow } from '../statements/statements-now.js';
import { parseSettingValue, settingsWith, settingsWithout } from '../settings/change.js';
import { getPath, type JsonObject } from '../settings/keys.js';
import { getCustomer, setHold, setReminders, setStatementInterval } from '../storage/customers.js';
import { acknowledgeMessage } from '../storage/acknowledgements.js';
import { customerNames } from '../storage/customer-names.js';
import { operatorName } from '../delivery/record.js';
import { setItemHold } from '../storage/item-hold.js';
import { openItemsOf } from '../storage/items.js';
import { customerTimeline, getMessage, listMessages, updateMessageStatus } from '../storage/messages.js';
import type { Ledger } from '../storage/ledger.js';
import { ledgerFile } from '../storage/ledger-location.js';
import type { Sql } from '../storage/sql.js';
import { agingOf } from './aging.js';
import { collectionServices } from './collection-services.js';
import { queryCustomerList } from './customer-list-query.js';
import { policyOverview } from './policy-overview.js';
import { EDITABLE_SETTINGS, type DeskServices, type SendOutcome, type SettingsValues } from './services.js';
import { statementSummary } from './statement-summary.js';

/** Lines written by a command into a context we hand it (import reports, delivery warnings). */
function collector(): TextSink & { lines: string[] } {
  const lines: string[] = [];
  return { lines, write: (text: string) => lines.push(...text.split('\n').filter((l) => l !== '')) };
}

/**
 * A delivery outcome as the send window shows it: a message the run did not send (Esc, the
 * server deferred the rest, the daily limit, its customer changed since the plan) is `stopped`,
 * never failed, and its error says why; it stays due.
 */
function toSendOutcome(outcome: MessageOutcome): SendOutcome {
  return { key: outcome.key, status: outcome.status === 'not-sent' ? 'stopped' : outcome.status, messageId: outcome.messageId, error: outcome.error };
}

/** What a session may be given instead of the real parts (tests count planning through it). */
export interface ServiceSeams {
  planDue?: typeof planDue;
}

/** Build the services of an operator session from the command context. */
export async function createServices(ctx: CommandContext, seams: ServiceSeams = {}): Promise<DeskServices> {
  const plan = seams.planDue ?? planDue;
  const ledger: Ledger = await ctx.openLedger();
  const place: DataPlace = { dbPath: ledgerFile(ledger), cwd: ctx.cwd };
  let sessionPassword: string | null = null;
  let renderer: { asOf: IsoDate; value: MessageRenderer } | null = null;
  const warnings = collector();

  const settings = () => ctx.settings.read();
  const today = (): IsoDate => localDate(ctx.now());
  /** The context for delivery: warnings kept off the screen (the typed password goes as a value). */
  const sendContext = (): CommandContext => ({ ...ctx, stderr: warnings });
  /** The documents renderer for today, rebuilt when the settings change (templates, company). */
  const getRenderer = async (): Promise<MessageRenderer> => {
    const asOf = today();
    if (renderer === null || renderer.asOf !== asOf) {
      const { defaultRenderer } = await import('../delivery/render.js');
      renderer = { asOf, value: defaultRenderer(settings(), ctx.cwd, asOf) };
    }
    return renderer.value;
  };
  /** The history record of a failed message, or a clear refusal. */
  const failedRecord = async (sql: Sql, id: number): Promise<MessageRecord> => {
    const record = await getMessage(sql, id);
    if (!record) throw new Error(`message ${id} does not exist`);
    if (record.status !== 'failed') throw new Error(`message ${id} is ${record.status}; only failed messages are retried`);
    return record;
  };
  /** Change one customer, refusing a code the ledger does not hold (checked in the same write). */
  const changeCustomer = (code: string, change: (sql: Sql) => Promise<void>): Promise<void> =>
    ledger.write(async (sql) => {
      if (!(await getCustomer(sql, code))) throw new Error(`customer ${code} does not exist`);
      await change(sql);
    });
  /** Today's plan as the CLI makes it (of every customer, or only these): messages whose invoice PDFs are missing are held back. */
  const planNow = async (asOf: IsoDate, customers?: readonly string[], steps?: PlanningSteps): Promise<Plan> => {
    const current = settings();
    const made = await plan(ledger, current, asOf, customers, steps);
    for (const message of made.messages) {
      const count = made.changeCounts?.get(message.customer.code);
      if (count !== undefined) plannedCounts.set(message, count);
    }
    return holdBackMissingInvoices(made, current, ctx.cwd);
  };
  /**
   * Each planned message's customer change count when it was planned: the screen may send a
   * plan made minutes ago, and a customer paid or changed since must not get it.
   */
  const plannedCounts = new WeakMap<PlannedMessage, number>();
  const oneMessagePlan = (messages: PlannedMessage[]): Plan => {
    const changeCounts = new Map<string, number>();
    for (const message of messages) {
      const count = plannedCounts.get(message);
      if (count !== undefined) changeCounts.set(message.customer.code, count);
    }
    return { asOf: today(), messages, skipped: [], problems: [], changeCounts };
  };

  const collections = collectionServices(ledger, ctx, place, () => sessionPassword);
  const services: DeskServices = {
    ...collections,
    today,
    // In steps, so the desk draws and takes keys while a large plan computes, and says how far it is.
    loadPlan: (asOf, onProgress) => planNow(asOf, undefined, onProgress ? { onProgress } : undefined),
    listCustomers: (asOf) => queryCustomerList(ledger, asOf),
    customerNames: (codes) => ledger.read((sql) => customerNames(sql, codes)),
    customerDetail: async (code, asOf) => {
      const found = await ledger.read(async (sql) => {
        const customer = await getCustomer(sql, code);
        return customer && { customer, items: await openItemsOf(sql, code), messages: await customerTimeline(sql, code) };
      });
      if (!found) return null;
      const { customer, items } = found;
      const timeline = found.messages
        .reverse()
        .map((m) => ({ id: m.id, asOf: m.asOf, kind: m.kind, level: m.level, currency: m.currency, outstanding: m.outstanding, status: m.status }));
      const policy = resolvePolicy(settings());
      const collection = await collections.collectionLines(code, asOf);
      return { customer, items, aging: agingOf(items, asOf), effectiveStatementEveryDays: customer.statementEveryDays ?? policy.statementEveryDays, timeline, collection };
    },
    setHold: (code, until) => changeCustomer(code, (sql) => setHold(sql, code, until)),
    setItemHold: (code, number, until) => ledger.write((sql) => setItemHold(sql, code, number, until)),
    setReminders: (code, on) => changeCustomer(code, (sql) => setReminders(sql, code, on)),
    setStatementInterval: (code, days) => changeCustomer(code, (sql) => setStatementInterval(sql, code, days)),
    statementsNow: (code, asOf) => statementsNow(ledger, settings(), code, { asOf }),
    listHistory: async () => (await ledger.read((sql) => listMessages(sql))).reverse(),
    retryMessages: async (ids, asOf) => {
      const records = await ledger.read(async (sql) => {
        const found: MessageRecord[] = [];
        for (const id of ids) found.push(await failedRecord(sql, id));
        return found;
      });
      // One plan for all of them, of their customers only: planning everyone is the costly part at scale.
      const customers = [...new Set(records.map((r) => r.customerCode))];
      const again = (await planNow(asOf, customers)).messages.filter((m) => records.some((r) => sameMessage(m, r)));
      if (again.length === 0) return [];
      return (await services.send(again, () => undefined, new AbortController().signal)).outcomes;
    },
    markUncertain: async (id, delivered) => {
      await ledger.write(async (sql) => {
        const record = await getMessage(sql, id);
        if (!record) throw new Error(`message ${id} does not exist`);
        if (record.status !== 'uncertain') throw new Error(`message ${id} is ${record.status}, not uncertain`);
        const error = delivered ? null : `${record.error ? `${record.error}; ` : ''}not delivered (checked by the operator)`;
        await updateMessageStatus(sql, id, delivered ? 'sent' : 'failed', error, ctx.now().toISOString());
      });
    },
    acknowledge: async (id) => {
      await ledger.write((sql) => acknowledgeMessage(sql, id, operatorName(settings().operator), ctx.now().toISOString()));
    },
    preview: async (message) => {
      const summary = statementSummary(message);
      try {
        const out = await (await getRenderer()).render(message);
        return { subject: out.subject, text: out.text, to: out.to, cc: out.cc, statementSummary: summary };
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        return { subject: '(not rendered)', text: `The e-mail could not be rendered: ${why}`, to: message.to, cc: message.cc, statementSummary: summary };
      }
    },
    writePreview: async (message, dir) => {
      const { writePreviews } = await import('../delivery/write-previews.js');
      return writePreviews(oneMessagePlan([message]), dir ?? services.previewDir(), ctx);
    },
    previewDir: () => previewDir(place),
    transportLabel: () => {
      const s = settings();
      const url = ctx.env.DUEDESK_SMTP_URL;
      if (url) return `smtp (DUEDESK_SMTP_URL) ${new URL(url).host}`;
      if (s.mail?.transport === 'smtp') return `smtp ${s.smtp?.host ?? '(no host)'}:${s.smtp?.port ?? (s.smtp?.secure ? 465 : 587)}`;
      return `outbox ${outboxDir(s, place)}`;
    },
    sendWidth: () => sendWidth(settings()),
    send: async (messages, onProgress, signal) => {
      const { deliverPlan } = await import('../delivery/deliver.js');
      const outcome = await deliverPlan(oneMessagePlan(messages), sendContext(), (o, done, total) => onProgress(toSendOutcome(o), done, total), { signal, sessionPassword });
      const outcomes = outcome.messages.map(toSendOutcome);
      for (const key of outcome.alreadySent ?? []) outcomes.push({ key, status: 'skipped', messageId: null, error: 'already sent today' });
      if (outcome.error && outcomes.every((o) => o.status !== 'sent')) warnings.write(outcome.error);
      return { outcomes, stopped: signal.aborted };
    },
    sendTestMail: async (address) => {
      const { sendTestMail } = await import('../mail/test-mail.js');
      const result = await sendTestMail(address, settings(), ctx.env, place, ctx.now(), sessionPassword);
      if (!result.ok) throw new Error(`test e-mail to ${address} via ${result.transport} failed: ${result.detail}`);
      return `test e-mail sent to ${address} via ${result.transport}: ${result.detail}`;
    },
    importCsv: async (request) => {
      const { importCsv } = await import('../csv/import/import-csv.js');
      return importCsv(ledger, settings(), request, ctx.cwd);
    },
    readSettings: () => {
      const values: SettingsValues = {};
      const stored = settings() as JsonObject;
      for (const key of EDITABLE_SETTINGS) {
        const value = getPath(stored, key);
        values[key] = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
      }
      return values;
    },
    updateSetting: async (key, value) => {
      const write = ctx.settings.write?.bind(ctx.settings);
      if (!write) throw new Error('settings cannot be changed in this session');
      const current = settings();
      await write(value.trim() === '' ? settingsWithout(current, key) : settingsWith(current, key, parseSettingValue(key, value.trim())));
      renderer = null;
    },
    setSessionPassword: (password) => {
      sessionPassword = password === '' ? null : password;
    },
    hasSessionPassword: () => sessionPassword !== null,
    policyOverview: () => policyOverview(resolvePolicy(settings()), settings().schedule?.autoSend !== false),
  };
  return services;
}

/** Whether a planned message is the same message again as a history record. */
function sameMessage(planned: PlannedMessage, record: MessageRecord): boolean {
  return planned.customer.code === record.customerCode && planned.currency === record.currency && planned.kind === record.kind && planned.level === record.level;
}
