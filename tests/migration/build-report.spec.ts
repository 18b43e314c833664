// When a run may say "everything that can move is on the server": the exit code of `migrate`
// and the Done screen's first sentence both hang on it.
import { describe, expect, it } from 'vitest';
import type { KindReport, MigrationReport } from '../../src/contract/migrate.ts';
import { isComplete } from '../../src/migration/build-report.ts';

const nothing: KindReport = {
  found: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  failed: 0,
  verified: 0,
  missing: 0,
  bytes: 0,
  problems: [],
};

function report(
  changes: Partial<Omit<MigrationReport, 'complete'>> = {},
): Omit<MigrationReport, 'complete'> {
  return {
    runId: 1,
    state: 'finished',
    stopCode: null,
    stopMessage: null,
    server: 'https://cloud.example.org/',
    account: 'anne',
    startedAt: '2026-11-26T10:00:00.000Z',
    endedAt: '2026-11-26T10:05:00.000Z',
    calendars: { ...nothing, found: 10, created: 10, verified: 10 },
    tasks: { ...nothing },
    contacts: { ...nothing, found: 5, created: 4, unchanged: 1, verified: 5 },
    files: { ...nothing },
    problems: [],
    collections: [],
    birthdaysLeftOut: false,
    holidayFeeds: null,
    documents: null,
    reportFile: null,
    ...changes,
  };
}

const problem = (code: string) => ({ code, where: 'Club (Google)', reason: '…' });

describe('isComplete', () => {
  it('is complete when everything found is verified', () => {
    expect(isComplete(report())).toBe(true);
  });

  it('stays complete when items that cannot move by nature are skipped and named', () => {
    const calendars = { ...nothing, found: 10, created: 9, skipped: 1, verified: 9 };
    expect(isComplete(report({ calendars }))).toBe(true);
  });

  it('is not complete with a failed, a missing or an unverified item', () => {
    const base = { ...nothing, found: 10, created: 10, verified: 10 };
    expect(isComplete(report({ calendars: { ...base, failed: 1, verified: 9 } }))).toBe(false);
    expect(isComplete(report({ calendars: { ...base, missing: 1, verified: 9 } }))).toBe(false);
    expect(isComplete(report({ calendars: { ...base, verified: 9 } }))).toBe(false);
  });

  it('is not complete when the run was stopped or cancelled', () => {
    expect(isComplete(report({ state: 'stopped', stopCode: 'dav.server-full' }))).toBe(false);
    expect(isComplete(report({ state: 'cancelled' }))).toBe(false);
  });

  it('is not complete when a kind had no place on the account, or a calendar was refused', () => {
    const files = { ...nothing, problems: [problem('migration.no-files-here')] };
    expect(isComplete(report({ files }))).toBe(false);
    const calendars = {
      ...nothing,
      found: 2,
      created: 2,
      verified: 2,
      problems: [problem('migration.collection-refused')],
    };
    expect(isComplete(report({ calendars }))).toBe(false);
  });
});
