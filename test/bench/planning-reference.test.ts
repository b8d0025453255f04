/**
 * The planning benchmark's reference (the rules as native SQL) must do the work planDue does, or
 * the ratio says nothing: on a generated data set both produce the same messages (kind, level,
 * currency, recipient, items listed and reminded, netted total, fee) and the same skips in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_AS_OF, BENCH_SETTINGS, buildPlanningDatabases } from '../../bench/planning.bench.js';
import { candidateQuery } from '../../bench/lib/candidate-query.js';
import { projectPlan, referenceQuery, type ProjectedPlan } from '../../bench/lib/planning-sql.js';
import { resolvePolicy } from '../../src/core/policy.js';
import { planDue } from '../../src/planning/plan-due.js';

let databases: Awaited<ReturnType<typeof buildPlanningDatabases>>;
beforeAll(async () => {
  databases = await buildPlanningDatabases(3_000, 30_000);
});
afterAll(() => {
  databases.store.close();
  databases.native.close();
});

async function reference(asOf: string, settings = BENCH_SETTINGS): Promise<ProjectedPlan> {
  const { sql, params } = await referenceQuery(resolvePolicy(settings), asOf);
  const row = databases.native.prepare(sql).get(params) as { plan: string };
  return JSON.parse(row.plan) as ProjectedPlan;
}

describe('the planning reference', () => {
  it.each([BENCH_AS_OF, '2026-12-02', '2027-01-31'])('plans on %s exactly what planDue plans', async (asOf) => {
    const ours = projectPlan(await planDue(databases.store, BENCH_SETTINGS, asOf));
    expect(await reference(asOf)).toEqual(ours);
  });

  it("narrows to the customers planDue's own candidate search finds, as planDue does", async () => {
    const policy = resolvePolicy(BENCH_SETTINGS);
    const candidates = await candidateQuery(policy, BENCH_AS_OF);
    const { sql, params } = await referenceQuery(policy, BENCH_AS_OF);
    expect(sql).toContain(candidates.sql);
    expect(params).toMatchObject(candidates.params);
    const found = databases.native.prepare(candidates.sql).pluck().get(candidates.params) as string;
    expect(new Set(JSON.parse(found) as string[]).size).toBeLessThan(3_000);
  });

  const everyTwoWeeks = { policy: { ...BENCH_SETTINGS.policy, scope: 'all-open' as const, statementEveryDays: 14, installments: { graceDays: 3 } } };

  it('plans the same with scope all-open, a statement interval for everyone and a grace period', async () => {
    expect(await reference('2026-12-05', everyTwoWeeks)).toEqual(projectPlan(await planDue(databases.store, everyTwoWeeks, '2026-12-05')));
  });

  it('is compared on data where every rule has work to do', async () => {
    const plans: ProjectedPlan[] = [];
    for (const settings of [BENCH_SETTINGS, everyTwoWeeks]) plans.push(projectPlan(await planDue(databases.store, settings, BENCH_AS_OF)));
    const ours = { messages: plans.flatMap((p) => p.messages), skipped: plans.flatMap((p) => p.skipped) };
    const kinds = new Set(ours.messages.map((m) => m.kind));
    expect([...kinds].sort()).toEqual(['installment', 'reminder', 'statement']);
    expect(new Set(ours.messages.map((m) => m.currency))).toEqual(new Set(['EUR', 'GBP', 'USD']));
    expect(ours.messages.some((m) => m.unapplied > 0 && m.total > 0)).toBe(true);
    expect(ours.messages.some((m) => m.currency === 'GBP' && m.fee === 400)).toBe(true);
    const reasons = new Set(ours.skipped.map((s) => s.reason));
    for (const reason of ['opted-out', 'on-hold', 'covered', 'below-minimum', 'no-email']) expect(reasons).toContain(reason);
  });
});
