// A family's memories out of Google: the generated Photos and Keep export (every quirk Google's
// exports have: cut names, `(1)` duplicates, edited copies, live photos, albums repeating the
// year folders, undated pictures; notes with checklists, labels, attachments, archived, trashed,
// one broken) moved by `baluchon migrate --only photos,notes` into a real Apache and into the
// Nextcloud stand-in (tests/standins/: its documented WebDAV, not Nextcloud itself). Every
// picture arrives once with Google's bytes, in the month it was taken, under its full name; the
// notes as Markdown; a second run sends nothing.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import { MigrationReport } from '../../src/contract/index.ts';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import { familyKeep, familyPhotos } from '../fixtures/takeout/family-spec.ts';
import { expectedNotes } from '../fixtures/takeout/keep-export.ts';
import type { ExpectedNotes } from '../fixtures/takeout/keep-export.ts';
import { expectedPhotos } from '../fixtures/takeout/photos-export.ts';
import type { ExpectedPhoto, ExpectedPhotos } from '../fixtures/takeout/photos-export.ts';
import type { TakeoutSpec } from '../fixtures/takeout/takeout-spec.ts';
import { filesOnDisk } from '../files/support/files-on-disk.ts';
import { startApache, useServer } from '../harness/index.ts';
import { Capture } from '../support/capture.ts';
import { testDavClient } from '../support/dav-client.ts';
import { startNextcloudStandIn } from '../standins/nextcloud-chunked-upload.ts';
import type { NextcloudStandIn } from '../standins/nextcloud-chunked-upload.ts';
import { walkFiles } from '../../src/dav/walk-files.ts';

const spec: TakeoutSpec = { language: 'fr', photoLibrary: familyPhotos(), keep: familyKeep() };
const photos: ExpectedPhotos = expectedPhotos(spec);
const notes: ExpectedNotes = expectedNotes(spec);

