/**
 * Promises to pay in the history export (docs/reference/csv.md §4.2): one row per promise, kind
 * `promise`, dated by the promised date, with its status on the as-of date (`open`, `kept`,
 * `broken`), the amount in `total`, the clerk in `operator` and the items it covers.
 */
import type { IsoDate } from '../../core/domain.js';
import { currencyDigits, formatMinor } from '../../core/money.js';
import { promiseState } from '../../core/rules/promises.js';
import type { Ledger } from '../../storage/ledger.js';
import { promiseSnapshots } from '../../storage/promises.js';

/** How promises are judged in the export: on which day, with how many days of grace. */
export interface PromiseJudgement {
  asOf: IsoDate;
  graceDays: number;
}

/** The history-export cells of every promise dated in [from, to], by column name, oldest first. */
export async function promiseHistoryRows(ledger: Ledger, from: IsoDate | undefined, to: IsoDate | undefined, judged: PromiseJudgement): Promise<Record<string, string>[]> {
  const byCustomer = await ledger.read((sql) => promiseSnapshots(sql, null, judged.asOf));
  const snapshots = [...byCustomer.values()].flat()
    .filter(({ promise }) => (from === undefined || promise.promisedDate >= from) && (to === undefined || promise.promisedDate <= to))
    .sort((a, b) => (a.promise.promisedDate < b.promise.promisedDate ? -1 : a.promise.promisedDate > b.promise.promisedDate ? 1 : a.promise.id - b.promise.id));
  return snapshots.map((snapshot) => {
    const { promise } = snapshot;
    return {
      date: promise.promisedDate,
      sent_at: promise.createdAt,
      customer: promise.customerCode,
      kind: 'promise',
      currency: promise.currency,
      status: promiseState(snapshot, judged.asOf, judged.graceDays).state,
      total: formatMinor(promise.amount, currencyDigits(promise.currency)),
      operator: promise.operator,
      items: promise.items.join(', '),
    };
  });
}
