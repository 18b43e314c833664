// The first schema: targets, runs, collections, items. The CHECK constraints restate the
// invariants of the state machines (item-states.ts, run-states.ts as of this version), so that
// a half-written row can never exist, whatever the code that writes it.
import type { Migration } from './migration.ts';
import { JOURNAL_APPLICATION_ID } from './migration.ts';

const kinds = `'calendars', 'tasks', 'contacts', 'files'`;

export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.pragma(`application_id = ${JOURNAL_APPLICATION_ID}`);
    db.exec(`
      -- Where things go: one account on one server. Everything else hangs off it, so forgetting
      -- a family is one DELETE (ON DELETE CASCADE).
      CREATE TABLE targets (
        id INTEGER PRIMARY KEY,
        server TEXT NOT NULL,
        account TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (server, account)
      ) STRICT;

      -- AUTOINCREMENT: a run id written in a saved report never comes back for another family.
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        target_id INTEGER NOT NULL REFERENCES targets (id) ON DELETE CASCADE,
        kinds TEXT NOT NULL CHECK (json_valid(kinds)),
        sources TEXT NOT NULL CHECK (json_valid(sources)),
        state TEXT NOT NULL CHECK (state IN ('running', 'interrupted', 'stopped', 'cancelled',
          'finished', 'abandoned', 'undone')),
        stop_code TEXT,
        started_at INTEGER NOT NULL,
        resumed_at INTEGER,
        resume_count INTEGER NOT NULL DEFAULT 0,
        ended_at INTEGER,
        -- The run's counts when it last ended (JSON): its report, kept after later runs have
        -- taken its items over.
        summary TEXT CHECK (summary IS NULL OR json_valid(summary)),
        CHECK (state <> 'stopped' OR stop_code IS NOT NULL),
        CHECK (state <> 'running' OR ended_at IS NULL)
      ) STRICT;
      CREATE INDEX runs_by_target ON runs (target_id);
      -- One running run per target: two engines can never interleave on one account.
      CREATE UNIQUE INDEX runs_one_running_per_target ON runs (target_id) WHERE state = 'running';

      CREATE TABLE collections (
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
      ) STRICT;
      CREATE INDEX collections_by_run ON collections (run_id);

      CREATE TABLE items (
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
      ) STRICT;
      -- Two source items written to the same href would overwrite each other. Partial, like
      -- the next one: rows without a value cost no index write (every commit counts, see
      -- measure-journal.ts).
      CREATE UNIQUE INDEX items_unique_href ON items (target_id, href) WHERE href IS NOT NULL;
      CREATE INDEX items_by_created_run ON items (created_run_id)
        WHERE created_run_id IS NOT NULL;
      -- Progress and report counts of a run read this index only.
      CREATE INDEX items_by_run ON items (run_id, kind, outcome, state);
    `);
  },
};
