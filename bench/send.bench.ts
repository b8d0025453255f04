/**
 * Bulk send benchmark (SPEC §10): `--send-due` end to end — open the database, plan, render each
 * e-mail with its statement PDF, journal, send over SMTP and record the history — for 1,000 due
 * customers, against raw pooled nodemailer sending the same prebuilt MIME messages to the same
 * local smtp-server. Target: at least 0.7× the reference's throughput.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Plan } from '../src/core/plan.js';
import type { OutgoingMessage } from '../src/core/message.js';
import type { MessageRenderer } from '../src/delivery/render.js';
import type { Settings } from '../src/settings/types.js';
import { deliverPlan } from '../src/delivery/deliver.js';
import { defaultRenderer } from '../src/delivery/render.js';
import { envelopeAddress } from '../src/delivery/envelope.js';
import { applyMessageStates } from '../src/storage/delivery-history.js';
import { SendJournal, type HistoryRecord } from '../src/delivery/journal.js';
import { planDue } from '../src/planning/plan-due.js';
import { openStore } from '../src/storage/database.js';
import { upsertCustomers } from '../src/storage/customers.js';
import { upsertItems } from '../src/storage/items.js';
import { aCustomer, anItem } from '../test/helpers/store.js';
import { startSmtpServer, type TestSmtpServer } from '../test/helpers/smtp.js';
import { defineBenchmark, type Benchmark } from './types.js';

const AS_OF = '2026-02-10';
const MAX_CONNECTIONS = 5;

interface SendContext {
  server: TestSmtpServer;
  settings: Settings;
  workDir: string;
  /** A database with the due customers and no history, copied fresh for every run of ours. */
  template: string;
  /** The same messages, prebuilt, for the reference (and for ours in the delivery-only benchmark). */
  prebuilt: Array<{ message: OutgoingMessage; raw: Buffer; envelope: { from: string; to: string[] } }>;
  count: number;
  run: number;
}

/** A renderer that hands out the prebuilt messages by key: measures delivery alone. */
function prebuiltRenderer(c: SendContext): MessageRenderer {
  const byKey = new Map(c.prebuilt.map((p) => [p.message.key, p]));
  const rawById = new Map(c.prebuilt.map((p) => [p.message.messageId, p.raw]));
  return {
    render: async (planned) => {
      const found = byKey.get(planned.key);
      if (!found) throw new Error(`no prebuilt message for ${planned.key}`);
      return found.message;
    },
    compose: async (message) => rawById.get(message.messageId) ?? Buffer.alloc(0),
  };
}

function context(settings: Settings, store: Awaited<ReturnType<typeof openStore>>, url: string, cwd: string) {
  return {
    openStore: async () => store,
    settings: { path: '', read: () => settings, write: async () => undefined },
    env: { DUEDESK_SMTP_URL: url },
    stdout: { write: () => true },
    stderr: { write: () => true },
    now: () => new Date(),
    cwd,
  };
}

