// Opening: what is not ours, newer than us, damaged or in use is refused with its own code, and
// left exactly as it was.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalFiles } from '../../src/journal/journal-files.ts';
import { LATEST_VERSION } from '../../src/journal/migrations/index.ts';
import { journalErrorOf } from './support/journal-error-of.ts';
import { dupont, makeFixture, startRun } from './support/journal-fixture.ts';
import type { Fixture } from './support/journal-fixture.ts';

let fixture: Fixture;

beforeEach(() => {
  fixture = makeFixture();
});

afterEach(() => {
  fixture.cleanup();
});

/** A fingerprint of every file the journal has on disk. */
function fingerprint(path: string): string[] {
  return journalFiles(path).map((file) =>
    existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : '-',
  );
}

function withRaw(work: (db: Sqlite.Database) => void): void {
  const db = new Sqlite(fixture.path);
  try {
    work(db);
  } finally {
    db.close();
  }
}

/** A journal with a little of everything in it, closed. */
function filledJournal(): void {
  const journal = fixture.open();
  const { run, collection } = startRun(journal);
  for (let i = 0; i < 200; i++) {
    journal.planItem({
      runId: run.id,
      collectionId: collection.id,
      sourceKey: `uid-${i}`,
      contentHash: 'h',
      label: `Event ${i}`,
    });
  }
  journal.close();
}

describe('openJournal', () => {
  it('creates the data folder and a journal readable by its user only, in WAL mode', () => {
    const path = join(fixture.dir, 'nested', 'Baluchon', 'journal.sqlite');
    const journal = fixture.open({ path });
    expect(journal.path).toBe(path);
    expect(journal.interruptedAtOpen).toBe(0);
    journal.close();
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    const db = new Sqlite(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(0x42616c75);
    db.close();
  });

  it('accepts an empty file (0 bytes) as a new journal', () => {
    writeFileSync(fixture.path, '');
    const journal = fixture.open();
    expect(startRun(journal).run.state).toBe('running');
  });

  it('refuses a journal written by a newer Baluchon, without changing a byte', () => {
    filledJournal();
    withRaw((db) => db.pragma(`user_version = ${LATEST_VERSION + 1}`));
    const before = fingerprint(fixture.path);
    const error = journalErrorOf(() => fixture.open());
    expect(error.code).toBe('journal.newer-version');
    expect(error.details).toEqual({ found: LATEST_VERSION + 1, supported: LATEST_VERSION });
    expect(fingerprint(fixture.path)).toEqual(before);
  });

  it('refuses another application’s database, without changing a byte', () => {
    withRaw((db) => db.exec('CREATE TABLE recipes (name TEXT)'));
    const before = fingerprint(fixture.path);
    expect(journalErrorOf(() => fixture.open()).code).toBe('journal.not-a-journal');
    expect(fingerprint(fixture.path)).toEqual(before);

    withRaw((db) => {
      db.pragma('application_id = 1');
      db.pragma('user_version = 1');
    });
    expect(journalErrorOf(() => fixture.open()).code).toBe('journal.not-a-journal');
  });

  it('refuses a file that is not a database', () => {
    writeFileSync(fixture.path, 'PK\u0003\u0004 this is a zip file, not a journal'.repeat(200));
    const before = fingerprint(fixture.path);
    expect(journalErrorOf(() => fixture.open()).code).toBe('journal.corrupt');
    expect(fingerprint(fixture.path)).toEqual(before);
  });

  it('refuses a journal with a damaged page', () => {
    filledJournal();
    const bytes = readFileSync(fixture.path);
    expect(bytes.length).toBeGreaterThan(4 * 4096);
    // Scribble over the middle of the items table's pages (page 1 holds the header and schema).
    bytes.fill(0x5a, 2 * 4096 + 16, 4 * 4096 - 16);
    writeFileSync(fixture.path, bytes);
    expect(journalErrorOf(() => fixture.open()).code).toBe('journal.corrupt');
  });

  it('refuses a second opener while the journal is open, then lets it in', () => {
    const first = fixture.open();
    startRun(first);
    expect(journalErrorOf(() => fixture.open()).code).toBe('journal.locked');
    // The refused opener did not take the run from the first.
    expect(first.runs(dupont)[0]?.state).toBe('running');
    first.close();
    const second = fixture.open();
    expect(second.runs(dupont)[0]?.state).toBe('interrupted');
  });

  it('loads the native addon it is given (Electron passes its own build)', () => {
    const require = createRequire(import.meta.url);
    const addon = join(
      dirname(require.resolve('better-sqlite3/package.json')),
      'build',
      'Release',
      'better_sqlite3.node',
    );
    fixture.open({ nativeBinding: addon }).close();
    const error = journalErrorOf(() =>
      fixture.open({ nativeBinding: join(fixture.dir, 'missing.node') }),
    );
    expect(error.code).toBe('journal.unavailable');
  });
});
