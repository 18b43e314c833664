// Step 2: the kinds 'photos' and 'notes'. A journal made by version 1 (targets, runs in every
// state, collections, items in every state and outcome) is upgraded: every row comes back
// identical, the schema is version 1's but for the two kinds lists, and an interrupted upgrade
// leaves version 1 untouched.
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src/journal/migrate.ts';
import { initial } from '../../../src/journal/migrations/001-initial.ts';
import {
  photosNotes,
  photosNotesStatements,
} from '../../../src/journal/migrations/002-photos-notes.ts';
import { migrations } from '../../../src/journal/migrations/index.ts';
import type { Migration } from '../../../src/journal/migrations/migration.ts';
import type { Journal } from '../../../src/journal/journal.ts';
import type { CollectionId, RunId, Target } from '../../../src/journal/types.ts';
import { dupont, makeFixture, martin, startRun } from '../support/journal-fixture.ts';
import type { Fixture } from '../support/journal-fixture.ts';

const durand: Target = { server: 'https://autre.example.net/dav/', account: 'famille-durand' };
const leroy: Target = { server: 'https://autre.example.net/dav/', account: 'famille-leroy' };

const v1Kinds = `'calendars', 'tasks', 'contacts', 'files'`;
const v2Kinds = `'calendars', 'tasks', 'contacts', 'files', 'photos', 'notes'`;

let fixture: Fixture;

beforeEach(() => {
  fixture = makeFixture();
});

afterEach(() => {
  fixture.cleanup();
});

/** One item in each state of item-states.ts, in one collection, for one run. */
function itemsInEveryState(journal: Journal, runId: RunId, collectionId: CollectionId): void {
  const plan = (key: string, size: number | null = key.length) =>
    journal.planItem({
      runId,
      collectionId,
      sourceKey: `${collectionId}-${key}`,
      contentHash: `h-${key}`,
      label: `Élément « ${key} »`,
      size,
    }).itemId;
  const send = (key: string) => {
    const itemId = plan(key);
    journal.markSending(itemId, { href: `/dav/${collectionId}/${key}`, contentHash: `h-${key}` });
    return itemId;
  };
  plan('planned', null);
  journal.saveResume(send('sending'), { uploadId: 'u-1', chunks: [1, 2, 3] });
  journal.markSent(send('sent'), { etag: '"e-sent"' });
  const verified = send('verified');
  journal.markSent(verified, { etag: null });
  journal.markVerified([{ itemId: verified, etag: '"e-verified"' }]);
  journal.markFailed(send('failed'), { code: 'dav.forbidden', detail: '403 Forbidden' });
  journal.markSkipped(plan('skipped'), { code: 'files.too-large' });
  const missing = send('missing');
  journal.markSent(missing, { etag: '"e-missing"' });
  journal.markMissing(missing);
}

