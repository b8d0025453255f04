/**
 * Each rule owns its decision and its candidate search, and storage searches for every rule the
 * engine decides by: every rule object in src/core/rules is listed in RULES, every listed rule
 * adds a part to the search when the policy turns it on, and every term of the search language is
 * used by some rule. Each failure names the rule or the term.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Level } from '../../src/core/plan.js';
import type { CandidateDialect } from '../../src/core/rules/rule.js';
import { candidateParts, RULES } from '../../src/core/rules/rules.js';
import { policyWith } from './snapshots.js';

const RULES_DIR = join(import.meta.dirname, '../../src/core/rules');
const D = '2026-12-07';

/** A value shaped like a rule object: an id, a decision and a candidate search. */
function isRule(value: unknown): value is { id: string } {
  if (typeof value !== 'object' || value === null) return false;
  const rule = value as Record<string, unknown>;
  return typeof rule.id === 'string' && typeof rule.decide === 'function' && typeof rule.candidates === 'function';
}

/** A dialect that spells each term as its own name: which terms a search used. */
const naming: CandidateDialect<string> = {
  pendingItems: () => 'pendingItems',
  profileNotIn: () => 'profileNotIn',
  statementDue: () => 'statementDue',
  activePlan: () => 'activePlan',
  promiseBefore: () => 'promiseBefore',
};

const levels: Level[] = [
  { id: 'notice', name: 'Notice', days: -5, template: 'notice', fee: 0 },
  { id: 'first', name: 'First', days: 7, template: 'first', fee: 0 },
  { id: 'final', name: 'Final', days: 30, template: 'final', fee: 0, repeatEveryDays: 14 },
];

/** A policy that turns every rule on: installments, a statement interval, a named profile, stepwise escalation. */
const everything = policyWith({
  levels,
  escalation: 'stepwise',
  statementEveryDays: 30,
  installments: { ...policyWith().installments, enabled: true },
  profiles: { strict: { levels, escalation: 'days', scope: 'overdue', statementEveryDays: null } },
});

describe('rule modules', () => {
  it('lists every rule object of src/core/rules in RULES', async () => {
    const listed = new Set<unknown>(Object.values(RULES));
    const unlisted: string[] = [];
    for (const file of readdirSync(RULES_DIR).filter((name) => name.endsWith('.ts'))) {
      const module = (await import(join(RULES_DIR, file))) as Record<string, unknown>;
      for (const value of Object.values(module)) if (isRule(value) && !listed.has(value)) unlisted.push(`${value.id} (${file})`);
    }
    expect(unlisted).toEqual([]);
  });

  it('gives every rule a part of the candidate search when the policy turns it on', () => {
    const silent = Object.values(RULES)
      .filter((rule) => rule.candidates(naming, everything, D).length === 0)
      .map((rule) => rule.id);
    expect(silent).toEqual([]);
  });

  it('uses every term of the candidate search in some rule', () => {
    const used = new Set(candidateParts(naming, everything, D));
    expect(Object.keys(naming).filter((term) => !used.has(term))).toEqual([]);
  });

  it('has one rule per id', () => {
    expect(Object.entries(RULES).filter(([key, rule]) => key !== rule.id)).toEqual([]);
  });
});