let dir: string;
let zipParts: string[];
let tgzParts: string[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-photos-notes-'));
  zipParts = await buildTakeout(join(dir, 'zip'), spec, { format: 'zip', parts: 3 });
  tgzParts = await buildTakeout(join(dir, 'tgz'), spec, { format: 'tgz', parts: 2 });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** `baluchon migrate`, in process, in French; the report it prints with --json. */
async function migrate(args: string[], env: Record<string, string>): Promise<MigrationReport> {
  const stdout = new Capture();
  const stderr = new Capture();
  await runCli(['migrate', ...args, '--json'], {
    stdout,
    stderr,
    env: { LANG: 'fr_FR.UTF-8', BALUCHON_DATA_DIR: join(dir, 'data'), ...env },
    cwd: dir,
    interrupted: new AbortController().signal,
  });
  const parsed = MigrationReport.safeParse(JSON.parse(stdout.text));
  if (!parsed.success) throw new Error(`${stdout.text}\n${stderr.text}`);
  return parsed.data;
}

/** `migrate`'s arguments: the parts, the kinds, the account (password in $PASSWORD), the journal. */
function moveArgs(
  parts: readonly string[],
  only: string,
  account: { server: string; user: string },
  state: string,
): string[] {
  return [
    ...parts,
    '--only',
    only,
    '--server',
    account.server,
    '--user',
    account.user,
    '--password-env',
    'PASSWORD',
    '--state',
    join(dir, state),
  ];
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** `2019/07` for a date, in this process's time zone (the one the service files by). */
function monthOf(date: Date): string {
  const format = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit' });
  const parts = format.formatToParts(date);
  const part = (type: string): string => parts.find((one) => one.type === type)?.value ?? '';
  return `${part('year')}/${part('month')}`;
}

/** The date a picture is filed by: its own, else its original's (edited copy, live video). */
function filedDate(photo: ExpectedPhoto): Date | null {
  const anchor = photos.photos.find((one) => one.id === (photo.editedOf ?? photo.liveOf));
  return photo.taken ?? anchor?.taken ?? null;
}

/** `IMG.jpg` or `IMG (2).jpg`: a second picture of one name in one month is numbered. */
function sameName(found: string, name: string): boolean {
  if (found === name) return true;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  return new RegExp(`^${escape(stem)} \\(\\d+\\)${escape(ext)}$`).test(found);
}
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every picture once, with Google's bytes, in its month (or the undated folder), full name. */
function checkPhotos(root: string, report: MigrationReport): void {
  const onDisk = filesOnDisk(root).filter((path) => !path.startsWith('Albums/'));
  const byHash = new Map<string, string[]>();
  for (const path of onDisk) {
    const hash = sha256(readFileSync(join(root, path)));
    byHash.set(hash, [...(byHash.get(hash) ?? []), path]);
  }
  expect(onDisk).toHaveLength(photos.photos.length);
  for (const photo of photos.photos) {
    const paths = byHash.get(photo.sha256) ?? [];
    expect(paths, photo.name).toHaveLength(1);
    const path = paths[0] as string;
    const date = filedDate(photo);
    const folder = date === null ? 'Sans date' : monthOf(date);
    expect(path.slice(0, path.lastIndexOf('/')), photo.name).toBe(folder);
    expect(sameName(path.slice(path.lastIndexOf('/') + 1), photo.name), path).toBe(true);
  }
  const undated = photos.photos.filter((photo) => filedDate(photo) === null);
  expect(report.photoFacts).toMatchObject({
    dated: photos.photos.length - undated.length,
    undated: undated.length,
    folder: 'Photos',
  });
  // Each undated picture is named in the report.
  const named = report.photos.problems.filter((problem) => problem.code === 'photos.undated');
  expect(named).toHaveLength(undated.length);
}

/** Each note as Markdown with its title, checklist and attachments beside it; trashed left. */
function checkNotes(root: string, report: MigrationReport): void {
  const onDisk = filesOnDisk(root);
  const markdown = onDisk.filter((path) => path.endsWith('.md'));
  expect(markdown).toHaveLength(notes.notes.length);
  const heading = (path: string): string =>
    readFileSync(join(root, path), 'utf8').split('\n', 1)[0] ?? '';
  const titled = new Set(notes.notes.map((note) => `# ${note.title}`));
  for (const note of notes.notes) {
    const prefix = note.folder === '' ? '' : 'Archives/';
    // A note without a title is named after its first line or its date: one of the others.
    const found = markdown.filter(
      (path) =>
        path.startsWith(prefix) &&
        (prefix !== '' || !path.includes('/')) &&
        (note.title === '' ? !titled.has(heading(path)) : heading(path) === `# ${note.title}`),
    );
    expect(found.length, note.title).toBeGreaterThanOrEqual(1);
    const text = readFileSync(join(root, found[0] as string), 'utf8');
    if (note.checklist) expect(text).toMatch(/^- \[[ x]\] /m);
    for (const attachment of note.attachments) {
      const beside = onDisk.filter(
        (path) =>
          path.startsWith(prefix) && sha256(readFileSync(join(root, path))) === attachment.sha256,
      );
      expect(beside, attachment.filePath).toHaveLength(1);
      expect(text).toContain(`(<${(beside[0] as string).slice(prefix.length)}>)`);
    }
  }
  expect(report.noteFacts).toMatchObject({
    trashed: notes.trashed,
    archived: notes.notes.filter((note) => note.folder === 'Archives').length,
    folder: 'Notes',
  });
  // The broken note is named; the others moved.
  const named = [...report.problems, ...report.notes.problems].map((problem) => problem.where);
  for (const path of notes.unreadable) {
    expect(named.some((where) => where.includes(path.split('/').at(-1) ?? path))).toBe(true);
  }
}

/** A fresh Nextcloud stand-in for each test. */
function useNextcloudStandIn(): () => NextcloudStandIn {
  let standIn: NextcloudStandIn | undefined;
  beforeEach(async () => {
    standIn = await startNextcloudStandIn();
  });
  afterEach(async () => {
    await standIn?.close();
  });
  return () => {
    if (standIn === undefined) throw new Error('the stand-in starts before each test');
    return standIn;
  };
}

describe('photos and notes into Apache', () => {
  const apache = useServer(() => startApache({ users: [{ name: 'zip' }, { name: 'tgz' }] }));
  const run = (name: string, parts: readonly string[]) => {
    const user = apache().users.find((one) => one.name === name);
    if (user === undefined) throw new Error(name);
    return migrate(
      moveArgs(parts, 'photos,notes', { server: user.home, user: user.name }, `state-${name}`),
      { PASSWORD: user.password },
    );
  };

  it.each([
    ['zip', () => zipParts],
    ['tgz', () => tgzParts],
  ])(
    'moves every picture once and every note from %s parts, then sends nothing again',
    async (name, parts) => {
      const report = await run(name, parts());
      const root = join(apache().dataDir, name);
      checkPhotos(join(root, 'Photos'), report);
      checkNotes(join(root, 'Notes'), report);
      expect(report.photos.failed + report.notes.failed).toBe(0);
      expect(report.photos.verified).toBe(report.photos.found);
      expect(report.notes.verified).toBe(report.notes.found);
      // Apache keeps no date it is given: said once, not hidden.
      expect(report.photos.problems.map((problem) => problem.code)).toContain(
        'photos.dates-not-kept',
      );
      expect(report.notes.problems.map((problem) => problem.code)).toContain(
        'notes.dates-not-kept',
      );
      // Albums as folders holding the list of their pictures, linking files that exist.
      expect(report.photoFacts?.albumsAs).toBe('lists');
      for (const album of photos.albums) {
        const list = readFileSync(
          join(root, 'Photos', 'Albums', album.name, 'Photos de l’album.md'),
          'utf8',
        );
        const links = [...list.matchAll(/\(<\.\.\/\.\.\/([^>]+)>\)/g)].map((match) => match[1]);
        const members = photos.photos.filter((photo) => album.photos.includes(photo.id));
        expect(links).toHaveLength(members.length);
        const hashes = links.map((link) =>
          sha256(readFileSync(join(root, 'Photos', link as string))),
        );
        expect(hashes.sort()).toEqual(members.map((photo) => photo.sha256).sort());
      }

      const again = await run(name, parts());
      for (const kind of ['photos', 'notes'] as const) {
        expect(again[kind].created + again[kind].updated, kind).toBe(0);
        expect(again[kind].unchanged, kind).toBe(report[kind].found - report[kind].skipped);
      }
      expect(again.complete).toBe(report.complete);
    },
  );
});

describe('photos and notes into the Nextcloud stand-in', () => {
  const standInOf = useNextcloudStandIn();
  const nextcloudAccount = () => ({ server: standInOf().filesRoot, user: standInOf().user.name });
  const run = (state: string) =>
    migrate(
      // The server: the WebDAV address Nextcloud's Files settings show.
      moveArgs(zipParts, 'photos,notes', nextcloudAccount(), state),
      { PASSWORD: standInOf().user.password },
    );

  it('dates each picture from Google’s file, read back from the server, and keeps the albums as albums', async () => {
    const report = await run('state-nextcloud');
    checkPhotos(join(standInOf().filesDir, 'Photos'), report);
    checkNotes(join(standInOf().filesDir, 'Notes'), report);
    expect(report.photos.problems.map((problem) => problem.code)).not.toContain(
      'photos.dates-not-kept',
    );
    // The modification times the server keeps, read back with PROPFIND: the taken dates.
    const { client } = testDavClient(standInOf().user);
    const root = `${standInOf().filesRoot}Photos/`;
    const served = new Map<string, Date | null>();
    for await (const file of walkFiles(client, root, new AbortController().signal)) {
      served.set(sha256(readFileSync(join(standInOf().filesDir, 'Photos', file.path))), file.mtime);
    }
    for (const photo of photos.photos) {
      const date = filedDate(photo);
      if (date === null) continue;
      expect(served.get(photo.sha256)?.getTime(), photo.name).toBe(
        Math.floor(date.getTime() / 1000) * 1000,
      );
    }
    // Albums of its Photos app, holding each album's pictures once; no list folder.
    expect(report.photoFacts?.albumsAs).toBe('photos-app');
    expect(
      filesOnDisk(join(standInOf().filesDir, 'Photos')).some((path) => path.startsWith('Albums/')),
    ).toBe(false);
    const albums = standInOf().photos.albums();
    for (const album of photos.albums) {
      const ids = albums.get(album.name) ?? [];
      const hashes = ids.map((id) =>
        sha256(
          readFileSync(join(standInOf().filesDir, standInOf().photos.fileIds.pathOf(id) ?? '')),
        ),
      );
      const members = photos.photos.filter((photo) => album.photos.includes(photo.id));
      expect(hashes.sort(), album.name).toEqual(members.map((photo) => photo.sha256).sort());
    }

    // Again: nothing sent, no album touched.
    const writes = (): number =>
      standInOf().requests.filter((request) =>
        ['PUT', 'MKCOL', 'COPY', 'MOVE'].includes(request.method),
      ).length;
    const before = writes();
    const again = await run('state-nextcloud');
    expect(writes()).toBe(before);
    expect(again.photos.created + again.photos.updated).toBe(0);
  });
});

describe('a photos move interrupted', () => {
  const standInOf = useNextcloudStandIn();
  const nextcloudAccount = () => ({ server: standInOf().filesRoot, user: standInOf().user.name });

  it('goes on from where it stopped: every picture once, none sent twice', async () => {
    const args = [
      ...moveArgs(tgzParts, 'photos', nextcloudAccount(), 'state-interrupted'),
      '--json',
    ];
    const env = {
      LANG: 'fr_FR.UTF-8',
      BALUCHON_DATA_DIR: join(dir, 'data-interrupted'),
      PASSWORD: standInOf().user.password,
    };
    // Stopped (as Ctrl-C does) once ten pictures have arrived.
    const stop = new AbortController();
    let puts = 0;
    standInOf().onAnswered = (request) => {
      if (request.method === 'PUT' && request.status < 300 && ++puts === 10) stop.abort();
    };
    await runCli(['migrate', ...args], {
      stdout: new Capture(),
      stderr: new Capture(),
      env,
      cwd: dir,
      interrupted: stop.signal,
    });
    standInOf().onAnswered = null;
    const first = puts;
    expect(first).toBeGreaterThanOrEqual(10);
    expect(first).toBeLessThan(photos.photos.length);

    const report = await migrate(
      args.filter((arg) => arg !== '--json'),
      { PASSWORD: standInOf().user.password, BALUCHON_DATA_DIR: env.BALUCHON_DATA_DIR },
    );
    checkPhotos(join(standInOf().filesDir, 'Photos'), report);
    const sent = standInOf().requests.filter(
      (request) => request.method === 'PUT' && request.status < 300,
    );
    // What the first run had sent is not sent again: only the requests in flight when it stopped
    // (4 at a time) may go twice, their answer lost.
    expect(sent.length).toBeGreaterThanOrEqual(photos.photos.length);
    expect(sent.length).toBeLessThanOrEqual(photos.photos.length + 4);
    expect(report.complete).toBe(true);
  });
});
