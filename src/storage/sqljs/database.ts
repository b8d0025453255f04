/**
 * openStore: the Store contract (see ./store.ts) on either SQLite engine (./engine-db.ts).
 *
 * Every write takes the inter-process lock, reloads the file if another process saved since we
 * loaded it, runs the change in a transaction on the engine's working database (sql.js: the
 * loaded database in memory; native: a private copy of the file), saves atomically, then
 * releases the lock — so two processes never lose each other's writes, whichever engine each runs.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { OpenOptions, Store } from './store.js';
import type { EngineDb, FileEngine } from './engine-db.js';
import { fileEngine } from './engines.js';
import { ExitCode, UserError } from '../../core/exit-codes.js';
import { removeStaleTemps, type SaveHooks } from '../../files/atomic-file.js';
import { acquireLock, type LockHandle } from '../../files/lock.js';
import type { OpenWritable } from '../../files/write-all.js';
import { checkSchema, migrate, pendingMigrations } from './migrate.js';
import { currentIdentity, type FileIdentity } from './database-file.js';
import { asDamaged, damagedError, integrityProblems } from './database-damage.js';
import { nestedWriteError, SerialAccess } from './serial-access.js';

/** Default wait for another process's lock before exit 75. */
export const DEFAULT_LOCK_TIMEOUT_MS = 5000;

/** Test seams of openStore (not for production use). */
export interface StoreSeams extends SaveHooks {
  /** Opens the archive's copies (default: the real file system); tests cut writes short or refuse them. */
  archiveOpen?: OpenWritable;
}

/** Open (creating when missing) and migrate a duedesk database. `path: null` = private in-memory. */
export async function openStore(options: OpenOptions, seams: StoreSeams = {}): Promise<Store> {
  const engine = await fileEngine(options.engine);
  if (options.path === null) return openMemoryStore(engine);
  const lock = { timeoutMs: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, leaseMs: options.leaseMs };
  const store = new FileStore(engine, resolve(options.path), lock, seams);
  await store.open();
  return store;
}

/**
 * File-system failures (no permission, a folder where the file should be, disk full) are
 * problems the user can fix: say so with the file name instead of a stack trace.
 */
function asUserError(error: unknown, path: string, action: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (error instanceof UserError || typeof code !== 'string' || !code.startsWith('E')) return error;
  return new UserError(`${path}: ${action} (${(error as Error).message})`);
}

/** The lock was taken over while we held it (our lease lapsed): nothing was saved. */
function lostLockError(path: string): UserError {
  return new UserError(
    `${path}: not saved: this process held the lock past its lease and another process took it over; try again`,
    ExitCode.Busy,
  );
}

/** Run `change` (it may await) in a transaction on `db`, rolling back when it throws. */
async function inTransaction<T>(db: EngineDb, change: (db: EngineDb) => T | Promise<T>): Promise<T> {
  db.exec('BEGIN');
  try {
    const result = await change(db);
    db.exec('COMMIT');
    return result;
  } catch (error) {
    try {
      db.exec('ROLLBACK');
    } catch {
      // SQLite already rolled back (some errors end the transaction themselves).
    }
    throw error;
  }
}

function openMemoryStore(engine: FileEngine): Store {
  const db = engine.memory();
  migrate(db, 'in-memory database');
  const access = new SerialAccess();
  return {
    path: null,
    engine: engine.name,
    db,
    refresh: () => undefined,
    read: (query) => access.run('read', async () => query(db)),
    write: (change) => access.run('write', () => inTransaction(db, change)),
    close: () => db.close(),
  };
}

/** A database backed by a file, shared with other processes. */
class FileStore implements Store {
  private current: EngineDb | undefined;
  private loaded: FileIdentity | null = null;
  /**
   * True once the loaded content is known intact: checked before its first save, because a
   * damaged page that no change touched would otherwise be copied into the saved file unseen.
   */
  private intact = false;
  /** Reads and a write's transaction take turns here; the save after the commit lets reads run. */
  private readonly access = new SerialAccess();
  /** Writes of this process, one after another in call order (each until its save is done). */
  private writes: Promise<unknown> = Promise.resolve();
  /** True while a committed write is being saved: the file on disk is not newer than memory. */
  private saving = false;

  constructor(
    private readonly files: FileEngine,
    readonly path: string,
    private readonly lockOptions: { timeoutMs: number; leaseMs: number | undefined },
    private readonly seams: StoreSeams,
  ) {}

  get engine(): FileEngine['name'] {
    return this.files.name;
  }

  get db(): EngineDb {
    if (!this.current) throw new Error(`database ${this.path} is closed`);
    return this.current;
  }

  /** Load (or create) the file, clean crash leftovers and apply pending migrations. */
  async open(): Promise<void> {
    try {
      await this.openFile();
    } catch (error) {
      this.close();
      throw asUserError(error, this.path, 'cannot open database');
    }
  }

