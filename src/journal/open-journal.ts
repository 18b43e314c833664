// Opening the journal: refuse what is not ours or is newer than us before writing a byte, then
// set the connection up, bring the schema up to date and take the file for this process alone.
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { Journal } from './journal.ts';
import { JournalError } from './journal-error.ts';
import { migrate, userVersion } from './migrate.ts';
import { migrations as allMigrations } from './migrations/index.ts';
import { JOURNAL_APPLICATION_ID } from './migrations/migration.ts';
import type { Migration } from './migrations/migration.ts';
import { translateSqliteError } from './sqlite-errors.ts';

export interface OpenJournalOptions {
  /** The journal file (see journalPath); its folder is created if needed. */
  readonly path: string;
  readonly now: () => Date;
  /** better-sqlite3's compiled addon, e.g. the build made for Electron's ABI. */
  readonly nativeBinding?: string;
  /** How long to wait for another process to let go of the file before `journal.locked`. */
  readonly busyTimeoutMs?: number;
  /** The schema steps; tests pass their own to exercise the runner. */
  readonly migrations?: readonly Migration[];
}

/**
 * Durability. WAL with synchronous=NORMAL: a commit is a write() into the WAL without fsync. It
 * survives the death of the process (SIGKILL, crash, closed laptop lid), since the OS already
 * holds the bytes; after a power cut or kernel panic the last commits since the previous
 * checkpoint may be lost, but the file stays consistent (https://sqlite.org/pragma.html#pragma_synchronous,
 * https://sqlite.org/wal.html). FULL would fsync every transition: on an old laptop's disk that
 * is milliseconds each, minutes over 50,000 items × 3 transitions.
 * Losing that tail is safe by the engine's protocol: hrefs are deterministic and every write is
 * conditional (If-None-Match: * to create, If-Match to update), so a transition lost with a
 * power cut comes back as a 412 on the next run, which the engine answers by looking at the
 * server — never as a second copy.
 *
 * Fewer fsyncs: in WAL mode with NORMAL, only checkpoints fsync. The default checkpoints every
 * 1,000 pages, about every 80 items of a run (each transition writes 2–4 pages); 10,000 pages
 * (a WAL of up to 40 MB, cut back to 16 MB after each checkpoint) make it every ~800 items,
 * which matters on an old laptop's disk. A 32 MB page cache keeps a 50,000-item run's indexes
 * in memory. Figures: measure-journal.ts.
 *
 * One process at a time. locking_mode=EXCLUSIVE keeps the file locked from the first write
 * until close(): a second Baluchon (the CLI while the app runs) gets `journal.locked` instead of
 * interleaving runs. It also means a run found `running` at open belonged to a dead process
 * (the OS releases the lock of a killed process). And no -shm file is made.
 */
const PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = NORMAL',
  'foreign_keys = ON',
  'wal_autocheckpoint = 10000',
  'journal_size_limit = 16777216',
  'cache_size = -32000',
] as const;

export function openJournal(options: OpenJournalOptions): Journal {
  const steps = options.migrations ?? allMigrations;
  const db = connect(options);
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    checkOurs(db, steps.length);
    for (const pragma of PRAGMAS) db.pragma(pragma);
    if (db.pragma('journal_mode', { simple: true }) !== 'wal') {
      throw new JournalError('journal.unavailable', { detail: 'wal' });
    }
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new JournalError('journal.corrupt', { check: String(check) });
    migrate(db, steps);
    return new Journal({ db, now: () => options.now().getTime() }, options.path);
  } catch (error) {
    db.close();
    throw translateSqliteError(error);
  }
}

function connect(options: OpenJournalOptions): Database {
  try {
    mkdirSync(dirname(options.path), { recursive: true });
    // The journal names people's events, contacts and files: readable by this user only.
    // SQLite gives its companion files (-wal) the permissions of the database file.
    closeSync(openSync(options.path, 'a', 0o600));
    return new Sqlite(options.path, {
      timeout: options.busyTimeoutMs ?? 2000,
      ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    });
  } catch (error) {
    const translated = translateSqliteError(error);
    if (translated !== error) throw translated;
    throw new JournalError('journal.unavailable', { path: options.path }, { cause: error });
  }
}

/** Reads only: a file that is not ours, or is newer than us, is left exactly as it was. */
function checkOurs(db: Database, latest: number): void {
  const version = userVersion(db);
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  if (version === 0 && applicationId === 0) {
    const objects = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
    if (objects > 0) throw new JournalError('journal.not-a-journal');
    return;
  }
  if (applicationId !== JOURNAL_APPLICATION_ID) throw new JournalError('journal.not-a-journal');
  if (version > latest) {
    throw new JournalError('journal.newer-version', { found: version, supported: latest });
  }
}
