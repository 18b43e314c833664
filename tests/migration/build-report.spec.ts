// What a run says it did: what stayed at Google and why, per kind, and the one verdict the Done
// screen's headline, the saved report and the exit code of `migrate` all hang on.
import { describe, expect, it } from 'vitest';
import { nothing } from './support/kind-report.ts';
import type { MigrationReport } from '../../src/contract/migrate.ts';
import type { Run } from '../../src/journal/types.ts';
import { buildReport, isComplete, leftOf, verdictOf } from '../../src/migration/build-report.ts';
import type { MigrationOutcome } from '../../src/migration/run-migration.ts';

type Judged = Pick<
  MigrationReport,
  'state' | 'problems' | 'calendars' | 'tasks' | 'contacts' | 'files' | 'photos' | 'notes'
>;

function report(changes: Partial<Judged> = {}): Judged {
  return {
    state: 'finished',
    problems: [],
    calendars: { ...nothing, found: 10, created: 10, verified: 10 },
    tasks: { ...nothing },
    contacts: { ...nothing, found: 5, created: 4, unchanged: 1, verified: 5 },
    files: { ...nothing },
    photos: { ...nothing },
    notes: { ...nothing },
    ...changes,
  };
}

const problem = (code: string, params?: Record<string, number>) => ({
  code,
  where: 'Club (Google)',
  reason: '…',
  ...(params === undefined ? {} : { params }),
});

describe('verdictOf', () => {
  it('says everything when everything found is verified', () => {
    expect(verdictOf(report())).toBe('everything');
    expect(isComplete(report())).toBe(true);
  });

  it('says all that can when something of the export could not be read (named below)', () => {
    const broken = { code: 'takeout.keep-note-unreadable', where: 'Keep/Cassé.json', reason: '…' };
    expect(verdictOf(report({ problems: [broken] }))).toBe('all-that-can');
    const missing = { code: 'takeout.photo-missing', where: 'IMG_9999.jpg.json', reason: '…' };
    expect(verdictOf(report({ photos: { ...nothing, problems: [missing] } }))).toBe('all-that-can');
    // A photo whose JSON file is unreadable still arrived (undated): everything.
    const sidecar = { code: 'takeout.photo-sidecar-unreadable', where: 'IMG.json', reason: '…' };
    expect(verdictOf(report({ problems: [sidecar] }))).toBe('everything');
  });

  it('says everything when what is missing was left out by the family', () => {
    const files = {
      ...nothing,
      found: 16,
      left: [{ reason: 'not-chosen' as const, count: 16, bytes: 26_000_000 }],
    };
    expect(verdictOf(report({ files }))).toBe('everything');
  });

  it('says all that can when items that cannot move by nature are skipped and named', () => {
    const calendars = {
      ...nothing,
      found: 10,
      created: 9,
      skipped: 1,
      verified: 9,
      left: [{ reason: 'cannot-move' as const, count: 1, bytes: null }],
    };
    expect(verdictOf(report({ calendars }))).toBe('all-that-can');
    expect(isComplete(report({ calendars }))).toBe(true);
  });

  it('is incomplete when files stayed at Google for lack of a place, even with no problem listed', () => {
    const files = {
      ...nothing,
      found: 16,
      left: [{ reason: 'no-place' as const, count: 16, bytes: 26_000_000 }],
    };
    expect(verdictOf(report({ files }))).toBe('incomplete');
  });

  it('is incomplete with failed, refused or unsent items', () => {
    for (const reason of ['failed', 'refused', 'not-sent'] as const) {
      const calendars = { ...nothing, found: 10, left: [{ reason, count: 1, bytes: null }] };
      expect(verdictOf(report({ calendars }))).toBe('incomplete');
    }
  });

  it('is incomplete when the run was stopped or cancelled', () => {
    expect(verdictOf(report({ state: 'stopped' }))).toBe('incomplete');
    expect(verdictOf(report({ state: 'cancelled' }))).toBe('incomplete');
  });

  it('is incomplete when a kind had no place on the account, or a calendar was refused', () => {
    const files = { ...nothing, problems: [problem('migration.no-files-here')] };
    expect(isComplete(report({ files }))).toBe(false);
    const calendars = {
      ...report().calendars,
      problems: [problem('migration.collection-refused')],
    };
    expect(isComplete(report({ calendars }))).toBe(false);
  });
});

