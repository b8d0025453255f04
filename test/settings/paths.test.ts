/** Where duedesk puts its files: beside the database unless the settings name a folder. */
import { describe, expect, it } from 'vitest';
import { journalPath, outboxDir, previewDir, printDir } from '../../src/settings/paths.js';
import { sendLockBase } from '../../src/storage/sqljs/send-lock.js';

const place = { dbPath: 'books/ar.sqlite', cwd: '/srv/acme' };

describe('paths', () => {
  it('puts outbox, print and preview folders beside the database', () => {
    expect(outboxDir({}, place)).toBe('/srv/acme/books/outbox');
    expect(printDir({}, place)).toBe('/srv/acme/books/print');
    expect(previewDir(place)).toBe('/srv/acme/books/preview');
  });

  it('takes mail.outboxDir and mail.printDir from the settings, relative to the working directory', () => {
    const settings = { mail: { outboxDir: 'out', printDir: '/var/letters' } };
    expect(outboxDir(settings, place)).toBe('/srv/acme/out');
    expect(printDir(settings, place)).toBe('/var/letters');
  });

  it('uses the working directory for a database held in memory', () => {
    expect(outboxDir({}, { dbPath: null, cwd: '/tmp/w' })).toBe('/tmp/w/outbox');
    expect(printDir({}, { dbPath: null, cwd: '/tmp/w' })).toBe('/tmp/w/print');
  });

  it('names the send journal and the send lock after the database file', () => {
    expect(journalPath('/srv/acme/ar.sqlite')).toBe('/srv/acme/ar.sqlite.journal');
    expect(sendLockBase('/srv/acme/ar.sqlite')).toBe('/srv/acme/ar.sqlite.send');
  });
});
