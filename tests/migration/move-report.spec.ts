// The report of one move, gathered in one place: each problem worded once in the family's
// language and kept under its kind, the stop's reason worded, the report saved beside the journal.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Account } from '../../src/contract/connect.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import type { Run } from '../../src/journal/types.ts';
import type { MigrationOutcome } from '../../src/migration/migration-types.ts';
import { moveReport } from '../../src/migration/move-report.ts';
import { StopRun } from '../../src/migration/sync-items.ts';
import { DavError } from '../../src/dav/dav-error.ts';

const zero = { found: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 };
const counts = (found: number, failed = 0) => ({
  ...zero,
  found,
  created: found - failed,
  failed,
  verified: found - failed,
  missing: 0,
  bytes: 0,
});
const outcome = (changes: Partial<MigrationOutcome> = {}): MigrationOutcome => ({
  run: { id: 3 } as unknown as Run,
  source: { kind: 'dav', name: 'https://ancien.example.org/ (anne)' },
  state: 'finished',
  counts: {
    calendars: counts(3, 1),
    tasks: counts(0),
    contacts: counts(2),
    files: counts(0),
    photos: counts(0),
    notes: counts(0),
  },
  collections: [],
  birthdaysLeftOut: false,
  holidayFeeds: null,
  documents: null,
  photoFacts: null,
  noteFacts: null,
  stop: null,
  leftWhole: { calendars: [], tasks: [], contacts: [], files: [], photos: [], notes: [] },
  startedAt: new Date('2026-12-03T08:00:00Z'),
  endedAt: new Date('2026-12-03T08:02:00Z'),
  ...changes,
});
const anne: Account = {
  accountId: 'nouveau-anne',
  server: 'https://nouveau.example.org/',
  username: 'anne',
  software: 'radicale',
  principal: null,
  calendarHome: 'https://nouveau.example.org/anne/',
  addressbookHome: 'https://nouveau.example.org/anne/',
  filesRoot: null,
  quota: null,
};

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('moveReport', () => {
  it('words each problem once, keeps it under its kind, and saves the report', async () => {
    dir = mkdtempSync(join(tmpdir(), 'baluchon-move-report-'));
    const report = moveReport({
      t: createI18n('fr').t,
      language: 'fr',
      reportsDir: join(dir, 'r'),
    });
    const worded = report.problem('calendars', {
      code: 'dav.conflict',
      where: 'Famille/réunion.ics',
    });
    expect(worded.reason).not.toBe('');
    expect(worded.reason).not.toContain('dav.conflict');
    report.problem(null, {
      code: 'migration.no-files-here',
      where: 'https://nouveau.example.org/',
    });

    const done = await report.finish(outcome(), { account: anne, filesAccount: null });
    expect(done.calendars.problems).toEqual([worded]);
    expect(done.contacts.problems).toEqual([]);
    expect(done.problems.map((problem) => problem.code)).toEqual(['migration.no-files-here']);
    expect(done.source).toEqual({ kind: 'dav', name: 'https://ancien.example.org/ (anne)' });
    expect(existsSync(done.reportFile)).toBe(true);
    expect(done.reportFile.startsWith(join(dir, 'r'))).toBe(true);
  });

  it('says why a stopped move stopped, in the family’s language', async () => {
    dir = mkdtempSync(join(tmpdir(), 'baluchon-move-report-'));
    const report = moveReport({ t: createI18n('en').t, language: 'en', reportsDir: dir });
    const done = await report.finish(
      outcome({
        state: 'stopped',
        stop: new StopRun(
          new DavError('dav.server-full', {
            method: 'PUT',
            url: 'https://nouveau.example.org/anne/famille/1.ics',
            status: 507,
          }),
        ),
      }),
      { account: anne, filesAccount: null },
    );
    expect(done.state).toBe('stopped');
    expect(done.stopMessage).toMatch(/full/i);
  });
});
