// The last move's report, kept to see again from Welcome: saved and read back with where its
// data came from; a file saved before the source was recorded still reads, as a Takeout's.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nothing } from '../migration/support/kind-report.ts';
import type { Account, MigrationReport } from '../../src/contract/index.ts';
import { LastMoveFile, lastMoveFileName } from '../../src/service/last-move.ts';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'baluchon-last-move-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const account: Account = {
  accountId: 'a1',
  server: 'https://agenda.example.org/',
  username: 'anne',
  software: 'radicale',
  principal: null,
  calendarHome: null,
  addressbookHome: null,
  filesRoot: null,
  quota: null,
};
const report: MigrationReport = {
  runId: 3,
  source: { kind: 'dav', name: 'https://old.example.org/ (camille)' },
  state: 'finished',
  stopCode: null,
  stopMessage: null,
  server: account.server,
  account: account.username,
  filesServer: null,
  filesAccount: null,
  startedAt: '2026-11-26T10:00:00.000Z',
  endedAt: '2026-11-26T10:05:00.000Z',
  calendars: { ...nothing, found: 2, created: 2, verified: 2 },
  tasks: nothing,
  contacts: nothing,
  files: nothing,
  photos: nothing,
  notes: nothing,
  photoFacts: null,
  noteFacts: null,
  problems: [],
  collections: [],
  birthdaysLeftOut: false,
  holidayFeeds: null,
  documents: null,
  verdict: 'everything',
  complete: true,
  reportFile: null,
};

describe('LastMoveFile', () => {
  it('keeps where the data came from', async () => {
    const file = new LastMoveFile(root);
    await file.save({ account, report });
    expect((await file.read())?.report.source).toEqual(report.source);
  });

  it('reads a report saved before the source was recorded as a Takeout’s', async () => {
    const file = new LastMoveFile(root);
    await file.save({ account, report });
    const path = join(root, lastMoveFileName);
    const saved = JSON.parse(await readFile(path, 'utf8')) as { report: Record<string, unknown> };
    delete saved.report['source'];
    await writeFile(path, JSON.stringify(saved));
    expect((await file.read())?.report.source).toEqual({ kind: 'takeout', name: '' });
  });
});
