/**
 * Bulk send benchmark (target: docs/benchmarks.md): `--send-due` end to end — open the database, plan, render each
 * e-mail with its statement PDF, journal, send over SMTP and record the history — for 1,000 due
 * customers, against a plain loop doing the same rendering with the same libraries (Mustache texts,
 * the statement PDF drawn by jspdf) and sending each with pooled nodemailer to the same local
 * smtp-server: what we add over that (history, journal, fsyncs, locks) is what we own. The
 * delivery-only variant hands both sides the same prebuilt MIME. Target: ≥ 0.7× the throughput.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Plan } from '../src/core/plan.js';
import type { OutgoingMessage } from '../src/core/message.js';
import type { MessageRenderer } from '../src/delivery/render.js';
import type { Settings } from '../src/core/settings.js';
import { deliverPlan } from '../src/delivery/deliver.js';
import { defaultRenderer } from '../src/delivery/render.js';
import { envelopeAddress } from '../src/mail/envelope.js';
import { SendJournal, type HistoryRecord } from '../src/delivery/journal.js';
import { planDue } from '../src/planning/plan-due.js';
import { openLedger } from '../src/storage/open-ledger.js';
import { upsertCustomers } from '../src/storage/customers.js';
import { upsertItems } from '../src/storage/items.js';
import { messageTexts } from '../src/documents/message-texts.js';
import { loadStatementFonts } from '../src/documents/pdf/fonts.js';
import { renderStatementPdf } from '../src/documents/pdf/render-statement.js';
import { loadTemplateSet } from '../src/documents/load-templates.js';
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
  /** The planned messages, for the end-to-end reference's own rendering. */
  planned: Plan['messages'];
  /** The same messages, prebuilt, for the delivery-only benchmark (both sides). */
  prebuilt: Array<{ message: OutgoingMessage; raw: Buffer; envelope: { from: string; to: string[] } }>;
  count: number;
  run: number;
}

/**
 * The end-to-end reference: each planned message's texts and statement PDF made with the same
 * libraries (and the same drawing code), then handed to pooled nodemailer, which composes the MIME.
 */
function plainLoop(c: SendContext, send: (mail: SendMailOptions) => Promise<unknown>): Array<Promise<unknown>> {
  const templates = loadTemplateSet();
  const fonts = loadStatementFonts();
  const from = c.settings.smtp?.from ?? '';
  return c.planned.map((planned) => {
    const { model, texts } = messageTexts(planned, { settings: c.settings, asOf: AS_OF, templates });
    const pdf = renderStatementPdf(model, templates.labels(model.language), { fonts, logo: null });
    return send({
      from, to: planned.to, subject: texts.subject, text: texts.text, html: texts.html,
      attachments: [{ filename: `${planned.key}.pdf`, content: Buffer.from(pdf), contentType: 'application/pdf' }],
    });
  });
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

function context(settings: Settings, store: Awaited<ReturnType<typeof openLedger>>, url: string, cwd: string) {
  return {
    openLedger: async () => store,
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
    const store = await openLedger(template);
    await store.write(async (sql) => {
      await upsertCustomers(sql, Array.from({ length: count }, (_, i) => aCustomer({ code: `C${i + 1}`, name: `Customer ${i + 1}`, email: `ar${i + 1}@customer.test` })));
      await upsertItems(sql, Array.from({ length: count * 3 }, (_, i) => anItem({ customerCode: `C${(i % count) + 1}`, number: `INV-${i + 1}`, dueDate: '2026-01-25' })));
    });
    const settings: Settings = { company: { name: 'Acme Billing', email: 'billing@company.test' }, smtp: { from: 'Acme Billing <billing@company.test>', maxConnections: MAX_CONNECTIONS } };
    const plan: Plan = (await planDue(store, settings, AS_OF));
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
    return { server, settings, workDir: dir, template, planned: plan.messages, prebuilt, count, run: 0 };
  },
  async ours(c) {
    c.run += 1;
    const path = join(c.workDir, `run-${c.run}.db`);
    copyFileSync(c.template, path);
    const store = await openLedger(path);
    const ctx = context(c.settings, store, c.server.url(), c.workDir);
    const settings = ctx.settings.read();
    const renderer = prebuiltRender ? prebuiltRenderer(c) : undefined;
    const outcome = await deliverPlan((await planDue(store, settings, AS_OF)), ctx, undefined, renderer ? { renderer } : {});
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
    if (prebuiltRender) {
      await Promise.all(c.prebuilt.map((m) => transport.sendMail({ envelope: m.envelope, raw: m.raw })));
    } else {
      await Promise.all(plainLoop(c, (mail) => transport.sendMail(mail)));
    }
    transport.close();
  },
  async teardown(c) {
    await c.server.close();
    rmSync(c.workDir, { recursive: true, force: true });
  },
});
}

/** The send benchmarks. */
/**
 * Per-message durability: the send journal (a `sending` and an `outcome` line, each fsynced) against
 * the least any durable sender must do: the same two records appended to a plain file, each fsynced.
 */
interface DurabilityContext {
  dir: string;
  messages: number;
  run: number;
}

const durability = defineBenchmark<DurabilityContext>({
  name: 'per-message durability: send journal vs the same records appended to a plain file with fsync',
  target: { measure: 'throughput', ratio: 1 },
  repetitions: 3,
  units: (c) => c.messages,
  async setup({ quick, workDir }) {
    const dir = join(workDir, 'durability');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    return { dir, messages: quick ? 20 : 200, run: 0 };
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
    const file = await open(join(c.dir, `plain-${c.run}.log`), 'a', 0o600);
    for (let i = 0; i < c.messages; i++) {
      const record = benchRecord(`r${c.run}-${i}`);
      for (const entry of [
        { type: 'sending', messageId: record.messageId, at: 't', record },
        { type: 'outcome', messageId: record.messageId, at: 't', status: 'sent', error: null, recipients: [] },
      ]) {
        await file.write(`${JSON.stringify(entry)}\n`);
        await file.sync();
      }
    }
    await file.close();
  },
  teardown(c) {
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
  sendBenchmark('bulk send end to end vs a plain loop: same texts and PDF (jspdf), pooled nodemailer', false),
  sendBenchmark('bulk send, delivery only (prebuilt messages) vs raw pooled nodemailer', true),
];
