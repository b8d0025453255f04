/**
 * Roles the PostgreSQL server enforces (docs/reference/roles.md §3): three group roles with GRANTs
 * on the ledger's tables, and who belongs to which. A refused statement (SQLSTATE 42501) is told
 * apart here so a use case can say which role it needs. A file ledger has one user and no roles.
 */
import { UserError } from '../core/exit-codes.js';
import { quoteName } from './ledger-catalog.js';
import { allRows, firstRow, text } from './rows.js';
import type { Sql } from './sql.js';

/** The three levels, each with the rights of the one before. */
export const ROLE_LEVELS = ['clerk', 'supervisor', 'admin'] as const;
/** A level of rights. */
export type RoleLevel = (typeof ROLE_LEVELS)[number];

/** The group role of a level. */
export function groupRole(level: RoleLevel): string {
  return `duedesk_${level}`;
}

/** True for the server's "insufficient privilege" refusal. */
export function isPermissionRefusal(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '42501';
}

/**
 * Tables a clerk writes: sending, retrying, acknowledging, promises, disputes, notes, proposals,
 * the notices sent (a dispute's, the test e-mail), reading the inbox and handling what it filed
 * (docs/reference/roles.md §3).
 */
const CLERK_WRITES = [
  'messages', 'message_items', 'message_recipients', 'message_cases', 'customer_last_message', 'reminder_state', 'send_claims',
  'message_acknowledgements', 'promises', 'promise_items', 'item_disputes', 'customer_notes', 'proposals', 'proposal_lines',
  'sent_notices', 'inbox_state', 'inbox_mail', 'undeliverable_addresses',
];
/** What a supervisor adds: imports (the bank's statements too) and the customers' own fields (profiles). */
const SUPERVISOR_WRITES = ['customers', 'items', 'payments', 'plans', 'bank_credits', 'bank_debtors'];

/** The statements of `db roles setup`, for the schema `schema` (run again after an upgrade adds tables). */
function setupStatements(schema: string): string[] {
  const s = quoteName(schema);
  const [clerk, supervisor, admin] = ROLE_LEVELS.map(groupRole) as [string, string, string];
  const create = ROLE_LEVELS.map(groupRole).map((role) => `DO $$ BEGIN IF to_regrole('${role}') IS NULL THEN CREATE ROLE ${role} NOLOGIN; END IF; END $$`);
  return [
    ...create,
    `GRANT ${clerk} TO ${supervisor}`,
    `GRANT ${supervisor} TO ${admin}`,
    `GRANT USAGE ON SCHEMA ${s} TO ${clerk}`,
    `GRANT SELECT ON ALL TABLES IN SCHEMA ${s} TO ${clerk}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${clerk}`,
    `GRANT INSERT, UPDATE, DELETE ON ${CLERK_WRITES.join(', ')} TO ${clerk}`,
    `GRANT INSERT ON archive_copies, audit_log TO ${clerk}`,
    `GRANT UPDATE (hold_until, reminders, statements, statement_every_days, change_count) ON customers TO ${clerk}`,
    `GRANT UPDATE (hold_until, dispute) ON items TO ${clerk}`,
    `GRANT INSERT, UPDATE, DELETE ON ${SUPERVISOR_WRITES.join(', ')} TO ${supervisor}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${admin}`,
    // Tables a later upgrade adds: readable by all, writable by an admin, until setup runs again.
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT SELECT ON TABLES TO ${clerk}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${admin}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT USAGE, SELECT ON SEQUENCES TO ${clerk}`,
    // The audit trail is append-only for everyone but the owner (docs/reference/roles.md §4).
    `REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC, ${clerk}, ${supervisor}, ${admin}`,
  ];
}

/** Refuse a file ledger: roles are the server's. */
function needsServer(sql: Sql, doing: string): void {
  if (sql.dialect !== 'postgres') throw new UserError(`${doing}: roles exist only on a PostgreSQL ledger; a database file has one user, guarded by its file permissions`);
}

/** Create the group roles and their GRANTs (run by the ledger's owner; safe to run again). */
export async function setupRoles(sql: Sql): Promise<void> {
  needsServer(sql, 'db roles setup');
  const schema = text((await firstRow(sql, 'SELECT current_schema() AS s'))!, 's');
  for (const statement of setupStatements(schema)) await sql.run(statement);
}

/** The levels `user` is a member of (directly), lowest first. */
export async function levelsOf(sql: Sql, user: string): Promise<RoleLevel[]> {
  if (sql.dialect !== 'postgres') return [];
  const rows = await allRows(
    sql,
    `SELECT g.rolname AS name FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
      WHERE u.rolname = ? AND g.rolname IN (${ROLE_LEVELS.map(() => '?').join(', ')})`,
    [user, ...ROLE_LEVELS.map(groupRole)],
  );
  const names = new Set(rows.map((row) => text(row, 'name')));
  return ROLE_LEVELS.filter((level) => names.has(groupRole(level)));
}

/** The highest duedesk group the connected role has the rights of (each includes the ones below), as a one-name list; empty for none. */
export async function rolesOfSession(sql: Sql): Promise<string[]> {
  if (sql.dialect !== 'postgres') return [];
  const rows = await allRows(
    sql,
    `SELECT rolname AS name FROM pg_roles WHERE rolname IN (${ROLE_LEVELS.map(() => '?').join(', ')}) AND pg_has_role(session_user, oid, 'MEMBER')`,
    ROLE_LEVELS.map(groupRole),
  );
  const names = new Set(rows.map((row) => text(row, 'name')));
  const highest = ROLE_LEVELS.map(groupRole).filter((name) => names.has(name)).at(-1);
  return highest === undefined ? [] : [highest];
}

/** Refuse a role the server does not know, or a group of ours. */
async function loginRole(sql: Sql, user: string, doing: string): Promise<void> {
  needsServer(sql, doing);
  if ((ROLE_LEVELS.map(groupRole) as string[]).includes(user)) throw new UserError(`${doing}: ${user} is a group role; name a login role`);
  const row = await firstRow(sql, 'SELECT 1 AS found FROM pg_roles WHERE rolname = ?', [user]);
  if (row === null) throw new UserError(`${doing}: there is no role ${user} on this server; create it first (CREATE ROLE ${quoteName(user)} LOGIN PASSWORD '…')`);
  const groups = await firstRow(sql, `SELECT CASE WHEN to_regrole('${groupRole('clerk')}') IS NULL THEN 1 ELSE 0 END AS missing`);
  if (Number(groups?.missing) === 1) {
    throw new UserError(`${doing}: the ledger's roles are not set up; run duedesk db roles setup first`);
  }
}

