import { describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { dirname, join } from 'node:path';
import { acquireLock, holderGone, LockFiles, tryAcquireLock, type LockInfo } from '../../src/files/lock.js';
import { commandLine } from '../../src/files/lock-busy.js';
import { processStartTime } from '../../src/files/process-alive.js';
import { WaitQueue } from '../../src/files/lock-queue.js';
import { openStore } from '../../src/storage/sqljs/database.js';
import { removeQuietly } from '../../src/files/atomic-file.js';
import { UserError } from '../../src/core/exit-codes.js';
import { spawnSync } from 'node:child_process';
import { startFixture } from './fixtures/spawn.js';
import { tempDir } from './temp-dir.js';
import { runCliWithFileSizeLimit } from '../cli/io.js';

// Every worker thread started in this file, so a test can end the lease refresher as a crash would.
const workers = vi.hoisted(() => [] as { terminate(): Promise<number> }[]);
vi.mock('node:worker_threads', async (original) => {
  const actual = await original<typeof import('node:worker_threads')>();
  class RecordedWorker extends actual.Worker {
    constructor(...args: ConstructorParameters<typeof actual.Worker>) {
      super(...args);
      workers.push(this);
    }
  }
  return { ...actual, Worker: RecordedWorker };
});

function lockInfo(partial: Partial<LockInfo>): LockInfo {
  return { pid: process.pid, hostname: hostname(), startTime: processStartTime(process.pid), token: 'other', acquiredAt: '', ...partial };
}

/** A pid that certainly belonged to a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid;
}

describe('inter-process lock', () => {
  it('is exclusive, and free again after release', async () => {
    const db = join(tempDir(), 'a.db');
    const first = await acquireLock(db, { timeoutMs: 100 });
    const second = tryAcquireLock(db);
    expect('holder' in second && second.holder?.pid).toBe(process.pid);
    first.release();
    const third = await acquireLock(db, { timeoutMs: 100 });
    expect(third.generation).toBe(first.generation + 1);
    third.release();
  });

  it('breaks the lock of a dead process', async () => {
    const dir = tempDir();
    const db = join(dir, 'a.db');
    writeFileSync(`${db}.lock.7`, JSON.stringify(lockInfo({ pid: deadPid(), startTime: null })));
    const lock = await acquireLock(db, { timeoutMs: 100 });
    expect(lock.generation).toBe(8);
    expect(readdirSync(dir)).toEqual(['a.db.lock.8']);
    lock.release();
  });

  it('treats a reused pid (other start time) as dead where the start time is known', () => {
    const reused = lockInfo({ startTime: 'not-the-real-start' });
    expect(holderGone(reused)).toBe(processStartTime(process.pid) !== null);
    expect(holderGone(lockInfo({}))).toBe(false);
  });

  it('cannot see whether the holder of a lock from another host is alive (its lease decides)', () => {
    expect(holderGone(lockInfo({ hostname: `${hostname()}-elsewhere`, pid: 999_999_999 }))).toBe(false);
  });

  it('write fails with exit 75 naming the holder after waiting the timeout', async () => {
    const db = join(tempDir(), 'a.db');
    const store = await openStore({ path: db, lockTimeoutMs: 300 });
    const held = await acquireLock(db, { timeoutMs: 100 });
    const started = Date.now();
    const error = await store.write(() => 1).catch((e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(75);
    expect((error as UserError).message).toBe(
      `the database is busy: held by pid ${process.pid} on host ${hostname()} (${commandLine()}) for 0 s; ` +
        `lock file ${db}.lock.${held.generation}; try again later (a lock not refreshed for 60 s is taken over)`,
    );
    held.release();
    await expect(store.write(() => 2)).resolves.toBe(2);
    store.close();
  });

  it('waits for a lock released within the timeout', async () => {
    const db = join(tempDir(), 'a.db');
    const store = await openStore({ path: db, lockTimeoutMs: 5000 });
    const held = await acquireLock(db, { timeoutMs: 100 });
    setTimeout(() => held.release(), 50);
    await expect(store.write(() => 'done')).resolves.toBe('done');
    store.close();
  });

  it('release leaves alone a lock that no longer carries our token', async () => {
    const dir = tempDir();
    const db = join(dir, 'a.db');
    const lock = await acquireLock(db, { timeoutMs: 100 });
    const path = `${db}.lock.${lock.generation}`;
    writeFileSync(path, JSON.stringify(lockInfo({ token: 'someone-else' })));
    expect(lock.stillHeld()).toBe(false);
    lock.release();
    expect(readdirSync(dir)).toEqual([`a.db.lock.${lock.generation}`]);
    expect(JSON.parse(readFileSync(path, 'utf8')).token).toBe('someone-else');
  });

  it('a claimant acting on an old view backs off when a higher generation exists', async () => {
    const dir = tempDir();
    const db = join(dir, 'a.db');
    (await acquireLock(db, { timeoutMs: 100 })).release();
    const holder = await acquireLock(db, { timeoutMs: 100 });
    // A slow claimant that saw generation 0 as the highest tries to claim generation 1, which the
    // live holder's cleanup already removed: the exclusive create succeeds, the re-scan must not.
    expect(holder.generation).toBeGreaterThan(1);
    const files = new LockFiles(db);
    expect(files.claim(1)).toBeNull();
    expect(readdirSync(dir)).toEqual([`a.db.lock.${holder.generation}`]);
    expect(holder.stillHeld()).toBe(true);
    holder.release();
  });

  it('two claimants of the same generation: exactly one wins', () => {
    const db = join(tempDir(), 'a.db');
    const files = new LockFiles(db);
    const first = files.claim(1);
    const second = files.claim(1);
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    first?.release();
  });

  it('a waiting process goes before a newcomer, even when the lock is momentarily free', () => {
    const dir = tempDir();
    const db = join(dir, 'a.db');
    const queue = new WaitQueue(db);
    const ticket = queue.join();
    const newcomer = tryAcquireLock(db);
    expect('holder' in newcomer && newcomer.holder?.pid).toBe(process.pid);
    const waiter = tryAcquireLock(db, ticket);
    expect('lock' in waiter).toBe(true);
    if ('lock' in waiter) waiter.lock.release();
    queue.leave(ticket);
    expect(readdirSync(dir).filter((n) => n.includes('want'))).toEqual([]);
  });

  it('waiters are served in arrival order', () => {
    const db = join(tempDir(), 'a.db');
    const queue = new WaitQueue(db);
    const later = queue.join(2_000_000_000_000);
    const earlier = queue.join(1_999_999_999_000);
    expect(queue.first(2_000_000_000_001)?.name).toBe(earlier);
    expect('holder' in tryAcquireLock(db, later)).toBe(true);
    queue.leave(earlier);
    queue.leave(later);
  });

  it('forgets waiters that died and tickets too old to be waiting', () => {
    const dir = tempDir();
    const db = join(dir, 'a.db');
    const queue = new WaitQueue(db);
    const host = Buffer.from(hostname()).toString('hex');
    writeFileSync(join(dir, `a.db.lock-want-${Date.now()}-${deadPid()}-x-${host}-abc`), '');
    queue.join(Date.now() - 11 * 60 * 1000);
    expect(queue.first()).toBeNull();
    expect(readdirSync(dir).filter((n) => n.includes('want'))).toHaveLength(1);
    const attempt = tryAcquireLock(db);
    expect('lock' in attempt).toBe(true);
    if ('lock' in attempt) attempt.lock.release();
  });

  it('a free lock with another process waiting first: exit 75 says who is ahead', async () => {
    const db = join(tempDir(), 'a.db');
    const queue = new WaitQueue(db);
    const ahead = queue.join(Date.now() - 1000);
    try {
      const error = await acquireLock(db, { timeoutMs: 50 }).catch((e: unknown) => e);
      expect((error as UserError).exitCode).toBe(75);
      expect((error as UserError).message).toBe(
        `the database is busy: pid ${process.pid} on host ${hostname()} is waiting for it first; ` +
          'try again later (a lock not refreshed for 60 s is taken over)',
      );
    } finally {
      queue.leave(ahead);
    }
  });

  it('forgets a waiter of another host whose ticket has not been refreshed for a lease period', () => {
    const dir = tempDir();
    const db = join(dir, 'a.db');
    const host = Buffer.from('container-gone').toString('hex');
    const ticket = join(dir, `a.db.lock-want-${Date.now() - 120_000}-1-x-${host}-abc`);
    writeFileSync(ticket, '');
    const longAgo = (Date.now() - 120_000) / 1000;
    utimesSync(ticket, longAgo, longAgo);
    expect(new WaitQueue(db).first()).toBeNull();
    const attempt = tryAcquireLock(db);
    expect('lock' in attempt).toBe(true);
    if ('lock' in attempt) attempt.lock.release();
  });

  it('a holder whose main thread is blocked longer than its lease keeps the lock (refreshed from a worker)', async () => {
    const dir = tempDir();
    const db = join(dir, 'a.db');
    // A 1 s lease and a wait of 2.5 s: a lease refreshed only by the blocked main thread would
    // lapse and be taken over; refreshed from the worker thread it holds.
    const store = await openStore({ path: db, lockTimeoutMs: 2500 });
    const child = startFixture('hold-lock.ts', [db, join(dir, 'stop'), '1000']);
    await child.said('locked');
    const error = await store.write(() => 'entered').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(75);
    expect((error as UserError).message).toContain(`held by pid ${child.pid} on host ${hostname()}`);
    writeFileSync(join(dir, 'stop'), '');
    expect((await child.exited).code).toBe(0);
    await expect(store.write(() => 'entered')).resolves.toBe('entered');
    store.close();
  });

  it('an unreadable lock file blocks, unless it was written before the machine booted', async () => {
    const dir = tempDir();
    const db = join(dir, 'a.db');
    writeFileSync(`${db}.lock.3`, '');
    const error = await acquireLock(db, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect((error as UserError).exitCode).toBe(75);
    expect((error as UserError).message).toContain('unreadable lock file');
    const beforeBoot = (Date.now() - uptime() * 1000 - 60_000) / 1000;
    utimesSync(`${db}.lock.3`, beforeBoot, beforeBoot);
    const lock = await acquireLock(db, { timeoutMs: 50 });
    expect(lock.generation).toBe(4);
    lock.release();
  });

  it('a refresher thread that dies is replaced: the lease of a held lock goes on being refreshed', async () => {
    const db = join(tempDir(), 'a.db');
    const lock = await acquireLock(db, { timeoutMs: 100, leaseMs: 300 });
    const file = `${db}.lock.${lock.generation}`;
    try {
      expect(workers.length).toBeGreaterThan(0);
      await Promise.all(workers.map((worker) => worker.terminate()));
      const longAgo = (Date.now() - 3_600_000) / 1000;
      utimesSync(file, longAgo, longAgo);
      await vi.waitFor(() => expect(Date.now() - statSync(file).mtimeMs).toBeLessThan(1000), { timeout: 2000, interval: 10 });
    } finally {
      lock.release();
    }
  });

  it('a lock left on another host is taken over once its lease has lapsed', async () => {
    const dir = tempDir();
    const db = join(dir, 'a.db');
    writeFileSync(`${db}.lock.7`, JSON.stringify(lockInfo({ hostname: 'container-gone', pid: 1, leaseMs: 1000 })));
    const longAgo = (Date.now() - 3_600_000) / 1000;
    utimesSync(`${db}.lock.7`, longAgo, longAgo);
    const lock = await acquireLock(db, { timeoutMs: 50 });
    expect(lock.generation).toBe(8);
    expect(readdirSync(dir)).toEqual(['a.db.lock.8']);
    lock.release();
  });

  it('a lock on another host with a fresh lease holds: exit 75 names the holder, how long, and the lock file', async () => {
    const db = join(tempDir(), 'a.db');
    const since = new Date(Date.now() - (3 * 60 + 12) * 1000).toISOString();
    const info = lockInfo({ hostname: 'build-7', pid: 1234, acquiredAt: since, command: 'duedesk --send-due' });
    writeFileSync(`${db}.lock.7`, JSON.stringify(info));
    const store = await openStore({ path: db, lockTimeoutMs: 100 }).catch((e: unknown) => e);
    expect(store).toBeInstanceOf(UserError);
    expect((store as UserError).exitCode).toBe(75);
    expect((store as UserError).message).toMatch(
      new RegExp(
        `^the database is busy: held by pid 1234 on host build-7 \\(duedesk --send-due\\) for 3 min 1[23] s; ` +
          `lock file ${db.replace(/[.]/g, '\\.')}\\.lock\\.7; try again later \\(a lock not refreshed for 60 s is taken over\\)$`,
      ),
    );
    expect(readdirSync(dirname(db))).toEqual(['a.db.lock.7']);
  });

  it.each([0, -5, 'soon'])('a fresh lock declaring a nonsensical lease (%j) holds for the default 60 s', async (leaseMs) => {
    const db = join(tempDir(), 'a.db');
    writeFileSync(`${db}.lock.7`, JSON.stringify({ ...lockInfo({ hostname: 'build-7', pid: 1 }), leaseMs }));
    const error = await acquireLock(db, { timeoutMs: 100 }).catch((e: unknown) => e);
    expect((error as UserError).exitCode).toBe(75);
    expect((error as UserError).message).toContain('(a lock not refreshed for 60 s is taken over)');
  });

  it('a live lease whose timestamps are an hour off (a clock step, a skewed host) is not taken over', async () => {
    const db = join(tempDir(), 'a.db');
    const file = `${db}.lock.7`;
    // A 6 s lease: watched for 0.5 s, which a busy test machine's timer delays cannot span.
    writeFileSync(file, JSON.stringify(lockInfo({ hostname: 'skewed', pid: 1, leaseMs: 6000 })));
    // The holder keeps refreshing, but with a clock an hour behind ours.
    const touch = (): void => {
      const behind = (Date.now() - 3_600_000) / 1000;
      utimesSync(file, behind, behind);
    };
    touch();
    const refresher = setInterval(touch, 20);
    try {
      const error = await acquireLock(db, { timeoutMs: 400 }).catch((e: unknown) => e);
      expect((error as UserError).exitCode).toBe(75);
      expect((error as UserError).message).toContain('held by pid 1 on host skewed');
    } finally {
      clearInterval(refresher);
    }
  });
});

describe('a holder whose lease was taken over', () => {
  it('does not save over the new holder: exit 75, the file as the new holder left it', async () => {
    const dir = tempDir();
    const db = join(dir, 'a.db');
    const store = await openStore({ path: db });
    const before = readFileSync(db);
    const error = await store
      .write((sql) => {
        sql.run("INSERT INTO customers (code, name, currency) VALUES ('LATE', 'x', 'EUR')");
        // Meanwhile (this process stopped past its lease) another process took the lock over.
        const files = new LockFiles(db);
        const { max } = files.scan();
        writeFileSync(files.path(max + 1), JSON.stringify(lockInfo({ hostname: 'other', token: 'new-holder' })));
        removeQuietly(files.path(max));
      })
      .catch((e: unknown) => e);
    expect((error as UserError).exitCode).toBe(75);
    expect((error as UserError).message).toContain(`${db}: not saved: this process held the lock past its lease`);
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
    store.close();
  });
});

describe('a lock the file system refuses to write', () => {
  it('is reported as "cannot write LOCKFILE", exit 2, and leaves no temp file behind', () => {
    const dir = tempDir();
    const db = join(dir, 'a.db');
    writeFileSync(join(dir, 'customers.csv'), 'code,name\nC1,Acme\n');
    // With a file-size limit of 0 the kernel fails the first byte written to a regular file
    // (EFBIG), here the lock file's content.
    const run = runCliWithFileSizeLimit(0, ['import', 'customers', join(dir, 'customers.csv')], {
      DUEDESK_DB: db,
      DUEDESK_CONFIG_DIR: join(dir, 'config'),
    });
    expect(run.stderr).toBe(`duedesk: cannot write ${db}.lock.1: file too large\n`);
    expect(run.status).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['customers.csv']);
  });
});
