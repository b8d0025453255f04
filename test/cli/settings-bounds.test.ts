/**
 * Settings out of range or with control characters are refused by `config set` (exit 2, the file
 * untouched), every number at the edge of its range still lets a dry run complete, and a promise
 * is dated at most five years ahead. Before, `config set policy.promiseGraceDays 1e9` was stored
 * and every later run died with "internal error: Invalid time value".
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from './io.js';
import { configSet, importCsv } from './seed-cli.js';
import { NUMERIC_LEAVES, settingsWith } from '../settings/schema-leaves.js';

const BASE_PROFILES = '{"p":{}}';

/** Two customers, the second on the profile `p` the profile keys change; C1 promised to pay in five years. */
async function seeded(): Promise<Sandbox> {
  const box = sandbox();
  await configSet(box, 'smtp.from', 'AR <ar@company.test>');
  await configSet(box, 'policy.profiles', BASE_PROFILES);
  await importCsv(box, {
    customers: 'code,name,email,profile\nC1,Rossi Srl,ap@rossi.test,\nC2,Bianchi Spa,ap@bianchi.test,p\n',
    items:
      'customer_code,number,issue_date,due_date,amount\n' +
      'C1,INV-1,2026-09-01,2026-10-01,100.00\nC1,INV-2,2026-10-01,2026-11-01,50.00\nC1,INV-3,2026-11-20,2026-12-20,70.00\n' +
      'C2,INV-4,2026-09-01,2026-10-01,200.00\nC2,INV-5,2016-09-01,2016-10-01,10.00\n',
  });
  expect(await box.run(['promise', 'C1', '--date', '2031-11-22', '--items', 'INV-2'])).toMatchObject({ code: 0, stderr: '' });
  return box;
}

const settingsFile = (box: Sandbox): string => join(box.configDir, 'config.json');
const fileText = (box: Sandbox): string | null => (existsSync(settingsFile(box)) ? readFileSync(settingsFile(box), 'utf8') : null);

/** The `config set` arguments that put `value` at `key` (a ladder or a profile is set whole). */
function configArgs(key: string, value: unknown): [string, string] {
  const settings = settingsWith(key, value) as { policy?: Record<string, unknown> };
  if (key.startsWith('policy.levels[0].')) return ['policy.levels', JSON.stringify(settings.policy!.levels)];
  if (key.startsWith('policy.profiles.')) return ['policy.profiles', JSON.stringify(settings.policy!.profiles)];
  return [key, JSON.stringify(value)];
}

describe('numbers in the settings, through config set and a dry run', () => {
  let box: Sandbox;
  beforeAll(async () => {
    box = await seeded();
  });

  it('refuses policy.promiseGraceDays 1e9 with exit 2 naming the key, the value and the range; nothing is written', async () => {
    const before = fileText(box);
    const result = await box.run(['config', 'set', 'policy.promiseGraceDays', '1e9']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'duedesk: policy.promiseGraceDays: must be at most 365 (got 1000000000); allowed: 0 to 365 (nothing was written)\n',
    });
    expect(fileText(box)).toBe(before);
    expect((await box.run(['--send-due', '--dry-run', '--json'])).code).toBe(0);
  });

  it.each(NUMERIC_LEAVES)('$key: past either end is refused (exit 2, file unchanged); at either end a dry run completes', async ({ key, node }) => {
    const low = node.minimum!;
    const high = node.maximum!;
    const above = Number.isInteger(high) ? high + 1 : high * 10;
    const below = Number.isInteger(low) ? low - 1 : low / 2;
    for (const [value, end] of [[above, 'at most'], [below, 'at least']] as const) {
      const before = fileText(box);
      const [settingKey, json] = configArgs(key, value);
      // A value starting with "-" goes after "--".
      const refused = await box.run(['config', 'set', settingKey, '--', json]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`${key}: must be ${end} ${end === 'at most' ? high : low} (got ${value}); allowed: ${low} to ${high}`);
      expect(fileText(box)).toBe(before);
    }
    for (const value of [low, high]) {
      const [settingKey, json] = configArgs(key, value);
      expect(await box.run(['config', 'set', settingKey, '--', json])).toMatchObject({ code: 0, stderr: '' });
      const dry = await box.run(['--send-due', '--dry-run', '--json']);
      expect(dry.stderr).toBe('');
      expect(dry.code).toBe(0);
      expect(JSON.parse(dry.stdout)).toMatchObject({ asOf: '2026-11-22', dryRun: true });
      // Put back what the seed had: C2 stays on an existing profile.
      const restore = settingKey === 'policy.profiles' ? ['config', 'set', settingKey, BASE_PROFILES] : ['config', 'unset', settingKey];
      expect((await box.run(restore)).code).toBe(0);
    }
  });
});

describe('text settings with control characters', () => {
  it.each([
    ['company.name', 'Acme\r\nBcc: everyone@example.com', 'company.name: contains a line break'],
    ['operator', 'Maria\tRossi', 'operator: contains a control character (U+0009)'],
    ['policy.levels', JSON.stringify([{ id: 'first', name: 'First\u001b[31m', days: 7, template: 'first' }]), 'policy.levels[0].name: contains a control character (U+001B)'],
  ])('config set %s is refused with exit 2 naming the key; nothing is written', async (key, value, message) => {
    const box = sandbox();
    await configSet(box, 'company.name', 'Acme');
    const before = fileText(box);
    const result = await box.run(['config', 'set', key, value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`duedesk: ${message}; settings text is one line without control characters (CR, LF, TAB…) (nothing was written)\n`);
    expect(fileText(box)).toBe(before);
  });

  it('config set schedule.digestTo with no address says what it expects', async () => {
    const result = await sandbox().run(['config', 'set', 'schedule.digestTo', 'x']);
    expect(result).toMatchObject({
      code: 2,
      stderr: 'duedesk: schedule.digestTo: must be an e-mail address or a JSON list of them (got "x") (nothing was written)\n',
    });
  });
});

describe('promise dates', () => {
  it('refuses --date 9999-12-31 (more than five years ahead) with exit 2 and records nothing', async () => {
    const box = await seeded();
    const result = await box.run(['promise', 'C1', '--date', '9999-12-31', '--items', 'INV-1']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'duedesk: promise: --date 9999-12-31 is more than 5 years after 2026-11-22; the latest promise date is 2031-11-22\n',
    });
    // INV-1 is not protected by a promise: it is reminded, not left out or shown as broken.
    const plan = JSON.parse((await box.run(['--send-due', '--dry-run', '--json'])).stdout) as { messages: { items: string[] }[] };
    expect(plan.messages.flatMap((m) => m.items)).toContain('INV-1');
    expect(plan.messages.flatMap((m) => m.items)).not.toContain('INV-2');
  });

  it('refuses a promise made on an --as-of whose five years run past 9999 with a date error, exit 2', async () => {
    const box = await seeded();
    const result = await box.run(['promise', 'C1', '--date', '9999-06-01', '--items', 'INV-1', '--as-of', '9999-01-01']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('duedesk: 9999-01-01 plus 5 years is not a date from 1000-01-01 to 9999-12-31\n');
  });
});