/** Make `user` a member of exactly the level's group (out of the others); the levels it had before. */
export async function grantLevel(sql: Sql, user: string, level: RoleLevel): Promise<RoleLevel[]> {
  await loginRole(sql, user, 'db grant');
  const before = await levelsOf(sql, user);
  for (const other of before.filter((l) => l !== level)) await sql.run(`REVOKE ${groupRole(other)} FROM ${quoteName(user)}`);
  if (!before.includes(level)) await sql.run(`GRANT ${groupRole(level)} TO ${quoteName(user)}`);
  return before;
}

/** Take `user` out of every duedesk group; the levels it had. */
export async function revokeLevels(sql: Sql, user: string): Promise<RoleLevel[]> {
  await loginRole(sql, user, 'db revoke');
  const before = await levelsOf(sql, user);
  for (const level of before) await sql.run(`REVOKE ${groupRole(level)} FROM ${quoteName(user)}`);
  return before;
}

/**
 * The most the connected role may do (docs/reference/roles.md §3.1): everything (`admin`) on a file
 * ledger, for the ledger's owner and before `db roles setup` created the groups; otherwise the
 * level of its highest duedesk group, or null when it has none.
 */
export async function levelOfSession(sql: Sql): Promise<RoleLevel | null> {
  if (sql.dialect !== 'postgres') return 'admin';
  const row = await firstRow(
    sql,
    `SELECT CASE WHEN to_regrole('${groupRole('clerk')}') IS NULL THEN 1
                 WHEN pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = to_regclass('audit_log')), 'MEMBER') THEN 1
                 ELSE 0 END AS everything`,
  );
  if (Number(row?.everything) === 1) return 'admin';
  const highest = (await rolesOfSession(sql))[0];
  return ROLE_LEVELS.find((level) => groupRole(level) === highest) ?? null;
}

/** True when `level` has the rights of `needs` (each level includes the ones below). */
export function levelAllows(level: RoleLevel | null, needs: RoleLevel): boolean {
  return level !== null && ROLE_LEVELS.indexOf(level) >= ROLE_LEVELS.indexOf(needs);
}