/** A version 1 journal with every run state, both collection states, every item state. */
function fillVersion1(journal: Journal): void {
  // dupont: run 1 interrupted, then abandoned when run 2 begins; run 2 takes its items over
  // (same hash: unchanged; new hash: updated) and finishes; run 3 is stopped.
  const first = startRun(journal, dupont, ['calendars', 'contacts', 'files', 'tasks']);
  for (const kind of ['calendars', 'contacts', 'files', 'tasks'] as const) {
    itemsInEveryState(journal, first.run.id, first.collectionOf(kind).id);
  }
  journal.endRun(first.run.id, { state: 'interrupted' });
  const second = startRun(journal, dupont, ['calendars']);
  const calendar = second.collection.id;
  const again = (key: string, hash: string) =>
    journal.planItem({
      runId: second.run.id,
      collectionId: calendar,
      sourceKey: `${calendar}-${key}`,
      contentHash: hash,
      label: `Élément « ${key} »`,
    });
  expect(again('sent', 'h-sent').action).toBe('unchanged');
  const update = again('verified', 'h-verified-2');
  expect(update.action).toBe('update');
  journal.markSending(update.itemId, {
    href: `/dav/${calendar}/verified`,
    contentHash: 'h-verified-2',
  });
  journal.markSent(update.itemId, { etag: '"e-verified-2"' });
  journal.endRun(second.run.id, { state: 'finished' });
  const third = startRun(journal, dupont, ['files']);
  journal.endRun(third.run.id, { state: 'stopped', code: 'dav.unauthorized' });

  // martin: a run Baluchon created collections for (one still `creating`), finished then undone;
  // then a cancelled one.
  const made = journal.beginRun({ target: martin, kinds: ['contacts', 'files'], sources: [] });
  const book = journal.saveCollection({
    target: martin,
    kind: 'contacts',
    sourceKey: 'google:contacts',
    href: '/dav/martin/contacts/',
    displayName: 'Contacts (importés de Google)',
    createdByUs: true,
    runId: made.id,
  });
  journal.markCollectionReady(book.id);
  const folder = journal.saveCollection({
    target: martin,
    kind: 'files',
    sourceKey: 'google:drive',
    href: '/remote.php/dav/files/martin/Google Drive/',
    displayName: 'Google Drive',
    createdByUs: true,
    runId: made.id,
  });
  itemsInEveryState(journal, made.id, book.id);
  itemsInEveryState(journal, made.id, folder.id);
  journal.endRun(made.id, { state: 'finished' });
  journal.markRunUndone(made.id);
  const cancelled = startRun(journal, martin, ['files']);
  journal.endRun(cancelled.run.id, { state: 'cancelled' });

  // durand: interrupted then resumed, running when the old Baluchon stopped. leroy: interrupted.
  const resumed = startRun(journal, durand, ['tasks']);
  itemsInEveryState(journal, resumed.run.id, resumed.collection.id);
  journal.endRun(resumed.run.id, { state: 'interrupted' });
  journal.resumeRun(resumed.run.id);
  const left = startRun(journal, leroy, ['calendars']);
  journal.endRun(left.run.id, { state: 'interrupted' });
}

/** A version 1 journal file at fixture.path, closed. */
function version1Journal(): void {
  const journal = fixture.open({ migrations: [initial] });
  fillVersion1(journal);
  journal.close();
}

const tables = ['targets', 'runs', 'collections', 'items'] as const;

