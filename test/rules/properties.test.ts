/** Invariants of the engine over generated customers (fast-check): the rules of docs/reference/rules.md must hold for any data. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/core/dates.js';
import type { Item } from '../../src/core/domain.js';
import type { Policy } from '../../src/core/plan.js';
import type { CustomerSnapshot, LevelSent } from '../../src/core/rules/input.js';
import { planOf, policyWith, splitOf } from './snapshots.js';
import { aCustomer, anItem } from '../helpers/store.js';

const D = '2026-06-15';
const LEVELS = ['upcoming', 'first', 'second', 'final'];

const itemArb = (index: number) =>
  fc.record({
    overdue: fc.integer({ min: -40, max: 200 }),
    open: fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: -50_000, max: 0 })),
    currency: fc.constantFrom('EUR', 'USD'),
    held: fc.boolean(),
    history: fc.array(fc.record({ level: fc.constantFrom(...LEVELS, 'retired'), ago: fc.integer({ min: 0, max: 120 }) }), { maxLength: 3 }),
  }).map(({ overdue, open, currency, held, history }) => {
    const item: Item = anItem({ number: `N${index}`, dueDate: addDays(D, -overdue), openAmount: open, amount: open, currency, holdUntil: held ? addDays(D, overdue % 3) : null });
    const latest = new Map<string, string>();
    for (const sent of history) {
      const date = addDays(D, -sent.ago);
      if ((latest.get(sent.level) ?? '') < date) latest.set(sent.level, date);
    }
    return { item, history: [...latest].map(([level, date]): LevelSent => ({ level, latest: date })) };
  });

const customerArb = (code: string) =>
  fc.integer({ min: 0, max: 6 }).chain((count) =>
    fc.tuple(...Array.from({ length: count }, (_, index) => itemArb(index))).map(
      (items): CustomerSnapshot => ({ customer: aCustomer({ code }), items, lastMessageAsOf: null, plans: [] }),
    ),
  );

const policyArb = fc.record({
  grouping: fc.constantFrom('customer' as const, 'item' as const),
  scope: fc.constantFrom('overdue' as const, 'all-open' as const),
  interestRatePercent: fc.constantFrom(null, 7.5),
  fee: fc.constantFrom(undefined, 2.5),
}).map(({ fee, ...rest }): Policy => {
  const base = policyWith(rest);
  return { ...base, levels: base.levels.map((level) => (level.id === 'second' ? { ...level, fee } : level)) };
});

const dataArb = fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }).chain((codes) => fc.tuple(...codes.map((_, i) => customerArb(`C${i}`)))), policyArb);

describe('engine invariants', () => {
  it('no item is pending at a level it was already sent at (or above), except the due repeat of the last level', () => {
    fc.assert(
      fc.property(dataArb, ([snapshots, policy]) => {
        const history = new Map(snapshots.flatMap((s) => s.items.map((entry) => [`${s.customer.code}/${entry.item.number}`, entry.history ?? []])));
        for (const message of planOf(snapshots, D, policy).messages) {
          for (const line of message.lines.filter((candidate) => candidate.pending)) {
            const reached = LEVELS.indexOf(line.reached ?? '');
            expect(reached).toBeGreaterThanOrEqual(0);
            for (const sent of history.get(`${message.customer.code}/${line.item.number}`) ?? []) {
              const position = LEVELS.indexOf(sent.level);
              if (position < 0) continue;
              expect(position).toBeLessThanOrEqual(reached);
              if (position === reached) {
                expect(sent.level).toBe('final');
                expect(daysBetween(sent.latest, D)).toBeGreaterThanOrEqual(30);
              }
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('total is the open amount of the items asked for, notYetDue the rest listed; fee and interest stand beside it', () => {
    fc.assert(
      fc.property(dataArb, ([snapshots, policy]) => {
        for (const message of planOf(snapshots, D, policy).messages) {
          const { asked, notYetDue } = splitOf(message);
          expect(message.total).toBe(Math.max(0, asked));
          expect(message.notYetDue).toBe(notYetDue);
          expect(message.interest).toBe(message.lines.reduce((sum, line) => sum + line.interest, 0));
          // A number fee is in the default currency (EUR) only: USD messages get none.
          const charged = message.level === 'second' && policy.levels[2]?.fee && message.currency === 'EUR';
          expect(message.fee).toBe(charged ? 250 : 0);
          // A reminder is only sent when it asks for something; a statement when it shows a balance.
          expect(message.kind === 'statement' ? message.total + message.notYetDue : message.total).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('every reminder reminds of at least one item, lists only its currency and never an item on hold', () => {
    fc.assert(
      fc.property(dataArb, ([snapshots, policy]) => {
        for (const message of planOf(snapshots, D, policy).messages) {
          expect(message.reminds.length).toBeGreaterThan(0);
          expect(message.reminds).toEqual(message.lines.filter((line) => line.pending).map((line) => line.item.number));
          for (const line of message.lines) {
            expect(line.item.currency).toBe(message.currency);
            expect(line.item.holdUntil === null || line.item.holdUntil < D).toBe(true);
          }
          const top = Math.max(...message.lines.filter((line) => line.pending).map((line) => LEVELS.indexOf(line.reached!)));
          expect(message.level).toBe(LEVELS[top]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