  private async openFile(): Promise<void> {
    mkdirSync(dirname(this.path), { recursive: true });
    removeStaleTemps(this.path);
    if (currentIdentity(this.path) !== null) this.load();
    if (this.current && pendingMigrations(this.current).length === 0) return;
    // New file or an older schema: create/migrate under the lock on the freshest copy.
    await this.locked((lock) =>
      this.changed(lock, async (db, before) => {
        // A new database holds nothing that could be damaged.
        if (before === undefined) this.intact = true;
        return migrate(db, this.path) > 0;
      }),
    );
  }

  refresh(): void {
    const onDisk = currentIdentity(this.path);
    if (onDisk !== null && onDisk !== this.loaded) this.load();
  }

  read<T>(query: (db: EngineDb) => T | Promise<T>): Promise<T> {
    return this.access.run('read', async (nested) => {
      try {
        // Inside a write, or while one is saved under our lock, memory is already the latest.
        if (!nested && !this.saving) this.refresh();
        return await query(this.db);
      } catch (error) {
        // A read that met a damaged page names the file (writes say so themselves).
        throw asDamaged(error, this.path);
      }
    });
  }

  write<T>(change: (db: EngineDb) => T | Promise<T>): Promise<T> {
    if (this.access.busyHere()) return Promise.reject(nestedWriteError());
    const run = this.writes.then(() =>
      this.locked(async (lock) => {
        let result: T | undefined;
        await this.changed(lock, async (db) => {
          result = await inTransaction(db, change);
          return true;
        });
        return result as T;
      }),
    );
    this.writes = run.catch(() => undefined);
    return run;
  }

  /**
   * Under `lock`, on the freshest saved state: run `change` on the engine's working database
   * and save it when `change` says it changed something. The working database becomes the one
   * reads see; when the change fails or is not saved, the engine drops it and the loaded one stays.
   */
  private async changed(lock: LockHandle, change: (db: EngineDb, before: EngineDb | undefined) => Promise<boolean>): Promise<void> {
    let before: EngineDb | undefined;
    let working: EngineDb | undefined;
    // Reads wait only for the transaction: once committed, they may run while it is saved.
    const changedAny = await this.access.run('write', async () => {
      this.refresh();
      before = this.current;
      working = this.files.beginWrite(this.path, before);
      this.current = working;
      try {
        return await change(working, before);
      } catch (error) {
        this.drop(working, before);
        throw error;
      }
    });
    if (working === undefined) return;
    if (!changedAny) return this.drop(working, before);
    this.saving = true;
    try {
      await this.save(lock);
    } catch (error) {
      this.drop(working, before);
      throw error;
    } finally {
      this.saving = false;
    }
    if (before !== undefined && before !== working) before.close();
  }

  /** Give up a working database that is not saved; the loaded one is read again. */
  private drop(working: EngineDb, before: EngineDb | undefined): void {
    this.files.abandon(working, before);
    if (working !== before) this.current = before;
  }

  close(): void {
    this.current?.close();
    this.current = undefined;
  }

  /** Hold the lock around `body`, on the latest saved state. */
  private async locked<T>(body: (lock: LockHandle) => Promise<T>): Promise<T> {
    const lock = await acquireLock(this.path, this.lockOptions);
    try {
      return await body(lock);
    } catch (error) {
      throw asDamaged(error, this.path);
    } finally {
      lock.release();
    }
  }

  /**
   * Export and save atomically; on failure forget what we loaded so the next use reloads. Just
   * before the rename we check the lock is still ours: a holder stopped past its lease (a
   * suspended process, a frozen VM) may have been taken over, and must not save over the newer
   * holder's work.
   */
  private async save(lock: LockHandle): Promise<void> {
    this.checkIntact();
    try {
      await this.files.save(this.path, this.db, {
        ...this.seams,
        beforeRename: (temp) => {
          this.seams.beforeRename?.(temp);
          if (!lock.stillHeld()) throw lostLockError(this.path);
        },
      });
      this.loaded = currentIdentity(this.path);
    } catch (error) {
      this.loaded = null;
      throw asUserError(error, this.path, 'cannot save database');
    }
  }

  /**
   * Refuse to save content loaded from a damaged file (quick_check reads every page: about
   * 1.5 s at 1,000,000 items, paid once per load, not per save).
   */
  private checkIntact(): void {
    if (this.intact) return;
    const problems = integrityProblems(this.db, false);
    if (problems.length > 0) {
      this.loaded = null;
      const count = problems.length === 1 ? '' : ` (and ${problems.length - 1} more)`;
      throw damagedError(this.path, `${problems[0]}${count}`);
    }
    this.intact = true;
  }

  /** Open the saved file with the engine, refusing damaged or newer files. */
  private load(): void {
    const { db, identity } = this.files.load(this.path);
    try {
      checkSchema(db, this.path);
    } catch (error) {
      db.close();
      throw error;
    }
    this.replace(db, identity);
  }

  private replace(db: EngineDb, identity: FileIdentity | null): void {
    this.current?.close();
    this.current = db;
    this.loaded = identity;
    this.intact = false;
  }
}
