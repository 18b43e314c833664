// Collections, and the promise that nothing can be recorded twice: tried through the API and
// straight at the schema, which refuses duplicates whatever code writes to it.
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Journal } from '../../src/journal/journal.ts';
import type { CollectionId, RunId } from '../../src/journal/types.ts';
import { journalErrorOf } from './support/journal-error-of.ts';
import { dupont, makeFixture, martin, startRun } from './support/journal-fixture.ts';
import type { Fixture } from './support/journal-fixture.ts';

let fixture: Fixture;
let journal: Journal;

beforeEach(() => {
  fixture = makeFixture();
  journal = fixture.open();
});

afterEach(() => {
  fixture.cleanup();
});

const agenda = (runId: RunId) => ({
  target: dupont,
  kind: 'calendars' as const,
  sourceKey: 'Agenda/Famille.ics',
  href: '/remote.php/dav/calendars/famille-dupont/famille-importe-de-google/',
  displayName: 'Famille (importé de Google)',
  createdByUs: true,
  runId,
});

/** Raw access to the file, as any other code could write to it (the journal must be closed). */
function raw<T>(work: (db: Sqlite.Database) => T): T {
  journal.close();
  const db = new Sqlite(fixture.path);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

describe('collections', () => {
  it('a collection Baluchon creates is `creating` until the server confirms it', () => {
    const run = journal.beginRun({ target: dupont, kinds: ['calendars'], sources: [] });
    const saved = journal.saveCollection(agenda(run.id));
    expect(saved).toMatchObject({
      state: 'creating',
      createdByUs: true,
      runId: run.id,
      target: dupont,
    });
    // Interrupted before the confirmation: the next run finds it, checks the server, confirms.
    journal.close();
    journal = fixture.open();
    const found = journal.findCollection(dupont, 'calendars', 'Agenda/Famille.ics');
    expect(found).toEqual(saved);
    const again = journal.beginRun({ target: dupont, kinds: ['calendars'], sources: [] });
    expect(again.id).not.toBe(run.id);
    expect(journal.markCollectionReady(saved.id).state).toBe('ready');
    expect(journalErrorOf(() => journal.markCollectionReady(saved.id)).code).toBe(
      'journal.illegal-transition',
    );
  });

  it('an existing collection the user picked is ready at once, and never ours to delete', () => {
    const run = journal.beginRun({ target: dupont, kinds: ['contacts'], sources: [] });
    const picked = journal.saveCollection({
      target: dupont,
      kind: 'contacts',
      sourceKey: 'Contacts',
      href: '/remote.php/dav/addressbooks/users/famille-dupont/contacts/',
      displayName: 'Contacts',
      createdByUs: false,
      runId: run.id,
    });
    expect(picked.state).toBe('ready');
    expect(journal.createdBy({ runId: run.id }).collections).toEqual([]);
  });

  it('lookups are per target: the same source key for two families is two collections', () => {
    const a = journal.beginRun({ target: dupont, kinds: ['calendars'], sources: [] });
    const b = journal.beginRun({ target: martin, kinds: ['calendars'], sources: [] });
    const ours = journal.saveCollection(agenda(a.id));
    const theirs = journal.saveCollection({ ...agenda(b.id), target: martin });
    expect(ours.id).not.toBe(theirs.id);
    expect(journal.findCollection(martin, 'calendars', 'Agenda/Famille.ics')?.id).toBe(theirs.id);
    expect(journal.findCollection(dupont, 'tasks', 'Agenda/Famille.ics')).toBeUndefined();
    expect(journal.collections(dupont).map((c) => c.id)).toEqual([ours.id]);
  });

  it('refuses a run that is not running or belongs to another target', () => {
    const run = journal.beginRun({ target: dupont, kinds: ['calendars'], sources: [] });
    expect(
      journalErrorOf(() => journal.saveCollection({ ...agenda(run.id), target: martin })).details,
    ).toMatchObject({
      what: 'run-for-target',
    });
    journal.endRun(run.id, { state: 'finished' });
    expect(journalErrorOf(() => journal.saveCollection(agenda(run.id))).code).toBe(
      'journal.illegal-transition',
    );
    expect(journalErrorOf(() => journal.saveCollection(agenda(77 as RunId))).code).toBe(
      'journal.not-found',
    );
    expect(journal.collections(dupont)).toEqual([]);
    expect(journalErrorOf(() => journal.getCollection(77 as CollectionId)).code).toBe(
      'journal.not-found',
    );
  });
});

describe('nothing is ever recorded twice', () => {
  it('saving the same collection twice is refused, whatever href or name', () => {
    const run = journal.beginRun({ target: dupont, kinds: ['calendars'], sources: [] });
    journal.saveCollection(agenda(run.id));
    const error = journalErrorOf(() =>
      journal.saveCollection({
        ...agenda(run.id),
        href: '/other/',
        displayName: 'Autre',
        createdByUs: false,
      }),
    );
    expect(error.code).toBe('journal.duplicate');
    expect(error.details).toMatchObject({ what: 'collection', sourceKey: 'Agenda/Famille.ics' });
    expect(journal.collections(dupont)).toHaveLength(1);
  });

  it('planning the same item twice gives the same row', () => {
    const { run, collection } = startRun(journal);
    const input = {
      runId: run.id,
      collectionId: collection.id,
      sourceKey: 'uid-1',
      contentHash: 'h',
      label: 'Anniversaire',
    };
    const first = journal.planItem(input);
    const second = journal.planItem(input);
    expect(second.itemId).toBe(first.itemId);
    expect(journal.collectionItems(collection.id)).toHaveLength(1);
  });

  it('two items can never be sent to the same href of an account', () => {
    const { run, collection } = startRun(journal, dupont, ['contacts']);
    const plan = (key: string) =>
      journal.planItem({
        runId: run.id,
        collectionId: collection.id,
        sourceKey: key,
        contentHash: 'h',
        label: key,
      }).itemId;
    const a = plan('a');
    const b = plan('b');
    journal.markSending(a, { href: '/card/same.vcf', contentHash: 'h' });
    const error = journalErrorOf(() => {
      journal.markSending(b, { href: '/card/same.vcf', contentHash: 'h' });
    });
    expect(error.code).toBe('journal.duplicate');
    expect(error.details).toMatchObject({ what: 'href', item: b });
    expect(journal.getItem(b).state).toBe('planned');
  });

  it('the schema itself refuses duplicate targets, collections, items and running runs', () => {
    const { run, collection } = startRun(journal);
    const { itemId } = journal.planItem({
      runId: run.id,
      collectionId: collection.id,
      sourceKey: 'uid-1',
      contentHash: 'h',
      label: 'x',
    });
    journal.markSending(itemId, { href: '/a.ics', contentHash: 'h' });

    const failures = raw((db) => {
      const attempt = (sql: string): string | undefined => {
        try {
          db.exec(sql);
          return undefined;
        } catch (error) {
          return error instanceof Sqlite.SqliteError ? error.code : String(error);
        }
      };
      return {
        target: attempt(
          `INSERT INTO targets (server, account, created_at) SELECT server, account, 0 FROM targets`,
        ),
        collection: attempt(
          `INSERT INTO collections (target_id, kind, source_key, href, display_name, created_by_us, state, run_id, created_at)
           SELECT target_id, kind, source_key, href || 'x', display_name, created_by_us, state, run_id, 0 FROM collections`,
        ),
        item: attempt(
          `INSERT INTO items (collection_id, target_id, kind, source_key, label, state, planned_hash, run_id, first_seen_at, updated_at)
           SELECT collection_id, target_id, kind, source_key, label, 'planned', 'h', run_id, 0, 0 FROM items`,
        ),
        href: attempt(
          `INSERT INTO items (collection_id, target_id, kind, source_key, label, state, planned_hash, attempt_hash, href, run_id, first_seen_at, updated_at)
           SELECT collection_id, target_id, kind, 'uid-2', label, 'sending', 'h', 'h', href, run_id, 0, 0 FROM items`,
        ),
        running: attempt(
          `INSERT INTO runs (target_id, kinds, sources, state, started_at) SELECT target_id, '[]', '[]', 'running', 0 FROM runs`,
        ),
        counts: db
          .prepare(
            'SELECT (SELECT count(*) FROM targets) || (SELECT count(*) FROM collections) || (SELECT count(*) FROM items) || (SELECT count(*) FROM runs)',
          )
          .pluck()
          .get(),
      };
    });
    expect(failures).toEqual({
      target: 'SQLITE_CONSTRAINT_UNIQUE',
      collection: 'SQLITE_CONSTRAINT_UNIQUE',
      item: 'SQLITE_CONSTRAINT_UNIQUE',
      href: 'SQLITE_CONSTRAINT_UNIQUE',
      running: 'SQLITE_CONSTRAINT_UNIQUE',
      counts: '1111',
    });
  });

  it('the schema refuses half-written items (the invariants of item-states.ts)', () => {
    const { run, collection } = startRun(journal);
    journal.planItem({
      runId: run.id,
      collectionId: collection.id,
      sourceKey: 'uid-1',
      contentHash: 'h',
      label: 'x',
    });
    const results = raw((db) =>
      [
        // sent without knowing what the server holds
        `UPDATE items SET state = 'sent', href = '/a.ics'`,
        // in flight without a destination
        `UPDATE items SET state = 'sending', attempt_hash = 'h'`,
        // failed without a reason
        `UPDATE items SET state = 'failed'`,
        // counted as created while not on the server
        `UPDATE items SET outcome = 'created'`,
        // a state that does not exist
        `UPDATE items SET state = 'lost'`,
      ].map((sql) => {
        try {
          db.exec(sql);
          return 'accepted';
        } catch (error) {
          return error instanceof Sqlite.SqliteError ? error.code : String(error);
        }
      }),
    );
    expect(results).toEqual(Array(5).fill('SQLITE_CONSTRAINT_CHECK'));
  });
});
