import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import envPaths from 'env-paths';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/exit-codes.js';
import { SettingsFile } from '../../src/settings/file.js';
import { defaultConfigDir, resolveConfigDir } from '../../src/settings/paths.js';
import { tempDir } from '../cli/io.js';

const modeOf = (path: string): number => statSync(path).mode & 0o777;

/** The error `fn` throws (fails the test when it throws none). */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('SettingsFile', () => {
  it('reads no file as empty settings without creating anything', () => {
    const dir = join(tempDir(), 'config');
    const file = new SettingsFile(dir);
    expect(file.path).toBe(join(dir, 'config.json'));
    expect(file.read()).toEqual({});
    expect(existsSync(dir)).toBe(false);
  });

  it('writes the settings file with mode 0600 and reads it back', async () => {
    const file = new SettingsFile(join(tempDir(), 'nested', 'config'));
    await file.write({ smtp: { host: 'smtp.example.com', port: 587 } });
    expect(file.read()).toEqual({ smtp: { host: 'smtp.example.com', port: 587 } });
    expect(modeOf(file.path)).toBe(0o600);
    expect(JSON.parse(readFileSync(file.path, 'utf8'))).toEqual({ smtp: { host: 'smtp.example.com', port: 587 } });
  });

  it('tightens a file someone made world-readable back to 0600 on the next write', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), '{"operator":"Ana"}', { mode: 0o644 });
    chmodSync(join(dir, 'config.json'), 0o644);
    const file = new SettingsFile(dir);
    await file.write({ operator: 'Maria' });
    expect(modeOf(file.path)).toBe(0o600);
  });

  it('accepts a file saved with a byte-order mark', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), '\uFEFF{"operator":"Ana"}');
    expect(new SettingsFile(dir).read()).toEqual({ operator: 'Ana' });
  });

  it('reports invalid JSON with the file, line and column, and never overwrites it', async () => {
    const dir = tempDir();
    const path = join(dir, 'config.json');
    const broken = '{\n  "smtp": { "port": 25, }\n}\n';
    writeFileSync(path, broken);
    const file = new SettingsFile(dir);
    const error = thrown(() => file.read());
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain(`settings file ${path} is not valid JSON (line 2`);
    expect(error.message).not.toContain('\n');
    await expect(file.write({ operator: 'Maria' })).rejects.toThrow(/is not valid JSON/);
    expect(readFileSync(path, 'utf8')).toBe(broken);
  });

  it('reports an empty file as such', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), '  \n');
    expect(() => new SettingsFile(dir).read()).toThrow(/is not valid JSON \(the file is empty\)/);
  });

  it('reports a value that breaks the schema with the file and the key, and keeps the file', async () => {
    const dir = tempDir();
    const path = join(dir, 'config.json');
    const bad = '{"policy":{"scope":"everything"},"smtp":{"port":"x"}}';
    writeFileSync(path, bad);
    const file = new SettingsFile(dir);
    const error = thrown(() => file.read());
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain(`settings file ${path}: `);
    expect(error.message).toContain('policy.scope: must be one of "overdue", "all-open" (got "everything")');
    expect(error.message).toContain('smtp.port: must be a whole number (got "x")');
    await expect(file.write({})).rejects.toThrow(UserError);
    expect(readFileSync(path, 'utf8')).toBe(bad);
  });

  it('refuses a password written into the file by hand', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), '{"smtp":{"password":"hunter2"}}');
    expect(() => new SettingsFile(dir).read()).toThrow(/smtp\.password: passwords are never stored.*DUEDESK_SMTP_PASSWORD/);
  });

  it('refuses to write invalid settings and leaves the file as it was', async () => {
    const dir = tempDir();
    const file = new SettingsFile(dir);
    await file.write({ operator: 'Maria' });
    const before = readFileSync(file.path);
    await expect(file.write({ smtp: { port: -1 } })).rejects.toThrow('smtp.port: must be at least 1 (got -1)');
    expect(readFileSync(file.path)).toEqual(before);
  });

  it('names an unreadable path', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'config.json'));
    expect(() => new SettingsFile(dir).read()).toThrow(`settings file ${join(dir, 'config.json')} cannot be read`);
  });
});

describe('resolveConfigDir', () => {
  it('prefers --config-dir, then DUEDESK_CONFIG_DIR, then the user config directory', () => {
    const env = { DUEDESK_CONFIG_DIR: '/etc/duedesk-env' };
    expect(resolveConfigDir('/opt/flag', env, '/home/a')).toBe('/opt/flag');
    expect(resolveConfigDir(undefined, env, '/home/a')).toBe('/etc/duedesk-env');
    expect(resolveConfigDir(undefined, {}, '/home/a')).toBe(defaultConfigDir());
    expect(resolveConfigDir(undefined, { DUEDESK_CONFIG_DIR: '' }, '/home/a')).toBe(defaultConfigDir());
  });

  it('resolves relative directories against the working directory', () => {
    expect(resolveConfigDir('conf', {}, '/home/a')).toBe('/home/a/conf');
    expect(resolveConfigDir(undefined, { DUEDESK_CONFIG_DIR: 'c' }, '/srv')).toBe('/srv/c');
  });

  it('defaults to the duedesk folder of the user config directory', () => {
    expect(defaultConfigDir()).toBe(envPaths('duedesk', { suffix: '' }).config);
  });
});
