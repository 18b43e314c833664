// Calendars and contacts on one account, files on another: a calendar server (Radicale) and a
// WebDAV space (Apache mod_dav), both real. A calendar-only move first says the Drive files
// stayed at Google for lack of a place; the same move with a files account then brings them,
// and a two-part export moved in ONE run to both accounts gives ONE report naming both.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationKinds } from '../../src/contract/migrate.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, BaluchonEvent, MigrationReport } from '../../src/contract/index.ts';
import { MigrationReport as MigrationReportSchema, UndoReport } from '../../src/contract/index.ts';
import type { UnfinishedMoveSummary } from '../../src/contract/migrate.ts';
import type { Service } from '../../src/service/create-service.ts';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import { familySpec } from '../fixtures/takeout/family-spec.ts';
import { startApache, startRadicale, useServer } from '../harness/index.ts';
import type { DavServer } from '../harness/index.ts';
import { filesOnDisk } from '../files/support/files-on-disk.ts';
import { migrationSession } from './support/service-migration.ts';
import type { MigrationSession } from './support/service-migration.ts';

const folderName = 'Google Drive (importé)';
/**
 * The family's photos and notes (familySpec's three pictures and two Keep notes), which go to the
 * files account too: each picture in the month it was taken.
 */
const memories = [
  'Notes/Note 0.md',
  'Notes/Note 1.md',
  'Photos/2023/11/IMG_0000.jpg',
  'Photos/2023/11/IMG_0001.jpg',
  'Photos/2023/11/IMG_0002.jpg',
];

/** The family's Drive files that can move (three are Google's own: a form, a link, a map). */
const movableFiles = [
  'Documents/Budget.xlsx',
  'Documents/Exposé.pptx',
  'Documents/Lettre.docx',
  'Documents/Notes.odt',
  'Factures/2024-01.pdf',
  'Photos/Vacances.jpg',
  'Sauvegarde/agenda.ics',
];

let dir: string;
let parts: string[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baluchon-two-accounts-'));
  parts = await buildTakeout(join(dir, 'export'), familySpec('fr'), { format: 'zip', parts: 2 });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** On Apache, the family's own folder is the address they are given (its root is everyone's). */
async function connect(
  service: Service,
  server: DavServer,
  address = server.url,
): Promise<Account> {
  const connected = await service.call('connect', {
    server: address,
    username: server.user.name,
    password: server.user.password,
  });
  if (!connected.ok) throw new Error(`connect refused: ${connected.error.message}`);
  return connected.value as Account;
}

/** Calls a command that starts a migration, and resolves with its report. */
async function report(service: Service, name: string, input: unknown): Promise<MigrationReport> {
  return MigrationReportSchema.parse(await jobResult(service, name, input));
}

/** Calls a command that starts a job, and resolves with the job's result. */
async function jobResult(service: Service, name: string, input: unknown): Promise<unknown> {
  let ended: (event: BaluchonEvent) => void = () => undefined;
  const seen: BaluchonEvent[] = [];
  const unsubscribe = service.subscribe((event) => {
    seen.push(event);
    ended(event);
  });
  try {
    const started = await service.call(name, input);
    if (!started.ok) throw new Error(`${name} refused: ${started.error.message}`);
    const { jobId } = started.value as { jobId: string };
    const end = await new Promise<BaluchonEvent>((resolve) => {
      const match = (event: BaluchonEvent): boolean =>
        event.jobId === jobId && event.type === 'job.end';
      const early = seen.find(match);
      if (early !== undefined) resolve(early);
      else
        ended = (event) => {
          if (match(event)) resolve(event);
        };
    });
    if (end.type !== 'job.end' || end.outcome !== 'done') {
      throw new Error(`${name} ended ${JSON.stringify(end)}`);
    }
    return end.result;
  } finally {
    unsubscribe();
  }
}

