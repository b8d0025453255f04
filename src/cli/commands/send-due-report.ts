/**
 * The plan (and, after sending, its outcome) as the JSON object of docs/reference/json.md §2 and as
 * the table for people of docs/reference/cli.md §3.2.
 * Amounts leave as decimal strings in major units of their currency; nothing here does I/O.
 */
import { currencyDigits, formatMinor } from '../../core/money.js';
import type { Plan, PlannedMessage, Skip } from '../../core/plan.js';
import type { DeliveryOutcome, MessageOutcome } from '../../delivery/deliver.js';

/**
 * Status of one message in the report: `planned` until delivery says otherwise, and still
 * `planned` when the run did not send it (it stays due), which the error text explains
 * (`not sent: …`).
 */
export type ReportStatus = 'planned' | Exclude<MessageOutcome['status'], 'not-sent'>;

/** One message of the JSON object (docs/reference/json.md §2.2). */
export interface JsonMessage {
  customer: string;
  kind: PlannedMessage['kind'];
  level: string | null;
  currency: string;
  to: string[];
  cc: string[];
  bcc: string[];
  items: string[];
  total: string;
  fee: string;
  interest: string;
  /** Payments on account netted against the items asked for (already taken out of `total`). */
  unapplied: string;
  /** Listed items not yet overdue: shown apart, not part of `total` ("0.00" when none). */
  notYetDue: string;
  status: ReportStatus;
  messageId: string | null;
  error: string | null;
}

/** The object printed by `--send-due --json` (docs/reference/json.md §2.1). */
export interface PlanJson {
  asOf: string;
  dryRun: boolean;
  messages: JsonMessage[];
  /**
   * The skipped customers (docs/reference/json.md §2.3), with the reason's `detail` (a
   * `missing-attachment` one names the missing file(s)).
   */
  skipped: { customer: string; reason: string; detail?: string }[];
  /**
   * `notSent` (after a send; a dry run's object is exactly the contract's): messages of the plan
   * this run did not send and left due (stopped, deferred, daily limit, changed since planned, cut
   * short); counted in `planned` too, never in `failed`.
   */
  counts: { planned: number; sent: number; failed: number; uncertain: number; skipped: number; notSent?: number };
  /** Data or settings that kept a customer out of the plan or an address out of a message; always present. */
  problems: { customer: string; field: string; message: string }[];
  /** Messages the run left due for a later run (server deferral, daily limit); only when some were. */
  deferred?: number;
}

function money(value: number, currency: string): string {
  return formatMinor(value, currencyDigits(currency));
}

function outcomesByKey(outcome: DeliveryOutcome | null): Map<string, MessageOutcome> {
  return new Map((outcome?.messages ?? []).map((entry) => [entry.key, entry]));
}

/**
 * The JSON object (docs/reference/json.md §2); `outcome` is null for a dry run. `counts.planned` is
 * the number of messages in the plan (also after sending); sent/failed/uncertain count the delivery
 * outcomes; a message without an outcome (nothing was sent, e.g. schedule.autoSend false) stays
 * `planned`.
 */
export function planToJson(plan: Plan, outcome: DeliveryOutcome | null): PlanJson {
  const outcomes = outcomesByKey(outcome);
  const counts = { planned: plan.messages.length, sent: 0, failed: 0, uncertain: 0, skipped: plan.skipped.length };
  let notSent = 0;
  let deferred = 0;
  const messages = plan.messages.map((message): JsonMessage => {
    const result = outcomes.get(message.key);
    if (result?.status === 'not-sent') {
      notSent += 1;
      if (result.reason === 'deferred' || result.reason === 'daily-limit') deferred += 1;
    } else if (result) counts[result.status] += 1;
    return {
      customer: message.customer.code,
      kind: message.kind,
      level: message.level,
      currency: message.currency,
      to: [...message.to],
      cc: [...message.cc],
      bcc: [...message.bcc],
      items: [...message.reminds],
      total: money(message.total, message.currency),
      fee: money(message.fee, message.currency),
      interest: money(message.interest, message.currency),
      unapplied: money(message.unapplied, message.currency),
      notYetDue: money(message.notYetDue, message.currency),
      status: result === undefined || result.status === 'not-sent' ? 'planned' : result.status,
      messageId: result?.messageId ?? null,
      error: result?.error ?? null,
    };
  });
  return {
    asOf: plan.asOf,
    dryRun: outcome === null,
    messages,
    skipped: plan.skipped.map(jsonSkip),
    counts: outcome === null ? counts : { ...counts, notSent },
    problems: plan.problems.map(({ customer, field, message }) => ({ customer, field, message })),
    ...(deferred > 0 ? { deferred } : {}),
  };
}

