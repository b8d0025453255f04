import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../cli/io.js';

const settingsPath = (box: Sandbox): string => join(box.configDir, 'config.json');
const stored = (box: Sandbox): unknown => JSON.parse(readFileSync(settingsPath(box), 'utf8'));

/** Run `duedesk config ...args` and expect success. */
async function config(box: Sandbox, ...args: string[]): Promise<string> {
  const result = await box.run(['config', ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('duedesk config', () => {
  it('path prints the settings file in the config directory', async () => {
    const box = sandbox();
    expect(await config(box, 'path')).toBe(`${settingsPath(box)}\n`);
  });

  it('set, get and list round-trip through the file, which is created with mode 0600', async () => {
    const box = sandbox();
    expect(await config(box, 'set', 'smtp.host', 'smtp.example.com')).toBe('smtp.host="smtp.example.com"\n');
    await config(box, 'set', 'smtp.port', '587');
    await config(box, 'set', 'company.name', 'Acme Trading Ltd');
    expect(statSync(settingsPath(box)).mode & 0o777).toBe(0o600);
    expect(stored(box)).toEqual({ smtp: { host: 'smtp.example.com', port: 587 }, company: { name: 'Acme Trading Ltd' } });
    expect(await config(box, 'get', 'smtp.host')).toBe('smtp.example.com\n');
    expect(await config(box, 'get', 'smtp.port')).toBe('587\n');
    expect(await config(box, 'get', 'smtp')).toBe('{"host":"smtp.example.com","port":587}\n');
    expect(await config(box, 'list')).toBe(
      'company.name="Acme Trading Ltd"\nsmtp.host="smtp.example.com"\nsmtp.port=587\n',
    );
  });

  it('reads VALUE as JSON when it parses, else as text', async () => {
    const box = sandbox();
    await config(box, 'set', 'smtp.secure', 'true');
    await config(box, 'set', 'mail.bcc', '["a@example.com","b@example.com"]');
    await config(box, 'set', 'company.vatId', '01234567890');
    await config(box, 'set', 'company.phone', '5551234');
    await config(box, 'set', 'operator', '"Maria"');
    await config(box, 'set', 'policy.installments', '{"graceDays":3}');
    expect(stored(box)).toEqual({
      smtp: { secure: true },
      mail: { bcc: ['a@example.com', 'b@example.com'] },
      company: { vatId: '01234567890', phone: '5551234' },
      operator: 'Maria',
      policy: { installments: { graceDays: 3 } },
    });
  });

  it('get of an unset key prints its default, or says it has none', async () => {
    const box = sandbox();
    expect(await config(box, 'get', 'policy.scope')).toBe('overdue\n');
    expect(await config(box, 'get', 'policy.escalation')).toBe('days\n');
    expect(await config(box, 'get', 'mail.transport')).toBe('outbox\n');
    expect(await config(box, 'get', 'policy.installments')).toBe('{"enabled":true,"graceDays":0}\n');
    expect(JSON.parse(await config(box, 'get', 'policy.levels'))).toHaveLength(4);
    const unset = await box.run(['config', 'get', 'smtp.host']);
    expect(unset).toEqual({ code: 0, stdout: '', stderr: 'smtp.host is not set and has no default\n' });
    expect(existsSync(box.configDir)).toBe(false);
  });

  it('list prints nothing when nothing is set', async () => {
    expect(await config(sandbox(), 'list')).toBe('');
  });

  it('unset removes a key so its default applies again', async () => {
    const box = sandbox();
    await config(box, 'set', 'policy.scope', 'all-open');
    await config(box, 'set', 'operator', 'Ana');
    await config(box, 'unset', 'policy.scope');
    expect(stored(box)).toEqual({ operator: 'Ana' });
    expect(await config(box, 'get', 'policy.scope')).toBe('overdue\n');
    const again = await box.run(['config', 'unset', 'policy.scope']);
    expect(again).toEqual({ code: 0, stdout: '', stderr: 'policy.scope is not set; nothing to do\n' });
  });

  it('accepts a valid ladder and returns it', async () => {
    const box = sandbox();
    const ladder = [
      { id: 'first', name: 'First reminder', days: 10, template: 'first', fee: 5 },
      { id: 'final', name: 'Final notice', days: 30, template: 'final', repeatEveryDays: 14, letter: true },
    ];
    await config(box, 'set', 'policy.levels', JSON.stringify(ladder));
    expect(JSON.parse(await config(box, 'get', 'policy.levels'))).toEqual(ladder);
  });
});

describe('duedesk config refuses bad values and writes nothing', () => {
  /** A sandbox with a settings file already in it, and its exact bytes. */
  async function withFile(): Promise<{ box: Sandbox; before: Buffer }> {
    const box = sandbox();
    await config(box, 'set', 'operator', 'Maria');
    return { box, before: readFileSync(settingsPath(box)) };
  }

  it.each<[string, string[], string[]]>([
    ['a port that is not a number', ['smtp.port', 'abc'], ['smtp.port: must be a whole number (got "abc")']],
    ['an unknown scope', ['policy.scope', 'everything'], ['policy.scope: must be one of "overdue", "all-open" (got "everything")']],
    ['an unknown escalation', ['policy.escalation', 'weekly'], ['policy.escalation: must be one of "days", "stepwise" (got "weekly")']],
    ['a bcc that is no address', ['mail.bcc', 'archive'], ['mail.bcc: must be an e-mail address or a JSON list of them']],
    ['a negative minimum', ['policy.minAmount', '--', '-5'], ['policy.minAmount: must be at least 0 (got -5)']],
    ['a negative number without "--"', ['policy.minAmount', '-5'], ['unknown option -5; a value that starts with "-" goes after "--"']],
    ['a level without a template', ['policy.levels', '[{"id":"a","name":"A","days":1}]'], ['policy.levels[0].template: is required']],
    [
      'a ladder with a repeated id',
      ['policy.levels', '[{"id":"a","name":"A","days":1,"template":"a"},{"id":"a","name":"B","days":5,"template":"b"}]'],
      ['policy.levels: level 2 ("a"): id "a" is used twice; level ids must be unique'],
    ],
    [
      'a ladder whose days do not increase',
      ['policy.levels', '[{"id":"a","name":"A","days":9,"template":"a"},{"id":"b","name":"B","days":5,"template":"b"}]'],
      ['policy.levels: level 2 ("b"): days must be greater than the previous level\'s (5 after 9)'],
    ],
    [
      'a ladder repeating before its last level',
      ['policy.levels', '[{"id":"a","name":"A","days":1,"template":"a","repeatEveryDays":7},{"id":"b","name":"B","days":5,"template":"b"}]'],
      ['policy.levels: level 1 ("a"): only the last level may have repeatEveryDays'],
    ],
    [
      'a ladder with an unsafe template name',
      ['policy.levels', '[{"id":"a","name":"A","days":1,"template":"../../etc/passwd"}]'],
      ['policy.levels: level 1 ("a"): template "../../etc/passwd" must use only a-z, 0-9, "-" and "_"'],
    ],
    ['a password', ['smtp.password', 'hunter2'], ['smtp.password: passwords are never stored', 'DUEDESK_SMTP_PASSWORD', 'smtp.passwordCommand']],
    ['an unknown key', ['smtp.hots', 'x'], ['unknown setting "smtp.hots"; did you mean smtp.host']],
    ['a group set to text', ['smtp', 'x'], ['smtp: must be a JSON object (got "x")']],
  ])('%s', async (_what, args, fragments) => {
    const { box, before } = await withFile();
    const result = await box.run(['config', 'set', ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith('duedesk: ')).toBe(true);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    for (const fragment of fragments) expect(result.stderr).toContain(fragment);
    expect(readFileSync(settingsPath(box))).toEqual(before);
  });

  it('creates no file when the first set is refused', async () => {
    const box = sandbox();
    const result = await box.run(['config', 'set', 'smtp.port', '0']);
    expect(result.code).toBe(2);
    expect(existsSync(settingsPath(box))).toBe(false);
  });

  it('an unknown key on get lists close matches', async () => {
    const result = await sandbox().run(['config', 'get', 'policy.levles']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown setting "policy.levles"; did you mean policy.levels');
  });

  it.each<[string[], string]>([
    [[], 'config needs an action'],
    [['remove', 'x'], 'unknown config action "remove"'],
    [['get'], 'config get takes one KEY, got 0'],
    [['set', 'smtp.host'], 'config set takes KEY and VALUE, got 1'],
    [['set', 'company.name', 'Acme', 'Ltd'], 'config set takes KEY and VALUE, got 3 (quote a VALUE that has spaces)'],
    [['list', 'x'], 'config list takes no arguments, got 1'],
  ])('config %j is a usage error', async (args, message) => {
    const result = await sandbox().run(['config', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe('duedesk config with a broken settings file', () => {
  function broken(content: string): { box: Sandbox; path: string } {
    const box = sandbox();
    mkdirSync(box.configDir, { recursive: true });
    writeFileSync(settingsPath(box), content);
    return { box, path: settingsPath(box) };
  }

  it('names the file for invalid JSON, refuses to set, and keeps the bytes', async () => {
    const { box, path } = broken('{"smtp": {"port": 25,}}');
    for (const args of [['get', 'smtp.port'], ['list'], ['set', 'smtp.port', '26']]) {
      const result = await box.run(['config', ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`duedesk: settings file ${path} is not valid JSON (line 1, column`);
    }
    expect(readFileSync(path, 'utf8')).toBe('{"smtp": {"port": 25,}}');
  });

  it('names the file and the key for a bad value', async () => {
    const { box, path } = broken('{"mail": {"transport": "pigeon"}}');
    const result = await box.run(['config', 'set', 'operator', 'Ana']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`settings file ${path}: mail.transport: must be one of "outbox", "smtp" (got "pigeon")`);
    expect(readFileSync(path, 'utf8')).toBe('{"mail": {"transport": "pigeon"}}');
  });

  it('still tells where the file is', async () => {
    const { box, path } = broken('not json');
    expect(await config(box, 'path')).toBe(`${path}\n`);
  });
});

describe('duedesk config test-mail', () => {
  it('sends one e-mail through the configured transport (the outbox beside the database)', async () => {
    const box = sandbox();
    await config(box, 'set', 'company.email', 'ar@acme.example');
    const result = await box.run(['config', 'test-mail', 'clerk@acme.example']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Test e-mail sent to clerk@acme\.example via /);
    const outbox = join(box.dir, 'outbox');
    const files = readdirSync(outbox).filter((name) => name.endsWith('.eml'));
    expect(files).toHaveLength(1);
    expect(readFileSync(join(outbox, files[0]!), 'utf8')).toContain('clerk@acme.example');
  });

  it('needs exactly one address', async () => {
    const result = await sandbox().run(['config', 'test-mail']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('config test-mail takes one ADDRESS, got 0');
  });
});
