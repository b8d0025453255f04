/**
 * On a shared ledger, company details and policy come from the ledger for every host while SMTP,
 * paths and the operator stay each host's own; a change goes to where its key lives.
 */
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../src/core/settings.js';
import { LedgerSettingsSource } from '../../src/settings/ledger-settings-source.js';
import { isSharedKey, type SettingEntry } from '../../src/settings/shared-settings.js';
import type { SettingsSource } from '../../src/settings/source.js';

/** A settings file in memory. */
function memoryFile(initial: Settings): SettingsSource & { stored: Settings } {
  const file = {
    path: '/home/clerk/.config/duedesk/config.json',
    stored: initial,
    read: () => file.stored,
    write: async (next: Settings) => {
      file.stored = next;
    },
  };
  return file;
}

describe('shared settings', () => {
  it.each([
    ['company.name', true],
    ['company.iban', true],
    ['company.logo', false],
    ['policy.levels', true],
    ['policy.installments.graceDays', true],
    ['schedule.autoSend', true],
    ['schedule.approval', true],
    ['schedule.digestTo', true],
    ['schedule.maxAsOfDays', true],
    ['policy.profiles', true],
    ['policy.promiseGraceDays', true],
    ['mail.bcc', true],
    ['mail.recipients', true],
    ['mail.transport', false],
    ['mail.outboxDir', false],
    ['smtp.host', false],
    ['smtp.passwordCommand', false],
    ['operator', false],
    ['templatesDir', false],
    ['db.passwordCommand', false],
  ])('%s is shared by every host: %s', (key, shared) => {
    expect(isSharedKey(key)).toBe(shared);
  });

  it("reads the ledger's policy and company over the host file's, and the host's own SMTP and paths", () => {
    const file = memoryFile({ company: { name: 'Old Name', logo: '/srv/logo.png' }, policy: { minAmount: 1 }, smtp: { host: 'smtp.host-a.example' } });
    const source = new LedgerSettingsSource(file, [['company.name', 'Acme Trading Ltd'], ['policy.statementEveryDays', 10]], async () => undefined);
    expect(source.read()).toEqual({
      company: { name: 'Acme Trading Ltd', logo: '/srv/logo.png' },
      policy: { statementEveryDays: 10 },
      smtp: { host: 'smtp.host-a.example' },
    });
  });

  it('writes a shared key to the ledger and a host key to the file, checking the whole first', async () => {
    const file = memoryFile({ policy: { minAmount: 1 }, smtp: { host: 'smtp.host-a.example' } });
    let ledger: SettingEntry[] = [['company.name', 'Acme']];
    const source = new LedgerSettingsSource(file, ledger, async (entries) => {
      ledger = entries;
    });
    await source.write({ ...source.read(), policy: { statementEveryDays: 7 }, smtp: { host: 'smtp.new.example' } });
    expect(ledger).toEqual([['company.name', 'Acme'], ['policy.statementEveryDays', 7]]);
    // The file keeps its own (unread) shared keys for when the host opens a file ledger again.
    expect(file.stored).toEqual({ smtp: { host: 'smtp.new.example' }, policy: { minAmount: 1 } });
    expect(source.read().policy).toEqual({ statementEveryDays: 7 });

    await expect(source.write({ ...source.read(), policy: { scope: 'everything' } } as unknown as Settings)).rejects.toThrow(
      /policy\.scope.*\(nothing was written\)/,
    );
    expect(ledger).toEqual([['company.name', 'Acme'], ['policy.statementEveryDays', 7]]);
  });
});
