/**
 * Turns the rows of ./planning-queries.ts into the engine's per-customer snapshots. Each query returns its
 * rows for all candidate customers at once (no per-customer round trips); rows are grouped by
 * customer code in maps and joined in one pass over the customers, in the order of `codes`.
 */
import { answersOf } from './inbox.js';
import type { Sql, SqlValue } from './sql.js';
import type { Customer, InstallmentPlan, IsoDate, Item, ItemKind, Language } from '../core/domain.js';
import type { AccountByCurrency } from '../core/activity.js';
import type { AccountPayment, AccountSnapshot, CasePayment, CustomerSnapshot, ItemSnapshot, LevelSent, PlanSnapshot, SentReminder } from '../core/rules/input.js';
import { monthOf, planningSql } from './planning-queries.js';
import { jsonRows, pushTo } from './rows.js';
import { promiseSnapshots } from './promises.js';

const str = (value: SqlValue | undefined): string => String(value ?? '');
const strOrNull = (value: SqlValue | undefined): string | null => (value === null || value === undefined ? null : String(value));
const num = (value: SqlValue | undefined): number => Number(value ?? 0);

function toCustomer(row: SqlValue[]): Customer {
  return {
    code: str(row[0]),
    name: str(row[1]),
    email: strOrNull(row[2]),
    email2: strOrNull(row[3]),
    email3: strOrNull(row[4]),
    language: str(row[5]) as Language,
    currency: str(row[6]),
    reminders: num(row[7]) !== 0,
    statementEveryDays: row[8] === null ? null : num(row[8]),
    agentEmail: strOrNull(row[9]),
    holdUntil: strOrNull(row[10]),
    notes: str(row[11]),
    profile: strOrNull(row[12]),
    statements: num(row[13]) !== 0,
    contactPerson: strOrNull(row[14]),
    phone: strOrNull(row[15]),
    addressLine1: strOrNull(row[16]),
    addressLine2: strOrNull(row[17]),
    postalCode: strOrNull(row[18]),
    city: strOrNull(row[19]),
    country: strOrNull(row[20]),
  };
}

function toItem(row: SqlValue[]): Item {
  return {
    customerCode: str(row[0]),
    number: str(row[1]),
    kind: str(row[2]) as ItemKind,
    issueDate: str(row[3]),
    dueDate: str(row[4]),
    amount: num(row[5]),
    openAmount: num(row[6]),
    currency: str(row[7]),
    reference: strOrNull(row[8]),
    case: strOrNull(row[9]),
    holdUntil: strOrNull(row[10]),
    dispute: strOrNull(row[11]),
  };
}

/** Plain code-point order, the same as SQLite's BINARY collation (not locale order). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Items in the order a statement lists them: by due date, then number. */
function byDueDate(a: ItemSnapshot, b: ItemSnapshot): number {
  return compare(a.item.dueDate, b.item.dueDate) || compare(a.item.number, b.item.number);
}

/**
 * The counted history by customer, then item number. The rows come in key order (customer,
 * item, level), so one item's levels are adjacent and one customer's items too: each map is
 * looked up once per run of rows, and no composite string key is built per row.
 */
function reminderHistory(rows: readonly SqlValue[][]): Map<string, Map<string, LevelSent[]>> {
  const byCustomer = new Map<string, Map<string, LevelSent[]>>();
  let code: string | undefined;
  let items = new Map<string, LevelSent[]>();
  let number: string | undefined;
  let levels: LevelSent[] = [];
  for (const row of rows) {
    const rowCode = row[0] as string;
    const rowNumber = row[1] as string;
    if (rowCode !== code) {
      code = rowCode;
      items = byCustomer.get(code) ?? new Map<string, LevelSent[]>();
      byCustomer.set(code, items);
      number = undefined;
    }
    if (rowNumber !== number) {
      number = rowNumber;
      levels = items.get(number) ?? [];
      items.set(number, levels);
    }
    levels.push({ level: row[2] as string, latest: row[3] as string, count: num(row[4]) });
  }
  return byCustomer;
}