describe('a calendar server and a files space, one move', () => {
  const calendars = useServer(() => startRadicale());
  const files = useServer(() => startApache());
  let session: MigrationSession;
  beforeAll(() => {
    session = migrationSession({
      server: calendars().url,
      user: calendars().user,
      dataDir: join(dir, 'data'),
    });
  });
  afterAll(async () => {
    await session.close();
  });
  const everything = { contacts: true, tasks: true, files: true };

  it('a two-part export goes in one run to both accounts, with one report naming both', async () => {
    const { service } = session;
    const main = await connect(service, calendars());
    const drive = await connect(service, files(), files().user.home);
    expect(main.filesRoot).toBeNull();
    expect(drive.filesRoot).not.toBeNull();

    const done = await report(service, 'startMigration', {
      paths: parts,
      accountId: main.accountId,
      filesAccountId: drive.accountId,
      selection: everything,
      stateDir: join(dir, 'one-run'),
    });
    expect(done).toMatchObject({
      state: 'finished',
      server: main.server,
      account: calendars().user.name,
      filesServer: drive.server,
      filesAccount: files().user.name,
      // The form, the link and the map cannot move: named, and nothing else is left.
      verdict: 'all-that-can',
      complete: true,
    });
    for (const kind of ['calendars', 'tasks', 'contacts'] as const) {
      expect(done[kind].found, kind).toBeGreaterThan(0);
      expect(done[kind].verified, kind).toBe(done[kind].found - done[kind].skipped);
      expect(
        done[kind].left.filter((one) => one.reason !== 'cannot-move'),
        kind,
      ).toEqual([]);
    }
    expect(done.files).toMatchObject({
      found: movableFiles.length + 3,
      verified: movableFiles.length,
      skipped: 3,
      failed: 0,
      left: [{ reason: 'cannot-move', count: 3, bytes: null }],
    });
    // The files are on Apache's disk, nowhere else; the calendars on Radicale.
    expect(filesOnDisk(join(files().dataDir, files().user.name)).sort()).toEqual(
      [...movableFiles.map((path) => `${folderName}/${path}`), ...memories].sort(),
    );
    expect(done.collections.find((c) => c.kind === 'files')?.url).toContain(
      new URL(files().url).host,
    );
    expect(
      done.collections
        .filter((c) => !['files', 'photos', 'notes'].includes(c.kind))
        .every((c) => c.url.includes(new URL(calendars().url).host)),
    ).toBe(true);

    // "Annuler cette importation" removes what was copied to both accounts.
    const undone = UndoReport.parse(
      await jobResult(service, 'startUndo', {
        accountId: main.accountId,
        filesAccountId: drive.accountId,
        stateDir: join(dir, 'one-run'),
      }),
    );
    const sent = migrationKinds.reduce((sum, kind) => sum + done[kind].created, 0);
    expect(undone).toMatchObject({ deleted: sent, kept: 0, collectionsKept: 0 });
    expect(undone.collectionsDeleted).toBe(done.collections.length);
    expect(filesOnDisk(join(files().dataDir, files().user.name))).toEqual([]);
  });

  it('a calendar-only move says the files stayed at Google; adding a files account brings them', async () => {
    const { service } = session;
    // Files chosen, but the account has no place for them.
    const main = await connect(service, calendars());
    const first = await report(service, 'startMigration', {
      paths: parts,
      accountId: main.accountId,
      selection: everything,
      stateDir: join(dir, 'follow-up'),
    });
    expect(first).toMatchObject({ state: 'finished', verdict: 'incomplete', complete: false });
    expect(first.filesServer).toBeNull();
    expect(first.files.found).toBe(movableFiles.length + 3);
    expect(first.files.verified).toBe(0);
    const [left] = first.files.left;
    expect(first.files.left).toHaveLength(1);
    expect(left?.reason).toBe('no-place');
    expect(left?.count).toBe(movableFiles.length + 3);
    expect(left?.bytes).toBeGreaterThan(300_000);
    // The move stays unfinished: Welcome would offer to go on.
    const listed = await service.call('listUnfinishedMoves', {});
    const moves = (listed.ok ? listed.value : []) as UnfinishedMoveSummary[];
    expect(moves.map((move) => move.accountId)).toContain(main.accountId);

    // From Done: "Ajouter un compte pour vos fichiers", then the same move goes on.
    const drive = await connect(service, files(), files().user.home);
    const second = await report(service, 'resumeMove', {
      accountId: main.accountId,
      filesAccountId: drive.accountId,
    });
    expect(second).toMatchObject({
      state: 'finished',
      account: calendars().user.name,
      filesAccount: files().user.name,
      verdict: 'all-that-can',
      complete: true,
    });
    expect(second.files).toMatchObject({ verified: movableFiles.length, failed: 0 });
    // The calendars were there already: nothing sent twice.
    expect(second.calendars.created).toBe(0);
    expect(second.calendars.unchanged).toBe(first.calendars.created);
    const after = await service.call('listUnfinishedMoves', {});
    expect(
      after.ok && (after.value as UnfinishedMoveSummary[]).map((m) => m.accountId),
    ).not.toContain(main.accountId);
  });
  it('a two-account move paused mid-way goes on with both accounts, remembered', async () => {
    const { service } = session;
    const main = await connect(service, calendars());
    const drive = await connect(service, files(), files().user.home);
    const stateDir = join(dir, 'paused');
    // Pause once a few events are on the calendar server: the files have not started.
    let pausing = false;
    const unsubscribe = service.subscribe((event) => {
      if (pausing || event.type !== 'job.progress' || event.kind !== 'migrate') return;
      const progress = event.progress as { calendars?: { done: number } };
      if ((progress.calendars?.done ?? 0) < 3) return;
      pausing = true;
      void service.call('cancelJob', { jobId: event.jobId });
    });
    const paused = await report(service, 'startMigration', {
      paths: parts,
      accountId: main.accountId,
      filesAccountId: drive.accountId,
      selection: everything,
      stateDir,
    }).finally(unsubscribe);
    expect(pausing).toBe(true);
    expect(paused).toMatchObject({ state: 'cancelled', verdict: 'incomplete', complete: false });
    const listed = await service.call('listUnfinishedMoves', {});
    const move = (listed.ok ? (listed.value as UnfinishedMoveSummary[]) : []).find(
      (one) => one.accountId === main.accountId,
    );
    expect(move).toMatchObject({ filesUsername: files().user.name });

    // Going on names only the main account: the files account was remembered with the move.
    const done = await report(service, 'resumeMove', { accountId: main.accountId });
    expect(done).toMatchObject({
      state: 'finished',
      runId: paused.runId,
      filesAccount: files().user.name,
      complete: true,
    });
    expect(done.files).toMatchObject({ verified: movableFiles.length, failed: 0 });
    expect(done.calendars.verified).toBe(done.calendars.found);
  });
});
