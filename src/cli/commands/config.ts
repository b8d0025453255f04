/**
 * `duedesk config get KEY | set KEY VALUE | unset KEY | list | path | test-mail ADDRESS`
 * (docs/reference/cli.md §7, docs/reference/settings.md §2): read and change the settings file by
 * dotted key, and try the mail settings out. Every change is validated as a whole before it is
 * written; a refused change writes nothing and exits 2.
 */
import { ExitCode, UserError } from '../../core/exit-codes.js';
import type { CommandContext } from '../../runtime/context.js';
import type { Settings } from '../../core/settings.js';
import { effectiveValue } from '../../settings/defaults.js';
import { leafEntries, type JsonObject } from '../../settings/keys.js';
import { resolvePolicy } from '../../core/policy.js';
import { profileNames } from '../../core/rules/profiles.js';
import { customersPerProfile } from '../../storage/customers.js';
import { assertKnownKey, isSet, parseSettingValue, settingsWith, settingsWithout } from '../../settings/change.js';

/** Usage line of the config command, for its errors. */
export const CONFIG_USAGE = 'duedesk config get KEY | set KEY VALUE | unset KEY | list | path | test-mail ADDRESS';

/** Run `duedesk config ...` with the arguments after `config`; returns the exit code. */
export async function runConfig(args: string[], ctx: CommandContext): Promise<number> {
  // "--" lets a VALUE start with a dash (config set KEY -- -5); it is not an argument itself.
  const terminator = args.indexOf('--');
  const words = terminator < 0 ? args : [...args.slice(0, terminator), ...args.slice(terminator + 1)];
  const [action, ...rest] = words;
  switch (action) {
    case 'path':
      expectArgs(action, rest, 0);
      ctx.stdout.write(`${ctx.settings.path}\n`);
      return ExitCode.Ok;
    case 'list':
      expectArgs(action, rest, 0);
      for (const [key, value] of leafEntries(ctx.settings.read() as JsonObject)) {
        ctx.stdout.write(`${key}=${JSON.stringify(value)}\n`);
      }
      return ExitCode.Ok;
    case 'get': {
      const [key] = expectArgs(action, rest, 1);
      assertKnownKey(key);
      const value = effectiveValue(ctx.settings.read(), key);
      if (value === undefined) ctx.stderr.write(`${key} is not set and has no default\n`);
      else ctx.stdout.write(`${typeof value === 'string' ? value : JSON.stringify(value)}\n`);
      return ExitCode.Ok;
    }
    case 'set': {
      const [key, raw] = expectArgs(action, rest, 2);
      const value = parseSettingValue(key, raw);
      const next = settingsWith(ctx.settings.read(), key, value);
      await save(ctx, next);
      ctx.stdout.write(`${key}=${JSON.stringify(value)}\n`);
      await warnOfMissingProfiles(ctx, key, next);
      return ExitCode.Ok;
    }
    case 'unset': {
      const [key] = expectArgs(action, rest, 1);
      const stored = ctx.settings.read();
      assertKnownKey(key);
      if (!isSet(stored, key)) {
        ctx.stderr.write(`${key} is not set; nothing to do\n`);
        return ExitCode.Ok;
      }
      const next = settingsWithout(stored, key);
      await save(ctx, next);
      await warnOfMissingProfiles(ctx, key, next);
      return ExitCode.Ok;
    }
    case 'test-mail': {
      const [address] = expectArgs(action, rest, 1);
      // Loaded only here: mail composition and transports are not needed to read or set keys.
      const { runTestMail } = await import('./test-mail.js');
      return runTestMail(address, ctx);
    }
    case undefined:
      throw new UserError(`config needs an action: ${CONFIG_USAGE}`);
    default:
      throw new UserError(`unknown config action "${action}": ${CONFIG_USAGE}`);
  }
}

/**
 * After a change to the profiles, name the customers left on a profile the settings no longer
 * have: planning gives them nothing (and lists them under `problems`) until it is back or they
 * are moved, which the clerk should learn now rather than from a quiet run.
 */
async function warnOfMissingProfiles(ctx: CommandContext, key: string, next: Settings): Promise<void> {
  if (key !== 'policy' && key !== 'policy.profiles') return;
  if (ctx.ledgerExists?.() === false) return;
  const ledger = await ctx.openLedger();
  const perProfile = await ledger.read(customersPerProfile);
  const known = new Set(profileNames(resolvePolicy(next)));
  for (const [profile, count] of [...perProfile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (known.has(profile)) continue;
    ctx.stderr.write(
      `warning: ${count} customer${count === 1 ? ' is' : 's are'} on profile "${profile}", which policy.profiles no longer has; ` +
        `nothing is planned for ${count === 1 ? 'it' : 'them'} until the profile is back or ${count === 1 ? 'it is' : 'they are'} moved to another\n`,
    );
  }
}

async function save(ctx: CommandContext, next: Settings): Promise<void> {
  if (ctx.settings.write === undefined) throw new UserError('the settings are read-only here');
  await ctx.settings.write(next);
}

/** The arguments of an action, exactly `count` of them, else a usage error. */
function expectArgs(action: string, rest: string[], count: 0): [];
function expectArgs(action: string, rest: string[], count: 1): [string];
function expectArgs(action: string, rest: string[], count: 2): [string, string];
function expectArgs(action: string, rest: string[], count: number): string[] {
  if (rest.length === count) return rest;
  const one = action === 'test-mail' ? 'one ADDRESS' : 'one KEY';
  const wanted = count === 0 ? 'no arguments' : count === 1 ? one : 'KEY and VALUE';
  const hint = action === 'set' && rest.length > 2 ? ' (quote a VALUE that has spaces)' : '';
  throw new UserError(`config ${action} takes ${wanted}, got ${rest.length}${hint}: ${CONFIG_USAGE}`);
}
