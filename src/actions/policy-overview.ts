/** The policy as the Settings screen shows it (pure). */
import type { LevelFee, Policy } from '../core/plan.js';
import type { PolicyOverview } from './desk-views.js';

/** Readable lines and a level table for `policy`. */
export function policyOverview(policy: Policy, autoSend: boolean, approval = false): PolicyOverview {
  return {
    lines: [
      `scope ${policy.scope} · escalation ${policy.escalation} · grouping ${policy.grouping} · minimum ${policy.minAmount} · recipients ${policy.recipients}`,
      `statements ${policy.statementEveryDays === null ? 'off' : `every ${policy.statementEveryDays} days`} (${policy.statementKind}) · interest ${policy.interestRatePercent === null ? 'none' : `${policy.interestRatePercent} %`}`,
      `installments ${policy.installments.enabled ? `on, grace ${policy.installments.graceDays} days` : 'off'} · bcc ${policy.bcc.join(', ') || 'none'} · --send-due ${!autoSend ? 'sends nothing (schedule.autoSend false)' : approval ? 'proposes, sends what a clerk approved (schedule.approval)' : 'sends'}`,
      `profiles ${profilesText(policy)} · promise grace ${policy.promiseGraceDays} days`,
    ],
    levels: policy.levels.map((level) => ({
      id: level.id,
      name: level.name,
      days: level.days,
      repeat: level.repeatEveryDays === undefined ? '' : `every ${level.repeatEveryDays} d${level.maxRepeats === undefined ? '' : `, ${level.maxRepeats}× then handover`}`,
      fee: feeText(level.fee, policy.defaultCurrency),
      extras: [level.letter ? 'letter' : '', level.ccAgent ? 'cc agent' : '', level.attachInvoices ? 'invoices' : ''].filter(Boolean).join(', '),
    })),
    approval,
    levelIds: [...new Set([policy.levels, ...Object.values(policy.profiles).map((profile) => profile.levels)].flat().map((level) => level.id))],
  };
}

/** `gentle (friendly 14, firm 45)`: each profile with its levels and their days, or `default only`. */
function profilesText(policy: Policy): string {
  const named = Object.entries(policy.profiles);
  if (named.length === 0) return 'default only';
  return named.map(([name, profile]) => `${name} (${profile.levels.map((level) => `${level.id} ${level.days}`).join(', ')})`).join(' · ');
}

/** A level fee with its currencies: a number fee is in the default currency only. */
function feeText(fee: LevelFee | undefined, defaultCurrency: string): string {
  if (fee === undefined) return '';
  if (typeof fee === 'number') return `${fee} ${defaultCurrency}`;
  return Object.entries(fee).map(([currency, amount]) => `${amount} ${currency}`).join(', ');
}