/** Every row of every table, and the AUTOINCREMENT counters. */
function rowsOf(db: Sqlite.Database): Record<string, unknown[]> {
  const rows: Record<string, unknown[]> = Object.fromEntries(
    tables.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY id`).all()]),
  );
  rows.sqlite_sequence = db.prepare('SELECT * FROM sqlite_sequence ORDER BY name').all();
  return rows;
}

interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

function schemaOf(db: Sqlite.Database): SchemaObject[] {
  return db
    .prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name')
    .all() as SchemaObject[];
}

/** Reads the closed journal file as it is, without migrating it. */
function readFile<T>(read: (db: Sqlite.Database) => T): T {
  const db = new Sqlite(fixture.path, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/**
 * Inserts a collection of `collectionKind` and an item of `kind` in it with plain SQL, in a
 * transaction rolled back on failure: 'ok', or the code of SQLite's refusal.
 */
function insertOfKind(db: Sqlite.Database, kind: string, collectionKind = kind): string {
  const { target, run } = db
    .prepare('SELECT target_id AS target, id AS run FROM runs ORDER BY id LIMIT 1')
    .get() as { target: number; run: number };
  try {
    db.transaction(() => {
      const collection = db
        .prepare(
          `INSERT INTO collections (target_id, kind, source_key, href, display_name,
             created_by_us, state, run_id, created_at) VALUES (?, ?, ?, '/x/', 'x', 0, 'ready', ?, 0)`,
        )
        .run(target, collectionKind, `sql:${kind}`, run).lastInsertRowid;
      db.prepare(
        `INSERT INTO items (collection_id, target_id, kind, source_key, label, state,
           planned_hash, run_id, first_seen_at, updated_at)
           VALUES (?, ?, ?, 'k', 'k', 'planned', 'h', ?, 0, 0)`,
      ).run(collection, target, kind, run);
    })();
    return 'ok';
  } catch (error) {
    if (error instanceof Sqlite.SqliteError) return error.code;
    throw error;
  }
}

/** What openJournal does to an older file: foreign keys on, then the schema steps. */
function upgrade(steps: readonly Migration[] = migrations): void {
  const db = new Sqlite(fixture.path);
  try {
    db.pragma('foreign_keys = ON');
    migrate(db, steps);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  } finally {
    db.close();
  }
}

/** A connection to the journal file that enforces the links between rows, as the app's does. */
function withFile<T>(work: (db: Sqlite.Database) => T): T {
  const db = new Sqlite(fixture.path);
  try {
    db.pragma('foreign_keys = ON');
    return work(db);
  } finally {
    db.close();
  }
}

describe('002-photos-notes', () => {
  it('is step 2, the last one', () => {
    expect(photosNotes.version).toBe(2);
    expect(migrations.map((step) => step.name)).toEqual(['initial', 'photos-notes']);
  });

  it('the version 1 fixture holds every run state, collection state, item state and outcome', () => {
    version1Journal();
    const distinct = (sql: string) => readFile((db) => db.prepare(sql).pluck().all());
    expect(distinct('SELECT DISTINCT state FROM runs ORDER BY 1')).toEqual([
      'abandoned',
      'cancelled',
      'finished',
      'interrupted',
      'running',
      'stopped',
      'undone',
    ]);
    expect(distinct('SELECT DISTINCT state FROM collections ORDER BY 1')).toEqual([
      'creating',
      'ready',
    ]);
    expect(distinct('SELECT DISTINCT state FROM items ORDER BY 1')).toEqual([
      'failed',
      'missing',
      'planned',
      'sending',
      'sent',
      'skipped',
      'verified',
    ]);
    expect(distinct('SELECT DISTINCT outcome FROM items ORDER BY 1')).toEqual([
      null,
      'created',
      'failed',
      'skipped',
      'unchanged',
      'updated',
    ]);
    expect(distinct('SELECT DISTINCT kind FROM items ORDER BY 1')).toEqual([
      'calendars',
      'contacts',
      'files',
      'tasks',
    ]);
    expect(distinct('SELECT count(*) FROM items WHERE resume IS NOT NULL')).not.toEqual([0]);
  });

  it('version 1 refuses the new kinds (what this step is for)', () => {
    version1Journal();
    withFile((db) => {
      expect(insertOfKind(db, 'photos')).toBe('SQLITE_CONSTRAINT_CHECK');
      expect(insertOfKind(db, 'notes')).toBe('SQLITE_CONSTRAINT_CHECK');
      expect(insertOfKind(db, 'files')).toBe('ok');
    });
  });

  it('upgrades a version 1 journal keeping every row, every index and every constraint', () => {
    version1Journal();
    const before = readFile((db) => ({ rows: rowsOf(db), schema: schemaOf(db) }));
    upgrade();
    readFile((db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(2);
      expect(db.pragma('application_id', { simple: true })).toBe(0x42616c75);
      expect(rowsOf(db)).toEqual(before.rows);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // The same text but the kinds lists (one in each rebuilt table). Renaming new_X to X
      // makes SQLite write the table's name quoted: `CREATE TABLE "items" (`.
      const expected = before.schema.map((object) => ({
        ...object,
        sql: object.sql?.replaceAll(v1Kinds, v2Kinds) ?? null,
      }));
      const after = schemaOf(db).map((object) => ({
        ...object,
        sql: object.sql?.replace(/^CREATE TABLE "(\w+)"/, 'CREATE TABLE $1') ?? null,
      }));
      expect(after).toEqual(expected);
      expect(after.filter((object) => object.sql?.includes(v2Kinds)).map((o) => o.name)).toEqual([
        'collections',
        'items',
      ]);
      // SQLite renames the constraints' own indexes (UNIQUE) along with their table.
      expect(after.map((object) => object.name)).toEqual(
        expect.arrayContaining(['sqlite_autoindex_collections_1', 'sqlite_autoindex_items_1']),
      );
    });
  });

  it('opens as a working journal, where photos and notes go in and other kinds still do not', () => {
    version1Journal();
    const journal = fixture.open();
    const started = startRun(journal, durand, ['photos', 'notes']);
    const run = started.run;
    for (const kind of ['photos', 'notes'] as const) {
      const plan = journal.planItem({
        runId: run.id,
        collectionId: started.collectionOf(kind).id,
        sourceKey: `${kind}-1`,
        contentHash: 'h',
        label: kind,
      });
      expect(plan.action).toBe('create');
      expect(journal.getItem(plan.itemId).kind).toBe(kind);
    }
    expect(journal.runCounts(run.id).byKind.notes.found).toBe(1);
    journal.close();
    withFile((db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(2);
      expect(insertOfKind(db, 'photos')).toBe('ok');
      expect(insertOfKind(db, 'other')).toBe('SQLITE_CONSTRAINT_CHECK');
      expect(insertOfKind(db, 'other', 'photos')).toBe('SQLITE_CONSTRAINT_CHECK');
    });
  });

  it('the links between tables hold after the upgrade: forgetting a target cascades', () => {
    version1Journal();
    const martinItems = `SELECT count(*) FROM items JOIN targets ON targets.id = items.target_id
      WHERE targets.account = '${martin.account}'`;
    const count = (sql: string) => readFile((db) => db.prepare(sql).pluck().get() as number);
    const items = count('SELECT count(*) FROM items');
    const ofMartin = count(martinItems);
    expect(ofMartin).toBeGreaterThan(0);
    const journal = fixture.open();
    expect(journal.forgetTarget(martin)).toBe(true);
    journal.close();
    expect(count('SELECT count(*) FROM items')).toBe(items - ofMartin);
    expect(count(`SELECT count(*) FROM collections WHERE href LIKE '%martin%'`)).toBe(0);
  });

  it('an upgrade interrupted anywhere leaves version 1 exactly as it was', () => {
    version1Journal();
    const before = readFile((db) => ({ rows: rowsOf(db), schema: schemaOf(db) }));
    // The step's own statements, cut after 0, 1, … all of them (then the commit never comes).
    for (let done = 0; done <= photosNotesStatements.length; done += 1) {
      expect(() => {
        upgrade([initial, interruptedAfter(done)]);
      }).toThrow('power cut');
      readFile((db) => {
        expect(db.pragma('user_version', { simple: true })).toBe(1);
        expect(schemaOf(db)).toEqual(before.schema);
        expect(rowsOf(db)).toEqual(before.rows);
      });
    }
    upgrade();
    readFile((db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(2);
      expect(rowsOf(db)).toEqual(before.rows);
    });
  });

  it('refuses to run with foreign keys on, which would delete every item', () => {
    version1Journal();
    withFile((db) => {
      const items = () => db.prepare('SELECT count(*) FROM items').pluck().get() as number;
      const all = items();
      expect(all).toBeGreaterThan(0);
      expect(() => {
        db.transaction(() => {
          photosNotes.up(db);
        })();
      }).toThrow(/foreign keys off/);
      expect(items()).toBe(all);
      // Why the guard: the same statements with foreign keys on. DROP TABLE collections
      // deletes its rows first, and ON DELETE CASCADE takes the items with them.
      const lost = db.transaction(() => {
        for (const statement of photosNotesStatements) db.exec(statement);
        throw new RolledBack(items());
      });
      expect(leftAfter(lost)).toBe(0);
      expect(items()).toBe(all);
      expect(db.pragma('user_version', { simple: true })).toBe(1);
    });
  });
});

class RolledBack extends Error {
  constructor(readonly left: number) {
    super('rolled back');
  }
}

/** The count a transaction saw before throwing RolledBack (so SQLite rolled it back). */
function leftAfter(work: () => unknown): number {
  try {
    work();
  } catch (error) {
    if (error instanceof RolledBack) return error.left;
    throw error;
  }
  throw new Error('expected the transaction to be rolled back');
}

/** Step 2 itself, through a connection whose exec fails after `done` statements. */
function interruptedAfter(done: number): Migration {
  return {
    ...photosNotes,
    up(db) {
      let left = done;
      const cutting = new Proxy(db, {
        get(target, property) {
          if (property === 'exec') {
            return (sql: string) => {
              if (left === 0) throw new Error('power cut');
              left -= 1;
              return target.exec(sql);
            };
          }
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
        },
      });
      photosNotes.up(cutting);
      throw new Error('power cut');
    },
  };
}
