/** The seam between delivery and the documents layer: planned message → e-mail → MIME bytes. */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { IsoDate } from '../core/domain.js';
import type { OutgoingMessage } from '../core/message.js';
import type { PlannedMessage } from '../core/plan.js';
import type { Settings } from '../core/settings.js';
import { loadDocumentAssets, type DocumentAssets } from '../documents/assets.js';
import { checkMessageTexts } from '../documents/message-texts.js';
import { buildMessage } from '../documents/build-message.js';
import { combinedLettersPdf } from '../documents/letters-pdf.js';
import { composeMime } from '../mail/compose.js';
import { makeMessageId, messageIdDomain } from '../mail/message-id.js';

/** Turns planned messages into what is sent (documents layer in production, fakes in tests). */
export interface MessageRenderer {
  /** Build the e-mail (Message-ID decided here, before anything is sent). */
  render(planned: PlannedMessage): Promise<OutgoingMessage>;
  /** Serialise to MIME; BCC never appears in the headers. */
  compose(message: OutgoingMessage, date: Date): Promise<Buffer>;
  /**
   * Render the texts of every template the messages use (no PDF) and throw a UserError naming
   * the file and tag at the first fault; delivery calls it before sending anything.
   */
  checkTexts?(messages: readonly PlannedMessage[]): void;
  /** The letters of `messages`, in that order, in one PDF (docs/reference/messages.md §4.3). */
  lettersPdf?(messages: readonly PlannedMessage[]): Uint8Array;
}

/** How the production renderer spreads its work (tests and benchmarks may change it). */
export interface RendererTuning {
  /** Render in a worker thread once this many messages were asked for; 0 = never. */
  workerAfter: number;
  /** An idle worker is stopped after this long. */
  workerIdleMs: number;
  /** How many worker threads at most. */
  workers: number;
  /** Told where each message was rendered (tests). */
  observe?: (where: 'worker' | 'here') => void;
}

/**
 * One worker: measured on two cores, a second one slowed bulk sending down (three threads
 * rendering and sending on two cores, and one more documents layer to load).
 */
const DEFAULT_TUNING: RendererTuning = { workerAfter: 12, workerIdleMs: 1500, workers: 1 };

/** A message built in the worker, with its MIME composed for a placeholder Date header. */
interface Prebuilt {
  raw: Buffer;
  /** Where the Date header value is in `raw`, and how long it is. */
  dateAt: number;
  dateLength: number;
}

/**
 * The production renderer: templates, statement PDF and invoice attachments from the documents
 * layer. Each attempt gets a fresh random Message-ID nonce: a failed message planned again the
 * same day must not collide with its earlier history row (message_id is unique).
 *
 * Rendering (PDF and MIME) costs several times what sending does. In a bulk run, once enough
 * messages were asked for, it moves to a worker thread: the main thread keeps the SMTP
 * connections and the journal busy while the second core renders. The worker also composes the
 * MIME; `compose` then only puts the real Date into it, so the bytes are what composeMime gives.
 */
export function defaultRenderer(settings: Settings, cwd: string, asOf: IsoDate, tuning: Partial<RendererTuning> = {}): MessageRenderer {
  const assets = loadDocumentAssets(settings, cwd);
  const local = localRenderer(settings, cwd, asOf, assets);
  const options = { ...DEFAULT_TUNING, ...tuning };
  const prebuilt = new WeakMap<OutgoingMessage, Prebuilt>();
  const pool = options.workerAfter > 0 && options.workers > 0 ? Array.from({ length: options.workers }, () => new RenderWorker({ settings, cwd, asOf }, options.workerIdleMs)) : null;
  let asked = 0;
  return {
    checkTexts: (messages) => checkMessageTexts(messages, { settings, asOf, templates: assets.templates }),
    lettersPdf: (messages) => combinedLettersPdf(messages, settings, asOf, assets),
    render: async (planned) => {
      asked += 1;
      const job = pool === null || asked < options.workerAfter ? null : leastBusy(pool).render(planned);
      options.observe?.(job === null ? 'here' : 'worker');
      // A worker that dies with the message in hand answers null: it is rendered here instead.
      const built = job === null ? null : await job;
      if (built === null) return local(planned);
      if (built.prebuilt) prebuilt.set(built.message, built.prebuilt);
      return built.message;
    },
    compose: async (message, date) => {
      const known = prebuilt.get(message);
      prebuilt.delete(message);
      return known ? withDate(known, date) ?? composeMime(message, date) : composeMime(message, date);
    },
  };
}

/** The worker with the fewest messages in hand, preferring one that is ready. */
function leastBusy(pool: RenderWorker[]): RenderWorker {
  let best = pool[0] as RenderWorker;
  for (const worker of pool) if (worker.load() < best.load()) best = worker;
  return best;
}

function localRenderer(settings: Settings, cwd: string, asOf: IsoDate, assets: DocumentAssets): (planned: PlannedMessage) => Promise<OutgoingMessage> {
  const domain = messageIdDomain(settings);
  return (planned) =>
    buildMessage(planned, {
      settings,
      asOf,
      ...assets,
      messageId: makeMessageId(planned.key, asOf, domain, randomBytes(6).toString('hex')),
      cwd,
    });
}

/** The Date header value exactly as nodemailer writes it. */
function dateValue(date: Date): string {
  return date.toUTCString().replace(/GMT/, '+0000');
}

/** The prebuilt MIME with `date` in its Date header; null when the date cannot be written. */
function withDate(prebuilt: Prebuilt, date: Date): Buffer | null {
  if (Number.isNaN(date.getTime())) return null;
  const { raw, dateAt, dateLength } = prebuilt;
  return Buffer.concat([raw.subarray(0, dateAt), Buffer.from(dateValue(date), 'latin1'), raw.subarray(dateAt + dateLength)]);
}