/**
 * Customers loaded per round of queries. Each query's JSON result is built inside sql.js's memory,
 * which grows to fit and never shrinks: a million items in one result would keep ~100 MB more for
 * the rest of the run. Batches keep each result small at no measurable cost in speed.
 */
const CUSTOMERS_PER_BATCH = 5000;

/** What a snapshot holds beyond what every plan reads. */
export interface SnapshotOptions {
  /** Load each customer's account (every document and payment, previous statements): policy.statementKind `activity`. */
  account?: boolean;
}

/** Load the snapshots of the given customers (codes ascending), in that order. */
export async function loadSnapshots(sql: Sql, codes: readonly string[], asOf: IsoDate, options: SnapshotOptions = {}): Promise<CustomerSnapshot[]> {
  const snapshots: CustomerSnapshot[] = [];
  for (let at = 0; at < codes.length; at += CUSTOMERS_PER_BATCH) {
    for (const snapshot of await loadBatch(sql, codes.slice(at, at + CUSTOMERS_PER_BATCH), asOf, options)) snapshots.push(snapshot);
  }
  return snapshots;
}

async function loadBatch(sql: Sql, codes: readonly string[], asOf: IsoDate, options: SnapshotOptions): Promise<CustomerSnapshot[]> {
  const SQL = planningSql(sql);
  const set = JSON.stringify(codes);
  const month = monthOf(asOf);

  // The counted reminder history and the sent reminders on record by item, then each open item with its own.
  const history = reminderHistory(await jsonRows(sql, SQL.reminderState, [set]));
  const reminded = new Map<string, SentReminder[]>();
  for (const row of await jsonRows(sql, SQL.remindersSent, [set, asOf])) {
    pushTo(reminded, `${str(row[0])}\u0000${str(row[1])}`, { asOf: str(row[2]), level: str(row[3]) });
  }
  const items = new Map<string, ItemSnapshot[]>();
  for (const row of await jsonRows(sql, SQL.openItems, [set])) {
    const item = toItem(row);
    const sent = history.get(item.customerCode)?.get(item.number);
    const letters = reminded.get(`${item.customerCode}\u0000${item.number}`);
    pushTo(items, item.customerCode, { item, ...(sent ? { history: sent } : {}), ...(letters ? { reminded: letters } : {}) });
  }
  const lastMessage = new Map<string, IsoDate>();
  for (const row of await jsonRows(sql, SQL.lastMessage, [set])) lastMessage.set(str(row[0]), str(row[1]));
  const plans = await loadPlans(sql, set, month);
  const payments = new Map<string, AccountPayment[]>();
  for (const row of await jsonRows(sql, SQL.accountPayments, [set, asOf])) {
    pushTo(payments, str(row[0]), { reference: str(row[1]), date: str(row[2]), amount: num(row[3]), currency: str(row[4]), case: strOrNull(row[5]) });
  }
  const promises = await promiseSnapshots(sql, codes, asOf);
  const accounts = options.account ? await loadAccounts(sql, set, asOf) : null;
  const answers = await answersOf(sql, codes);
  const customers = new Map<string, Customer>();
  for (const row of await jsonRows(sql, SQL.customers, [set])) {
    const customer = toCustomer(row);
    customers.set(customer.code, customer);
  }

  const snapshots: CustomerSnapshot[] = [];
  for (const code of codes) {
    const customer = customers.get(code);
    if (customer === undefined) continue;
    snapshots.push({
      customer,
      items: (items.get(code) ?? []).sort(byDueDate),
      lastMessageAsOf: lastMessage.get(code) ?? null,
      plans: (plans.get(code) ?? [])
        .sort((a, b) => compare(a.plan.case, b.plan.case))
        .map((plan) => ({ ...plan, currency: plan.currency || customer.currency })),
      payments: payments.get(code) ?? [],
      promises: promises.get(code) ?? [],
      ...(accounts ? { account: accounts.get(code) ?? emptyAccount() } : {}),
      ...(answers.has(code) ? { answers: answers.get(code)! } : {}),
    });
  }
  return snapshots;
}

