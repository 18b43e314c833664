// Step 2: the kinds 'photos' and 'notes' (issue 14). SQLite cannot change a CHECK constraint in
// place, so `collections` and `items` are rebuilt by SQLite's generalized ALTER TABLE procedure
// (https://sqlite.org/lang_altertable.html#otheralter): create new_X with the new CHECK, copy
// every row, drop X, rename new_X to X, create X's indexes again. The runner (migrate.ts) does
// the steps around it: foreign keys off before the transaction, `PRAGMA foreign_key_check`
// before the commit, the new user_version in the same transaction.
//
// Everything else is exactly version 1's text (001-initial.ts): same columns in the same order,
// same constraints, same comments, same indexes; only the two kinds lists grow.
import type { Migration } from './migration.ts';

const kinds = `'calendars', 'tasks', 'contacts', 'files', 'photos', 'notes'`;

const collectionColumns =
  'id, target_id, kind, source_key, href, display_name, created_by_us, state, run_id, created_at';

const itemColumns = `id, collection_id, target_id, kind, source_key, label, size, state, outcome,
  planned_hash, attempt_hash, content_hash, href, etag, problem_code, problem_detail, attempts,
  run_id, created_run_id, resume, first_seen_at, updated_at, sent_at, verified_at`;

/**
 * One statement per entry, run in order: a test interrupts the step between any two of them.
 * Nothing refers to new_collections or new_items, so renaming them rewrites no other table;
 * the references of items to `collections` are names, and find the new table once renamed.
 */
export const photosNotesStatements: readonly string[] = [
  `CREATE TABLE new_collections (
        id INTEGER PRIMARY KEY,
        target_id INTEGER NOT NULL REFERENCES targets (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN (${kinds})),
        source_key TEXT NOT NULL,
        href TEXT NOT NULL,
        display_name TEXT NOT NULL,
        created_by_us INTEGER NOT NULL CHECK (created_by_us IN (0, 1)),
        state TEXT NOT NULL CHECK (state IN ('creating', 'ready')),
        run_id INTEGER NOT NULL REFERENCES runs (id),
        created_at INTEGER NOT NULL,
        -- A collection is never created twice for the same source.
        UNIQUE (target_id, kind, source_key),
        CHECK (state = 'ready' OR created_by_us = 1)
      ) STRICT`,
  `INSERT INTO new_collections (${collectionColumns})
     SELECT ${collectionColumns} FROM collections`,
  `DROP TABLE collections`,
  `ALTER TABLE new_collections RENAME TO collections`,
  `CREATE INDEX collections_by_run ON collections (run_id)`,

  `CREATE TABLE new_items (
        id INTEGER PRIMARY KEY,
        collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
        -- Copied from the collection on insert: counts per target and kind without a join, and
        -- the (target, href) uniqueness below.
        target_id INTEGER NOT NULL REFERENCES targets (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN (${kinds})),
        source_key TEXT NOT NULL,
        label TEXT NOT NULL,
        size INTEGER,
        state TEXT NOT NULL CHECK (state IN ('planned', 'sending', 'sent', 'verified', 'failed',
          'skipped', 'missing')),
        outcome TEXT CHECK (outcome IN ('created', 'updated', 'unchanged', 'failed', 'skipped')),
        planned_hash TEXT NOT NULL,
        attempt_hash TEXT,
        content_hash TEXT,
        href TEXT,
        etag TEXT,
        problem_code TEXT,
        problem_detail TEXT,
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        run_id INTEGER NOT NULL REFERENCES runs (id),
        created_run_id INTEGER REFERENCES runs (id),
        resume TEXT CHECK (resume IS NULL OR json_valid(resume)),
        first_seen_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        sent_at INTEGER,
        verified_at INTEGER,
        -- One row per source item and collection (and one item per server resource: see
        -- items_unique_href below).
        UNIQUE (collection_id, source_key),
        CHECK (state <> 'planned' OR (href IS NULL AND content_hash IS NULL
          AND attempt_hash IS NULL)),
        CHECK (state <> 'sending' OR (href IS NOT NULL AND attempt_hash IS NOT NULL
          AND outcome IS NULL)),
        CHECK (state NOT IN ('sent', 'verified') OR (href IS NOT NULL
          AND content_hash IS NOT NULL)),
        CHECK (state NOT IN ('failed', 'skipped') OR problem_code IS NOT NULL),
        CHECK (state <> 'missing' OR content_hash IS NULL),
        CHECK (outcome NOT IN ('created', 'updated', 'unchanged')
          OR state IN ('sent', 'verified', 'missing')),
        CHECK (outcome <> 'failed' OR state = 'failed'),
        CHECK (outcome <> 'skipped' OR state = 'skipped')
      ) STRICT`,
  `INSERT INTO new_items (${itemColumns})
     SELECT ${itemColumns} FROM items`,
  `DROP TABLE items`,
  `ALTER TABLE new_items RENAME TO items`,
  `CREATE UNIQUE INDEX items_unique_href ON items (target_id, href) WHERE href IS NOT NULL`,
  `CREATE INDEX items_by_created_run ON items (created_run_id)
        WHERE created_run_id IS NOT NULL`,
  `CREATE INDEX items_by_run ON items (run_id, kind, outcome, state)`,
];

export const photosNotes: Migration = {
  version: 2,
  name: 'photos-notes',
  up(db) {
    // With foreign keys on, DROP TABLE collections first deletes its rows, and ON DELETE
    // CASCADE would take every item with them (https://sqlite.org/foreignkeys.html#fk_schemacommands).
    // The pragma cannot be changed inside the step's transaction: refuse rather than lose data.
    if (db.pragma('foreign_keys', { simple: true }) !== 0) {
      throw new Error('migration photos-notes needs foreign keys off (see migrate.ts)');
    }
    for (const statement of photosNotesStatements) db.exec(statement);
  },
};
