/** Selecting PostgreSQL by URL, and keeping its password out of every message. */
import { describe, expect, it } from 'vitest';
import { maskUrl, refusePasswordOnCommandLine } from '../../../src/storage/postgres/connection-url.js';
import { isPostgresUrl } from '../../../src/storage/ledger-location.js';
import { numberPlaceholders } from '../../../src/storage/postgres/placeholders.js';

describe('PostgreSQL URLs', () => {
  it.each([
    ['postgres://ar@db.example/ledger', true],
    ['postgresql://ar@db.example/ledger', true],
    ['POSTGRES://ar@db.example/ledger', true],
    ['/srv/ar/duedesk.sqlite', false],
    ['postgres.sqlite', false],
    ['./postgres://x', false],
  ])('%s is a server: %s', (location, server) => {
    expect(isPostgresUrl(location)).toBe(server);
  });

  it.each([
    ['postgres://ar:s3cr%40t@db.example:5432/ledger', 'postgres://ar:***@db.example:5432/ledger'],
    ['postgres://ar:p@ss@word@db.example/ledger', 'postgres://ar:***@db.example/ledger'],
    ['postgres://ar@db.example/ledger?sslmode=require&password=s3cret', 'postgres://ar@db.example/ledger?sslmode=require&password=***'],
    ['postgres://ar@db.example/ledger', 'postgres://ar@db.example/ledger'],
    ['postgres:///ledger?host=/run/postgresql', 'postgres:///ledger?host=/run/postgresql'],
  ])('masks %s as %s', (url, masked) => {
    expect(maskUrl(url)).toBe(masked);
  });

  it('refuses a password typed on the command line, masked, and says where it goes instead', () => {
    expect(() => refusePasswordOnCommandLine('postgres://ar:s3cret@db.example/ledger')).toThrow(
      '--db postgres://ar:***@db.example/ledger: a password does not belong on the command line (other users see it in the process list); set PGPASSWORD, use ~/.pgpass or the db.passwordCommand setting',
    );
    expect(() => refusePasswordOnCommandLine('postgres://ar@db.example/ledger?password=s3cret')).toThrow(/password=\*\*\*/);
    expect(() => refusePasswordOnCommandLine('postgres://ar@db.example/ledger')).not.toThrow();
  });
});

describe('placeholders', () => {
  it('numbers ? outside quoted text, quoted names and comments', () => {
    expect(
      numberPlaceholders(`SELECT '?', "a?b", x FROM t -- why?\nWHERE a = ? AND b = 'it''s ?' AND c IN (?, ?) /* ? */`),
    ).toBe(`SELECT '?', "a?b", x FROM t -- why?\nWHERE a = $1 AND b = 'it''s ?' AND c IN ($2, $3) /* ? */`);
  });
});
