/**
 * `export handover` (docs/reference/csv.md §4.3): the items handed over on the as-of date — past
 * their level's `maxRepeats`, no longer reminded — for a collection agency or lawyer: the customer,
 * the item, its amounts and every level it was sent at with the dates.
 */
import type { IsoDate } from '../../core/domain.js';
import { currencyDigits, formatMinor } from '../../core/money.js';
import type { Policy } from '../../core/plan.js';
import { handedOverItems } from '../../core/rules/handover.js';
import { profileName } from '../../core/rules/profiles.js';
import type { TextSink } from '../../core/text-sink.js';
import { handoverCandidates, itemSends, type ItemSend } from '../../storage/handover-queries.js';
import type { Ledger } from '../../storage/ledger.js';
import { loadSnapshots } from '../../storage/planning-snapshots.js';
import { CsvWriter } from './csv-writer.js';

/** Columns of the handover export. */
export const HANDOVER_COLUMNS = [
  'customer', 'name', 'email', 'item', 'issue_date', 'due_date', 'days_overdue', 'currency', 'amount', 'open_amount',
  'profile', 'level', 'sent',
] as const;

const VALUE_COLUMNS = new Set<string>(['issue_date', 'due_date', 'days_overdue', 'amount', 'open_amount']);

/** The fewest sends after which any capped level hands an item over, or null when no level is capped. */
function fewestSends(policy: Policy): number | null {
  const ladders = [policy.levels, ...Object.values(policy.profiles).map((profile) => profile.levels)];
  const caps = ladders.flatMap((levels) => levels.flatMap((level) => (level.maxRepeats === undefined ? [] : [level.maxRepeats + 1])));
  return caps.length === 0 ? null : Math.min(...caps);
}

/** `first 2026-01-08; final 2026-02-15, 2026-03-17`: each level once, in the order first sent, with its dates. */
function sentText(sends: readonly ItemSend[]): string {
  const byLevel = new Map<string, string[]>();
  for (const send of sends) byLevel.set(send.level, [...(byLevel.get(send.level) ?? []), send.asOf]);
  return [...byLevel].map(([level, dates]) => `${level} ${dates.join(', ')}`).join('; ');
}

/** Write the items handed over on `asOf` (`raw`: text cells unescaped). */
export async function exportHandover(ledger: Ledger, policy: Policy, asOf: IsoDate, sink: TextSink, raw = false): Promise<void> {
  const out = new CsvWriter(sink, HANDOVER_COLUMNS, { isText: (column) => !VALUE_COLUMNS.has(column), raw });
  const sends = fewestSends(policy);
  if (sends !== null) {
    const { listed, history } = await ledger.read(async (sql) => {
      const codes = await handoverCandidates(sql, sends);
      const found = handedOverItems(await loadSnapshots(sql, codes, asOf), policy, asOf);
      return { listed: found, history: await itemSends(sql, [...new Set(found.map((entry) => entry.customer.code))]) };
    });
    for (const { customer, item, daysOverdue, level } of listed) {
      const digits = currencyDigits(item.currency);
      out.row([
        customer.code, customer.name, customer.email, item.number, item.issueDate, item.dueDate, String(daysOverdue), item.currency,
        formatMinor(item.amount, digits), formatMinor(item.openAmount, digits), profileName(customer), level,
        sentText(history.get(`${customer.code}\u0000${item.number}`) ?? []),
      ]);
    }
  }
  out.end();
}
