/**
 * Helpers for racing `db copy` / `db backup` against a send: a ledger with the demo data, a
 * gate the SMTP server waits at (so a send is surely under way), and what a ledger's history
 * holds, read the same way on both engines.
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import { openLedger } from '../../src/storage/open-ledger.js';
import type { RunResult, Sandbox } from '../cli/io.js';
import type { TestSmtpServer } from './smtp.js';

const DEMO = join(import.meta.dirname, '..', '..', 'data', 'demo');

/** The day the demo data has 48 messages due. */
export const DEMO_AS_OF = '2026-11-23';

/** Import the demo customers, items, payments and plans into the sandbox's ledger (`--db`). */
export async function importDemo(box: Sandbox, db: string = box.db): Promise<void> {
  for (const kind of ['customers', 'items', 'payments', 'plans']) {
    const result = await box.run(['--db', db, 'import', kind, join(DEMO, `${kind}.csv`)]);
    expect(result.code, result.stderr).toBe(0);
  }
}

/** A promise the test opens when it chooses. */
export interface Gate {
  promise: Promise<void>;
  open(): void;
}

/** A closed gate. */
export function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Wait until `predicate` holds, checking as the event loop turns (no fixed sleep). */
export async function until(predicate: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** How many history rows of each status the ledger at `location` holds, e.g. `{ sent: 48 }`. */
export async function statusCounts(location: string): Promise<Record<string, number>> {
  const ledger = await openLedger(location);
  try {
    const rows = await ledger.read((sql) => sql.all('SELECT status, COUNT(*) AS n FROM messages GROUP BY status ORDER BY status'));
    return Object.fromEntries(rows.map((row) => [String(row.status), Number(row.n)]));
  } finally {
    await ledger.close();
  }
}

/** `--send-due --json` for the demo day from `db` through the SMTP server at `smtpUrl`. */
export function sendDue(box: Sandbox, db: string, smtpUrl: string): ReturnType<Sandbox['run']> {
  return box.run(['--db', db, '--send-due', '--as-of', DEMO_AS_OF, '--json'], { DUEDESK_SMTP_URL: smtpUrl });
}

/** A send under way: its sixth message waits at the server until `release`. */
export interface HeldSend {
  /** The send's own result, once released. */
  done: Promise<RunResult>;
  release(): void;
}

/** Start the demo day's send from `db` and return once it is surely under way (six messages at the server). */
export async function startHeldSend(box: Sandbox, db: string, server: TestSmtpServer): Promise<HeldSend> {
  const held = gate();
  server.behaviour.hold = (n) => (n === 5 ? held.promise : undefined);
  const done = sendDue(box, db, `smtp://127.0.0.1:${server.port}`);
  await until(() => server.bodies.length >= 6, 'the send to be under way');
  return { done, release: held.open };
}

/** The copy at `copy` holds all 48 messages as sent, and a send from it sends nothing again. */
export async function expectNothingSentAgain(box: Sandbox, copy: string, server: TestSmtpServer): Promise<void> {
  expect(await statusCounts(copy)).toEqual({ sent: 48 });
  const again = await sendDue(box, copy, `smtp://127.0.0.1:${server.port}`);
  expect(again.code, again.stderr).toBe(0);
  expect(JSON.parse(again.stdout).messages).toEqual([]);
  expect(server.bodies).toHaveLength(48);
}