/**
 * A skip as the JSON writes it (docs/reference/json.md §2.3), with the engine's detail (the file a
 * `missing-attachment` skip names, "statements off").
 */
function jsonSkip(skip: Skip): PlanJson['skipped'][number] {
  const entry = { customer: skip.customer, reason: skip.reason };
  return skip.detail !== undefined ? { ...entry, detail: skip.detail } : entry;
}

/** Lay out rows as columns padded to their widest cell (right-aligned where asked). */
function table(header: string[], rows: string[][], right: ReadonlySet<number>): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (right.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

/** A readable report of the plan (and outcome) for a terminal. */
export function formatPlanReport(plan: Plan, outcome: DeliveryOutcome | null): string {
  const json = planToJson(plan, outcome);
  const outcomes = outcomesByKey(outcome);
  const out: string[] = [`Plan as of ${plan.asOf}${outcome === null ? ' (dry run: nothing sent)' : ''}`, ''];
  if (plan.messages.length === 0) {
    out.push('Nothing is due.');
  } else {
    const header = ['Customer', 'Name', 'Message', 'Cur', 'Items', 'Total', 'Fee', 'Interest', 'Recipients'];
    if (outcome !== null) header.push('Status');
    const rows = plan.messages.map((message, index) => {
      const entry = json.messages[index]!;
      const recipients = [...message.to, ...message.cc.map((cc) => `cc ${cc}`)].join(', ') || (message.letter ? '(letter only)' : '');
      const name = message.customer.name.length > 24 ? `${message.customer.name.slice(0, 23)}…` : message.customer.name;
      const row = [
        message.customer.code,
        name,
        message.level === null ? message.kind : `${message.kind}/${message.level}`,
        message.currency,
        String(message.reminds.length),
        entry.total,
        entry.fee,
        entry.interest,
        recipients,
      ];
      if (outcome !== null) {
        // A message left due says so itself ("not sent: …").
        const notSent = outcomes.get(message.key)?.status === 'not-sent';
        row.push(notSent ? (entry.error ?? 'not sent') : entry.error ? `${entry.status}: ${entry.error}` : entry.status);
      }
      return row;
    });
    out.push(...table(header, rows, new Set([4, 5, 6, 7])));
  }
  if (plan.skipped.length > 0) {
    out.push('', 'Skipped:');
    out.push(...table(['Customer', 'Reason', 'Detail'], plan.skipped.map((skip) => [skip.customer, skip.reason, skip.detail ?? '']), new Set()));
  }
  if (plan.problems.length > 0) {
    out.push('', 'Problems in the data:');
    for (const problem of plan.problems) {
      out.push(`  ${problem.customer || '(settings)'} ${problem.field}: ${problem.message}`);
    }
  }
  const { counts } = json;
  out.push(
    '',
    `Planned ${counts.planned}, sent ${counts.sent}, failed ${counts.failed}, uncertain ${counts.uncertain}, ` +
      `${outcome !== null ? `not sent ${counts.notSent}, ` : ''}skipped ${counts.skipped}`,
  );
  return `${out.join('\n')}\n`;
}