/** MIME composed for `date` with the place of the Date header's value, found in the header block. */
async function prebuild(message: OutgoingMessage, date: Date): Promise<Prebuilt | null> {
  const raw = await composeMime(message, date);
  const value = dateValue(date);
  const headerEnd = raw.indexOf('\r\n\r\n');
  const line = raw.indexOf(`\r\nDate: ${value}\r\n`);
  if (line < 0 || line > headerEnd) return null;
  return { raw, dateAt: line + '\r\nDate: '.length, dateLength: value.length };
}

interface WorkerSetup {
  role: 'duedesk-render';
  settings: Settings;
  cwd: string;
  asOf: IsoDate;
}

type Reply =
  | { ready: true }
  | { id: number; message: OutgoingMessage; raw: Uint8Array | null; dateAt: number; dateLength: number }
  | { id: number; error: string };

/** A message from the worker, with its MIME when the Date header could be placed. */
interface Built {
  message: OutgoingMessage;
  prebuilt: Prebuilt | null;
}

interface Pending {
  resolve(value: Built | null): void;
  reject(error: Error): void;
}

/**
 * One worker thread, started on first use and stopped when idle. Until it has loaded the
 * documents layer, and for good if it cannot start, render() answers null and the caller renders
 * in this thread. A build error in the worker rejects like the same error here would.
 */
class RenderWorker {
  private worker: Worker | null = null;
  private ready = false;
  private broken = false;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly setup: Omit<WorkerSetup, 'role'>,
    private readonly idleMs: number,
  ) {}

  /** Messages in hand; a worker not ready yet counts as busy, one that cannot start as busiest. */
  load(): number {
    if (this.broken) return Number.MAX_SAFE_INTEGER;
    return this.worker !== null && !this.ready ? 1000 + this.pending.size : this.pending.size;
  }

  /** Hand `planned` to the worker; null when it is not ready (or cannot start) to take it. */
  render(planned: PlannedMessage): Promise<Built | null> | null {
    if (this.broken) return null;
    const worker = this.worker ?? this.start();
    if (worker === null || !this.ready) return null;
    this.clearIdle();
    if (this.pending.size === 0) worker.ref();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, planned });
    });
  }

  private start(): Worker | null {
    try {
      const worker = workerOfThisFile({ role: 'duedesk-render', ...this.setup } satisfies WorkerSetup);
      worker.unref();
      worker.on('message', (reply: Reply) => this.onReply(reply));
      worker.on('error', () => this.fail());
      worker.on('exit', () => this.fail());
      this.worker = worker;
      return worker;
    } catch {
      this.broken = true;
      return null;
    }
  }

  private onReply(reply: Reply): void {
    if ('ready' in reply) {
      this.ready = true;
      this.scheduleIdle();
      return;
    }
    const waiting = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (this.pending.size === 0) {
      this.worker?.unref();
      this.scheduleIdle();
    }
    if (!waiting) return;
    if ('error' in reply) waiting.reject(new Error(reply.error));
    else {
      const { raw } = reply;
      const prebuilt = raw === null ? null : { raw: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), dateAt: reply.dateAt, dateLength: reply.dateLength };
      waiting.resolve({ message: reply.message, prebuilt });
    }
  }

  /** The worker died or could not load: what it still had is rendered here instead. */
  private fail(): void {
    if (this.worker === null) return;
    this.worker = null;
    this.ready = false;
    this.broken = true;
    this.clearIdle();
    for (const waiting of this.pending.values()) waiting.resolve(null);
    this.pending.clear();
  }

  private scheduleIdle(): void {
    this.clearIdle();
    this.idleTimer = setTimeout(() => {
      const worker = this.worker;
      if (worker === null || this.pending.size > 0) return;
      this.worker = null;
      this.ready = false;
      worker.removeAllListeners('exit');
      void worker.terminate();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

/**
 * A worker running this file. Compiled, that is all; run from the TypeScript sources (tsx,
 * vitest), the worker first registers tsx's loader, as bin/duedesk.js does, so it can read them.
 */
function workerOfThisFile(data: WorkerSetup): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL(self), { workerData: data });
  const require = createRequire(self);
  const manifest = require.resolve('tsx/package.json');
  const exported = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: Record<string, { import?: { default?: string } }> }).exports;
  const api = new URL(exported?.['./esm/api']?.import?.default ?? './dist/esm/api/index.mjs', pathToFileURL(manifest)).href;
  const boot = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(self)}); });`;
  return new Worker(boot, { eval: true, workerData: data });
}

/** The worker side: load the documents layer once, then build and compose what is asked. */
async function serveRenders(setup: WorkerSetup): Promise<void> {
  const port = parentPort;
  if (port === null) return;
  const render = localRenderer(setup.settings, setup.cwd, setup.asOf, loadDocumentAssets(setup.settings, setup.cwd));
  port.on('message', (request: { id: number; planned: PlannedMessage }) => {
    void (async () => {
      try {
        const message = await render(request.planned);
        // Not found (it always is), the main thread composes the message itself.
        const built = await prebuild(message, new Date());
        port.postMessage({ id: request.id, message, raw: built?.raw ?? null, dateAt: built?.dateAt ?? 0, dateLength: built?.dateLength ?? 0 });
      } catch (error) {
        port.postMessage({ id: request.id, error: (error as Error).message });
      }
    })();
  });
  port.postMessage({ ready: true });
}

if (!isMainThread && (workerData as Partial<WorkerSetup> | null)?.role === 'duedesk-render') {
  void serveRenders(workerData as WorkerSetup);
}
