// Step 1: from nothing (a new or empty file, version 0) to the first schema. The expected
// schema is written out here: a released step must never change.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJournal } from '../../../src/journal/open-journal.ts';
import { initial } from '../../../src/journal/migrations/001-initial.ts';
import { journalAtVersion } from '../support/journal-at-version.ts';

let dir: string;
let path: string;
let db: Sqlite.Database | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-001-'));
  path = join(dir, 'journal.sqlite');
});

afterEach(() => {
  db?.close();
  db = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const expectedColumns = {
  targets: ['id', 'server', 'account', 'created_at'],
  runs: [
    'id',
    'target_id',
    'kinds',
    'sources',
    'state',
    'stop_code',
    'started_at',
    'resumed_at',
    'resume_count',
    'ended_at',
    'summary',
  ],
  collections: [
    'id',
    'target_id',
    'kind',
    'source_key',
    'href',
    'display_name',
    'created_by_us',
    'state',
    'run_id',
    'created_at',
  ],
  items: [
    'id',
    'collection_id',
    'target_id',
    'kind',
    'source_key',
    'label',
    'size',
    'state',
    'outcome',
    'planned_hash',
    'attempt_hash',
    'content_hash',
    'href',
    'etag',
    'problem_code',
    'problem_detail',
    'attempts',
    'run_id',
    'created_run_id',
    'resume',
    'first_seen_at',
    'updated_at',
    'sent_at',
    'verified_at',
  ],
};

describe('001-initial', () => {
  it('is step 1', () => {
    expect(initial.version).toBe(1);
  });

  it('creates the first schema from version 0', () => {
    db = journalAtVersion(path, 0);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    db.close();
    db = journalAtVersion(path, 1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(0x42616c75);
    const open = db;
    const columns = Object.fromEntries(
      Object.keys(expectedColumns).map((table) => [
        table,
        (open.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name),
      ]),
    );
    expect(columns).toEqual(expectedColumns);
    const indexes = db
      .prepare(
        `SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`,
      )
      .pluck()
      .all();
    expect(indexes).toEqual([
      'collections_by_run',
      'items_by_created_run',
      'items_by_run',
      'items_unique_href',
      'runs_by_target',
      'runs_one_running_per_target',
    ]);
    const strict = db
      .prepare(`SELECT name FROM pragma_table_list WHERE strict = 1 ORDER BY name`)
      .pluck()
      .all();
    expect(strict).toEqual(['collections', 'items', 'runs', 'targets']);
  });

  it('a journal at version 0 opens as a working journal', () => {
    db = journalAtVersion(path, 0);
    db.close();
    db = undefined;
    const journal = openJournal({ path, now: () => new Date(0) });
    try {
      const run = journal.beginRun({
        target: { server: 'https://x/', account: 'y' },
        kinds: ['files'],
        sources: [],
      });
      expect(journal.getRun(run.id).state).toBe('running');
    } finally {
      journal.close();
    }
  });
});