/** Ours renders every message (documents layer) or, with `prebuiltRender`, reuses the reference's bytes. */
function sendBenchmark(name: string, prebuiltRender: boolean): Benchmark {
  return defineBenchmark<SendContext>({
  name,
  target: { measure: 'throughput', ratio: 0.7 },
  repetitions: 3,
  units: (c) => c.count,
  async setup({ quick, workDir }) {
    const count = quick ? 100 : 1000;
    const dir = join(workDir, 'send');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const template = join(dir, 'template.db');
    const store = await openStore({ path: template });
    await store.write((db) => {
      upsertCustomers(db, Array.from({ length: count }, (_, i) => aCustomer({ code: `C${i + 1}`, name: `Customer ${i + 1}`, email: `ar${i + 1}@customer.test` })));
      upsertItems(db, Array.from({ length: count * 3 }, (_, i) => anItem({ customerCode: `C${(i % count) + 1}`, number: `INV-${i + 1}`, dueDate: '2026-01-25' })));
    });
    const settings: Settings = { company: { name: 'Acme Billing', email: 'billing@company.test' }, smtp: { from: 'Acme Billing <billing@company.test>', maxConnections: MAX_CONNECTIONS } };
    const plan: Plan = planDue(store, settings, AS_OF);
    store.close();
    const renderer = defaultRenderer(settings, dir, AS_OF);
    const prebuilt = [];
    for (const planned of plan.messages) {
      const message = await renderer.render(planned);
      const raw = await renderer.compose(message, new Date());
      prebuilt.push({ message, raw, envelope: { from: envelopeAddress(message.from) ?? '', to: message.to } });
    }
    if (prebuilt.length !== count) throw new Error(`expected ${count} due messages, planned ${prebuilt.length}`);
    const server = await startSmtpServer({ auth: true });
    return { server, settings, workDir: dir, template, prebuilt, count, run: 0 };
  },
  async ours(c) {
    c.run += 1;
    const path = join(c.workDir, `run-${c.run}.db`);
    copyFileSync(c.template, path);
    const store = await openStore({ path });
    const ctx = context(c.settings, store, c.server.url(), c.workDir);
    const settings = ctx.settings.read();
    const renderer = prebuiltRender ? prebuiltRenderer(c) : undefined;
    const outcome = await deliverPlan(planDue(store, settings, AS_OF), ctx, undefined, renderer ? { renderer } : {});
    store.close();
    const sent = outcome.messages.filter((m) => m.status === 'sent').length;
    if (sent !== c.count) throw new Error(`ours sent ${sent} of ${c.count}: ${outcome.error ?? outcome.messages.find((m) => m.error)?.error ?? ''}`);
  },
  async reference(c) {
    const transport = nodemailer.createTransport({
      pool: true,
      maxConnections: MAX_CONNECTIONS,
      host: '127.0.0.1',
      port: c.server.port,
      secure: false,
      auth: { user: 'user', pass: 'secret' },
    });
    await Promise.all(c.prebuilt.map((m) => transport.sendMail({ envelope: m.envelope, raw: m.raw })));
    transport.close();
  },
  async teardown(c) {
    await c.server.close();
    rmSync(c.workDir, { recursive: true, force: true });
  },
});
}

/** The send benchmarks. */
/** Per-message durability: the send journal (2 fsynced lines) against one Store.write per message. */
interface DurabilityContext {
  dir: string;
  store: Awaited<ReturnType<typeof openStore>>;
  messages: number;
  run: number;
}

const durability = defineBenchmark<DurabilityContext>({
  name: 'per-message durability: send journal append+fsync vs Store.write',
  target: { measure: 'throughput', ratio: 1 },
  repetitions: 3,
  units: (c) => c.messages,
  async setup({ quick, workDir }) {
    const dir = join(workDir, 'durability');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const customers = quick ? 1000 : 10_000;
    const store = await openStore({ path: join(dir, 'duedesk.db') });
    await store.write((db) => {
      upsertCustomers(db, Array.from({ length: customers }, (_, i) => aCustomer({ code: `C${i + 1}` })));
      upsertItems(db, Array.from({ length: customers * 10 }, (_, i) => anItem({ customerCode: `C${(i % customers) + 1}`, number: `INV-${i + 1}` })));
    });
    return { dir, store, messages: quick ? 20 : 50, run: 0 };
  },
  async ours(c) {
    c.run += 1;
    const journal = await SendJournal.open(join(c.dir, `run-${c.run}.journal`));
    for (let i = 0; i < c.messages; i++) {
      const record = benchRecord(`${c.run}-${i}`);
      await journal.append({ type: 'sending', messageId: record.messageId, at: 't', record });
      await journal.append({ type: 'outcome', messageId: record.messageId, at: 't', status: 'sent', error: null, recipients: [] });
    }
    await journal.close();
  },
  async reference(c) {
    c.run += 1;
    for (let i = 0; i < c.messages; i++) {
      const record = benchRecord(`r${c.run}-${i}`);
      await c.store.write((db) => applyMessageStates(db, [{ record, status: 'sent', error: null, recipients: [], createdAt: 't', updatedAt: 't' }]));
    }
  },
  teardown(c) {
    c.store.close();
    rmSync(c.dir, { recursive: true, force: true });
  },
});

function benchRecord(id: string): HistoryRecord {
  return {
    key: `C1-EUR-first-${id}`, customerCode: 'C1', kind: 'reminder', level: 'first', currency: 'EUR', asOf: AS_OF,
    to: ['ar@customer.test'], cc: [], bcc: [], subject: 'Reminder', messageId: `<${id}@bench.test>`,
    total: 10000, fee: 0, interest: 0, unapplied: 0, outstanding: 10000, operator: 'bench',
    items: [{ itemNumber: 'INV-1', level: 'first', openAmount: 10000 }], cases: [],
  };
}

export const benchmarks: Benchmark[] = [
  durability,
  sendBenchmark('bulk send end to end vs raw pooled nodemailer', false),
  sendBenchmark('bulk send, delivery only (prebuilt messages) vs raw pooled nodemailer', true),
];