/**
 * Active plans with their case totals, this month's payments and notices, by customer. Payments
 * and notices are read only for the customers that have a plan: reading every candidate's payments
 * of the month cost ~0.2 s at a million items, mostly for customers without any plan.
 */
async function loadPlans(sql: Sql, set: string, month: { start: IsoDate; end: IsoDate }): Promise<Map<string, PlanSnapshot[]>> {
  const SQL = planningSql(sql);
  const plans = new Map<string, PlanSnapshot[]>();
  const planRows = await jsonRows(sql, SQL.plans, [set]);
  if (planRows.length === 0) return plans;
  const withPlans = JSON.stringify([...new Set(planRows.map((row) => str(row[0])))]);
  const payments = new Map<string, CasePayment[]>();
  for (const row of await jsonRows(sql, SQL.casePayments, [withPlans, month.start, month.end])) {
    pushTo(payments, `${str(row[0])}\u0000${str(row[1])}`, { date: str(row[2]), amount: num(row[3]) });
  }
  const noticed = new Set<string>();
  for (const row of await jsonRows(sql, SQL.noticedCases, [withPlans, month.start, month.end])) noticed.add(`${str(row[0])}\u0000${str(row[1])}`);
  for (const row of planRows) {
    const plan: InstallmentPlan = {
      customerCode: str(row[0]),
      case: str(row[1]),
      installment: num(row[2]),
      dayOfMonth: num(row[3]),
      startDate: str(row[4]),
      endDate: strOrNull(row[5]),
      active: true,
    };
    const key = `${plan.customerCode}\u0000${plan.case}`;
    pushTo(plans, plan.customerCode, {
      plan,
      paymentsInMonth: payments.get(key) ?? [],
      noticedThisMonth: noticed.has(key),
      caseTotal: num(row[6]),
      caseRemaining: num(row[7]),
      // Filled with the customer's currency by the caller when the case has no items.
      currency: strOrNull(row[8]) ?? '',
    });
  }
  return plans;
}

/** An account as it is loaded, its maps still filled in. */
interface LoadingAccount extends AccountSnapshot {
  previousStatements: Map<string, IsoDate>;
}

function emptyAccount(): LoadingAccount {
  return { movements: new Map(), previousStatements: new Map() };
}

/**
 * Every document and payment of the batch's customers by currency, and their previous statement
 * per currency: what a periodic activity statement shows, decided by the engine with the rest.
 */
async function loadAccounts(sql: Sql, set: string, asOf: IsoDate): Promise<Map<string, AccountSnapshot>> {
  const SQL = planningSql(sql);
  const accounts = new Map<string, LoadingAccount>();
  const account = (code: string): LoadingAccount => {
    let found = accounts.get(code);
    if (!found) accounts.set(code, (found = emptyAccount()));
    return found;
  };
  const inCurrency = (movements: AccountByCurrency, currency: string) => {
    let found = movements.get(currency);
    if (!found) movements.set(currency, (found = { documents: [], payments: [] }));
    return found;
  };
  for (const row of await jsonRows(sql, SQL.accountDocuments, [set])) {
    const document = { number: str(row[2]), kind: str(row[3]) as ItemKind, issueDate: str(row[4]), amount: num(row[5]) };
    inCurrency(account(str(row[0])).movements, str(row[1])).documents.push(document);
  }
  for (const row of await jsonRows(sql, SQL.accountMovements, [set])) {
    const payment = { reference: str(row[2]), date: str(row[3]), amount: num(row[4]), itemNumber: strOrNull(row[5]), case: strOrNull(row[6]) };
    inCurrency(account(str(row[0])).movements, str(row[1])).payments.push(payment);
  }
  for (const row of await jsonRows(sql, SQL.previousStatements, [set, asOf])) {
    account(str(row[0])).previousStatements.set(str(row[1]), str(row[2]));
  }
  return accounts;
}
