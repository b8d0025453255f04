/** Installment plans table ⇄ InstallmentPlan. */
import type { Sql } from './sql.js';
import type { InstallmentPlan } from '../core/domain.js';
import { allRows, bool, int, runMany, text, textOrNull, type Row } from './rows.js';

const COLUMNS = 'customer_code, case_ref, installment, day_of_month, start_date, end_date, active';

function toPlan(row: Row): InstallmentPlan {
  return {
    customerCode: text(row, 'customer_code'),
    case: text(row, 'case_ref'),
    installment: int(row, 'installment'),
    dayOfMonth: int(row, 'day_of_month'),
    startDate: text(row, 'start_date'),
    endDate: textOrNull(row, 'end_date'),
    active: bool(row, 'active'),
  };
}

/** Insert or replace plans by (customer, case) (inside a ledger write). */
export function upsertPlans(sql: Sql, plans: readonly InstallmentPlan[]): Promise<number> {
  return runMany(
    sql,
    `INSERT INTO plans (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(customer_code, case_ref) DO UPDATE SET installment = excluded.installment,
       day_of_month = excluded.day_of_month, start_date = excluded.start_date,
       end_date = excluded.end_date, active = excluded.active`,
    plans.map((p) => [p.customerCode, p.case, p.installment, p.dayOfMonth, p.startDate, p.endDate, p.active ? 1 : 0]),
  );
}

/** Plans (of one customer when given; only active ones when asked), by customer and case. */
export async function listPlans(sql: Sql, options: { customerCode?: string; activeOnly?: boolean } = {}): Promise<InstallmentPlan[]> {
  const conditions: string[] = [];
  const params: string[] = [];
  if (options.customerCode !== undefined) {
    conditions.push('customer_code = ?');
    params.push(options.customerCode);
  }
  if (options.activeOnly) conditions.push('active = 1');
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  return (await allRows(sql, `SELECT ${COLUMNS} FROM plans ${where} ORDER BY customer_code, case_ref`, params)).map(toPlan);
}
