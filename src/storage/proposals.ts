/** Proposals (migrations 11, 13) ⇄ Proposal: a day's plan awaiting approval, its lines and what became of each. */
import type { IsoDate, MessageKind, Proposal, ProposalLine, ProposalLineOutcome, ProposalStatus } from '../core/domain.js';
import { bool, int, pushTo, runMany, text, textOrNull, type Row } from './rows.js';
import { marks, type Sql } from './sql.js';

const COLUMNS = 'id, as_of, status, created_by, created_at, approved_by, approved_at, sent_at';

function toLine(row: Row): ProposalLine {
  const items = text(row, 'items');
  return {
    key: text(row, 'line_key'),
    customerCode: text(row, 'customer_code'),
    kind: text(row, 'kind') as MessageKind,
    level: textOrNull(row, 'level'),
    currency: text(row, 'currency'),
    items: items === '' ? [] : items.split('\n'),
    total: int(row, 'total'),
    removed: bool(row, 'removed'),
    outcome: textOrNull(row, 'outcome') as ProposalLineOutcome | null,
    outcomeDetail: textOrNull(row, 'outcome_detail'),
  };
}

async function withLines(sql: Sql, rows: Row[]): Promise<Proposal[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => int(row, 'id'));
  const lines = new Map<number, ProposalLine[]>();
  for (const row of await sql.all(`SELECT * FROM proposal_lines WHERE proposal_id IN (${marks(ids.length)}) ORDER BY proposal_id, line_key`, ids)) {
    pushTo(lines, int(row, 'proposal_id'), toLine(row));
  }
  return rows.map((row) => ({
    id: int(row, 'id'),
    asOf: text(row, 'as_of'),
    status: text(row, 'status') as ProposalStatus,
    createdBy: text(row, 'created_by'),
    createdAt: text(row, 'created_at'),
    approvedBy: textOrNull(row, 'approved_by'),
    approvedAt: textOrNull(row, 'approved_at'),
    sentAt: textOrNull(row, 'sent_at'),
    lines: lines.get(int(row, 'id')) ?? [],
  }));
}

/** Record a pending proposal with its lines (inside ledger.write); resolves to its id. */
export async function insertProposal(sql: Sql, asOf: IsoDate, createdBy: string, createdAt: string, lines: readonly ProposalLine[]): Promise<number> {
  const [row] = await sql.all(
    "INSERT INTO proposals (as_of, status, created_by, created_at) VALUES (?, 'pending', ?, ?) RETURNING id",
    [asOf, createdBy, createdAt],
  );
  const id = int(row!, 'id');
  await sql.runMany(
    'INSERT INTO proposal_lines (proposal_id, line_key, customer_code, kind, level, currency, items, total, removed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)',
    lines.map((line) => [id, line.key, line.customerCode, line.kind, line.level, line.currency, line.items.join('\n'), line.total]),
  );
  return id;
}

/** One proposal, or null. */
export async function getProposal(sql: Sql, id: number): Promise<Proposal | null> {
  return (await withLines(sql, await sql.all(`SELECT ${COLUMNS} FROM proposals WHERE id = ?`, [id])))[0] ?? null;
}

/** The latest proposal made for `asOf`, or null. */
export async function latestProposal(sql: Sql, asOf: IsoDate): Promise<Proposal | null> {
  return (await withLines(sql, await sql.all(`SELECT ${COLUMNS} FROM proposals WHERE as_of = ? ORDER BY id DESC LIMIT 1`, [asOf])))[0] ?? null;
}

/** Every proposal, newest first. */
export async function listProposals(sql: Sql): Promise<Proposal[]> {
  return withLines(sql, await sql.all(`SELECT ${COLUMNS} FROM proposals ORDER BY id DESC`));
}

/** Who approves: the operator recorded, and with four eyes the identity that may not be the proposer's. */
export interface Approver {
  by: string;
  at: string;
  /** Set with schedule.fourEyes: the approver's identity (docs/reference/roles.md §1). */
  fourEyes: string | null;
}

/**
 * Approve a pending proposal, taking out the lines `removed` names; resolves to false when it was
 * not pending or, with four eyes, was proposed by the approver's own identity — checked in the
 * approving statement itself (docs/reference/roles.md §5; on PostgreSQL a trigger checks it too).
 */
export async function approveProposalRow(sql: Sql, id: number, removed: readonly string[], { by, at, fourEyes }: Approver): Promise<boolean> {
  const changed = await sql.run(
    `UPDATE proposals SET status = 'approved', approved_by = ?, approved_at = ? WHERE id = ? AND status = 'pending'
        AND NOT (? = 1 AND (created_by = ? OR substr(created_by, 1, length(?) + 2) = ? || ' ('))`,
    [by, at, id, fourEyes === null ? 0 : 1, fourEyes ?? '', fourEyes ?? '', fourEyes ?? ''],
  );
  if (changed === 0) return false;
  await sql.runMany('UPDATE proposal_lines SET removed = 1 WHERE proposal_id = ? AND line_key = ?', removed.map((key) => [id, key]));
  return true;
}

/** What a run found became of one line. */
export interface LineOutcome {
  key: string;
  outcome: ProposalLineOutcome;
  detail: string | null;
}

/**
 * Record what became of lines of an approved proposal and move it to `status` (`done` once every
 * approved line has a final outcome, else it stays `approved`); `at` stamps sent_at.
 */
export async function recordLineOutcomes(sql: Sql, id: number, outcomes: readonly LineOutcome[], status: ProposalStatus, at: string): Promise<void> {
  await runMany(
    sql,
    'UPDATE proposal_lines SET outcome = ?, outcome_detail = ? WHERE proposal_id = ? AND line_key = ?',
    outcomes.map((line) => [line.outcome, line.detail, id, line.key]),
  );
  await sql.run("UPDATE proposals SET status = ?, sent_at = ? WHERE id = ? AND status = 'approved'", [status, at, id]);
}

/** Keys of the lines a clerk took out of any proposal made for `asOf`: they stay out that day. */
export async function removedLineKeys(sql: Sql, asOf: IsoDate): Promise<Set<string>> {
  const rows = await sql.all(
    'SELECT DISTINCT l.line_key FROM proposal_lines l JOIN proposals p ON p.id = l.proposal_id WHERE p.as_of = ? AND l.removed = 1',
    [asOf],
  );
  return new Set(rows.map((row) => text(row, 'line_key')));
}