describe('leftOf', () => {
  it('names what failed, what was missing at the read-back and what the run did not reach', () => {
    const counts = {
      ...nothing,
      found: 20,
      created: 15,
      failed: 2,
      missing: 1,
      verified: 14,
      skipped: 1,
    };
    expect(leftOf(counts, [], 0)).toEqual([
      { reason: 'failed', count: 3, bytes: null },
      { reason: 'not-sent', count: 2, bytes: null },
      { reason: 'cannot-move', count: 1, bytes: null },
    ]);
  });

  it('is empty when everything found is verified', () => {
    expect(leftOf({ ...nothing, found: 3, created: 3, verified: 3 }, [], 0)).toEqual([]);
  });
});

describe('buildReport', () => {
  const zero = {
    found: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    failed: 0,
    verified: 0,
    missing: 0,
    bytes: 0,
  };
  const counts = (changes: Partial<typeof zero> = {}) => ({ ...zero, ...changes });
  const outcome = (changes: Partial<MigrationOutcome> = {}): MigrationOutcome => ({
    run: { id: 7 } as unknown as Run,
    source: { kind: 'takeout', name: 'takeout-20261126T100000Z-001.zip' },
    state: 'finished',
    counts: {
      calendars: counts({ found: 4, created: 4, verified: 4 }),
      tasks: counts(),
      contacts: counts({ found: 2, created: 2, verified: 2 }),
      files: counts(),
      photos: counts(),
      notes: counts(),
    },
    collections: [],
    birthdaysLeftOut: false,
    holidayFeeds: null,
    documents: null,
    photoFacts: null,
    noteFacts: null,
    stop: null,
    leftWhole: { calendars: [], tasks: [], contacts: [], files: [], photos: [], notes: [] },
    startedAt: new Date('2026-11-26T10:00:00Z'),
    endedAt: new Date('2026-11-26T10:05:00Z'),
    ...changes,
  });
  const noProblems = {
    byKind: { calendars: [], tasks: [], contacts: [], files: [], photos: [], notes: [] },
    run: [],
  };
  const anne = { server: 'https://agenda.example.org/', username: 'anne' };

  it('counts the Drive files of a calendar-only account as found and left for lack of a place', () => {
    const built = buildReport(
      outcome({
        leftWhole: {
          calendars: [],
          tasks: [],
          contacts: [],
          files: [{ reason: 'no-place', count: 16, bytes: 26_000_000 }],
          photos: [],
          notes: [],
        },
      }),
      noProblems,
      anne,
      null,
    );
    expect(built.files.found).toBe(16);
    expect(built.files.left).toEqual([{ reason: 'no-place', count: 16, bytes: 26_000_000 }]);
    expect(built.verdict).toBe('incomplete');
    expect(built.complete).toBe(false);
    expect(built.filesServer).toBeNull();
  });

  it('counts the items of a refused calendar as found and left', () => {
    const byKind = {
      ...noProblems.byKind,
      calendars: [problem('migration.collection-refused', { count: 3 })],
    };
    const built = buildReport(outcome(), { byKind, run: [] }, anne, null);
    expect(built.calendars.found).toBe(7);
    expect(built.calendars.left).toEqual([{ reason: 'refused', count: 3, bytes: null }]);
    expect(built.verdict).toBe('incomplete');
  });

  it('says where the data came from', () => {
    expect(buildReport(outcome(), noProblems, anne, null).source).toEqual({
      kind: 'takeout',
      name: 'takeout-20261126T100000Z-001.zip',
    });
    const source = { kind: 'dav', name: 'https://old.example.org/ (camille)' } as const;
    expect(buildReport(outcome({ source }), noProblems, anne, null).source).toEqual(source);
  });

  it('names the files account beside the main one', () => {
    const built = buildReport(outcome(), noProblems, anne, null, {
      server: 'https://fichiers.example.org/',
      username: 'anne.f',
    });
    expect(built).toMatchObject({
      server: 'https://agenda.example.org/',
      account: 'anne',
      filesServer: 'https://fichiers.example.org/',
      filesAccount: 'anne.f',
      verdict: 'everything',
      complete: true,
    });
  });
});
