// Photos and notes on the family's screens, in Debian's Chromium through `baluchon web`, in
// French. First "What we found" and "Done" from a hand-made scan and report (contract-checked,
// answered inside the browser): the numbers and words a family reads, the choice of the edited
// copies and of the folder's name, axe at 100 % and 200 % zoom, nothing running off the side.
// Then the whole journey: the Dupont family's generated export with every quirk of Google Photos
// and Keep, read, chosen, moved into a real Apache mod_dav, and checked on its disk — every
// picture once, byte for byte, every note as a Markdown file.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesOnDisk } from '../files/support/files-on-disk.ts';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import { familyMemoriesSpec } from '../fixtures/takeout/family-spec.ts';
import { expectedNotes } from '../fixtures/takeout/keep-export.ts';
import { expectedPhotos } from '../fixtures/takeout/photos-export.ts';
import { startApache } from '../harness/index.ts';
import type { DavServer } from '../harness/index.ts';
import { MigrateProgress } from '../../src/contract/index.ts';
import { photosMoveReport, photosScanReport } from '../renderer/support/photos-reports.ts';
import { startNextcloudStandIn } from '../standins/nextcloud-chunked-upload.ts';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { stubCommand, stubEvents, stubLastMove, stubScan } from './support/stub-api.ts';
import { startWebApp } from './support/web-app.ts';
import type { WebApp } from './support/web-app.ts';
import { JourneyPage } from './pages/journey-page.ts';

let app: WebApp;
let browser: Browser;
let server: DavServer;
let dir: string;
let parts: string[];
const spec = familyMemoriesSpec('fr');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baluchon-photos-journey-'));
  [app, browser, server, parts] = await Promise.all([
    startWebApp(),
    launchBrowser(),
    startApache(),
    buildTakeout(join(dir, 'export'), spec, { format: 'zip', parts: 2 }),
  ]);
});

afterAll(async () => {
  await browser.close();
  await Promise.all([app.stop(), server.stop()]);
  await rm(dir, { recursive: true, force: true });
});

const fr = (n: number): string => new Intl.NumberFormat('fr').format(n);

/**
 * An element's text with French's no-break spaces (around « », before : and ;, in 12 402) as
 * plain spaces, so that expectations read as the family reads.
 */
async function textOf(page: Page, testId: string): Promise<string> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

/** The paragraphs of a section, each as its text (no-break spaces as plain ones). */
async function paragraphs(page: Page, testId: string): Promise<string[]> {
  const texts = await page.getByTestId(testId).locator('p').allTextContents();
  return texts.map((text) => text.replace(/[\u00a0\u202f]/g, ' '));
}

/** How far the page runs off the window's right side, in CSS pixels (0: it does not). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/** A page at 100 % zoom whose 200 % is a 640-pixel window at scale 2 (as accounting.e2e.ts). */
function newPage(): Promise<Page> {
  return browser.newPage({
    locale: 'fr-FR',
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 2,
  });
}

/** Axe finds nothing at 100 %, nor at 200 %, where nothing runs off the side either. */
async function checkBothZooms(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 640, height: 450 });
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await screenshot(page, `${name}-200pc`);
  expect(await axeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('photos and notes on the screens (a hand-made scan and report)', () => {
  it('shows what was found and lets the family choose the edited copies and the folders', async () => {
    const report = photosScanReport();
    const page = await newPage();
    await stubScan(page, report);
    const journey = new JourneyPage(page, 'fr');
    await walkToStubbedFound(journey);

    // "12 402 photos et vidéos (48 Go), dans 38 albums"; "22 photos n'ont pas de date…".
    expect(await textOf(page, 'photos-count')).toBe('12 402 photos et vidéos');
    expect(await textOf(page, 'photos-bytes')).toBe('(48 Go)');
    expect(await textOf(page, 'photos-albums')).toBe(', dans 38 albums');
    expect(await textOf(page, 'photos-undated')).toContain('22 photos n’ont pas de date');
    expect(await textOf(page, 'photos-undated')).toContain('« Sans date »');
    expect(await textOf(page, 'photos-live')).toContain('37 photos animées');
    expect(await textOf(page, 'photos-duplicates')).toContain(
      '2 950 photos se trouvaient à plusieurs endroits',
    );
    // What keeping the edited copies costs: their size, said beside the choice.
    expect(await textOf(page, 'photos-edited')).toContain('1 204 photos');
    expect(await textOf(page, 'photos-edited')).toContain('2,1 Go de plus');
    expect(await textOf(page, 'photos-where')).toContain('« Photos »');
    // "86 notes, dont 12 archivées"; "3 notes de la corbeille ne seront pas déménagées."
    expect(`${await textOf(page, 'notes-count')}${await textOf(page, 'notes-archived')}`).toBe(
      '86 notes, dont 12 archivées',
    );
    expect(await textOf(page, 'notes-trashed')).toBe(
      '3 notes de la corbeille ne seront pas déménagées.',
    );
    expect(await textOf(page, 'notes-where')).toContain('« Notes »');
    // Photos and Keep have their own cards: they are no longer among what Baluchon does not move.
    const others = await page.locator('section[aria-labelledby="others-title"]').textContent();
    expect(others).toContain('Courriels');
    expect(others).not.toContain('Photos');
    expect(others).not.toContain('Keep');
    // No technical word reaches the family.
    const body = (await page.locator('main').textContent()) ?? '';
    for (const word of ['sidecar', 'JSON', 'Takeout', 'WebDAV']) expect(body).not.toContain(word);
    await screenshot(page, 'photos-1-found-fr');

    // The edited copies: chosen at first, unticked once, ticked again; not a choice of their own
    // without the photos.
    const photos = page.getByLabel(/photos et vidéos/);
    const edited = page.getByLabel(journey.words('found.photos.editedChoice'));
    expect(await photos.isChecked()).toBe(true);
    expect(await edited.isChecked()).toBe(true);
    await edited.uncheck();
    expect(await edited.isChecked()).toBe(false);
    await screenshot(page, 'photos-2-found-edited-unticked-fr');
    await edited.check();
    expect(await edited.isChecked()).toBe(true);
    await photos.uncheck();
    expect(await edited.isDisabled()).toBe(true);
    await photos.check();
    expect(await edited.isChecked()).toBe(true);

    // The folder's name, behind "Changer le nom du dossier"; empty again, the default comes back.
    const folder = page.getByTestId('photos-folder');
    await folder.getByText(journey.words('found.folderName.change')).click();
    const name = page.getByLabel(journey.words('found.photos.folderLabel'), { exact: true });
    await name.fill('Souvenirs de famille');
    expect(await textOf(page, 'photos-where')).toContain('« Souvenirs de famille »');
    await screenshot(page, 'photos-3-found-folder-fr');
    await checkBothZooms(page, 'photos-3-found-folder-fr');
    await name.fill('');
    expect(await textOf(page, 'photos-where')).toContain('« Photos »');
    await page.close();
  });

  it('says it in English too', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    await stubScan(page, photosScanReport());
    const journey = new JourneyPage(page, 'en');
    await walkToStubbedFound(journey);
    expect(
      `${await textOf(page, 'photos-count')} ${await textOf(page, 'photos-bytes')}` +
        (await textOf(page, 'photos-albums')),
    ).toBe('12,402 photos and videos (48 GB), in 38 albums');
    expect(await textOf(page, 'photos-edited')).toContain('their edited copies take 2.1 GB more');
    expect(`${await textOf(page, 'notes-count')}${await textOf(page, 'notes-archived')}`).toBe(
      '86 notes, 12 of them archived',
    );
    expect(await textOf(page, 'notes-trashed')).toBe('3 notes in the bin will not be moved.');
    await screenshot(page, 'photos-1-found-en');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('says on Done what the photos and notes became, under a headline that is true', async () => {
    const report = photosMoveReport();
    const page = await newPage();
    await stubLastMove(page, { accountId: 'stub-account', report });
    const journey = new JourneyPage(page, 'fr');
    await journey.wizard.open(app.url);
    await journey.wizard.button(journey.words('welcome.lastMove.show')).click();
    await journey.waitForHeading('done.title');

    expect(await page.getByTestId('done-summary').textContent()).toBe(
      journey.words('migration:report.verdict.everything', { context: 'takeout' }),
    );
    for (const kind of ['photos', 'notes']) {
      expect(await page.getByTestId(`done-row-${kind}`).count(), kind).toBe(1);
    }
    const photosRow = page.getByTestId('done-row-photos');
    expect(await photosRow.locator('td[data-column="verified"]').textContent()).toBe(fr(12_402));
    expect(await paragraphs(page, 'photo-facts')).toEqual([
      '12 402 photos et vidéos dans 38 albums : dates retrouvées pour 12 380 ; 22 sans date (nommées plus bas).',
      'Elles sont dans le dossier « Photos » de votre espace de fichiers, rangées par année puis par mois.',
      'Chaque album est un dossier de « Photos/Albums » qui contient la liste de ses photos, sans les copier une seconde fois.',
    ]);
    expect(await paragraphs(page, 'note-facts')).toEqual([
      'Les notes sont dans le dossier « Notes » de votre espace de fichiers : l’application Notes de Nextcloud les lit, tout éditeur de texte aussi.',
      '12 notes archivées sont dans « Notes/Archives ».',
      '3 notes de la corbeille de Keep n’ont pas été déménagées.',
    ]);
    // The photo without a date is named among the problems below.
    expect(await page.getByTestId('problems').textContent()).toContain('IMG_0042.jpg');
    await screenshot(page, 'photos-4-done-fr');
    await checkBothZooms(page, 'photos-4-done-fr');
    await page.close();
  });

  it('says Nextcloud’s Photos app holds the albums when it does', async () => {
    const report = photosMoveReport({
      photoFacts: { albums: 3, albumsAs: 'photos-app', dated: 40, undated: 0, folder: 'Photos' },
      photos: { ...photosMoveReport().photos, found: 40, created: 40, verified: 40, problems: [] },
    });
    const page = await newPage();
    await stubLastMove(page, { accountId: 'stub-account', report });
    const journey = new JourneyPage(page, 'fr');
    await journey.wizard.open(app.url);
    await journey.wizard.button(journey.words('welcome.lastMove.show')).click();
    await journey.waitForHeading('done.title');
    expect(await paragraphs(page, 'photo-facts')).toEqual([
      '40 photos et vidéos dans 3 albums : dates retrouvées pour 40.',
      'Elles sont dans le dossier « Photos » de votre espace de fichiers, rangées par année puis par mois.',
      'Les albums sont dans l’application Photos de votre Nextcloud.',
    ]);
    await page.close();
  });
});

/** A move of photos and notes under way, as the service last said it (bytes, time left). */
function photosProgress(): MigrateProgress {
  const none = { found: 0, done: 0, failed: 0, bytesDone: 0, bytesTotal: 0 };
  return MigrateProgress.parse({
    phase: 'sending',
    calendars: none,
    tasks: none,
    contacts: none,
    files: { found: 16, done: 16, failed: 0, bytesDone: 2_400_000, bytesTotal: 2_400_000 },
    photos: {
      found: 12_402,
      done: 4_100,
      failed: 0,
      bytesDone: 15_800_000_000,
      bytesTotal: 48_000_000_000,
    },
    notes: { found: 86, done: 0, failed: 0, bytesDone: 0, bytesTotal: 410_000 },
    current: 'Photos/2019/07/IMG_20190714_100000.jpg',
    etaSeconds: 2 * 3600,
  });
}

/** The page reopened while that move runs: the service lists it (reattach.e2e.ts does it live). */
async function stubRunningMove(page: Page, ended: boolean): Promise<void> {
  const jobId = 'stub-move';
  const progress = photosProgress();
  await stubCommand(page, 'listMoves', [
    {
      jobId,
      accountId: 'stub-account',
      server: 'https://cloud.exemple.org/remote.php/dav/',
      username: 'camille.dupont',
      startedAt: '2026-12-01T10:00:00.000Z',
      state: 'running',
      progress,
      problems: [],
      report: null,
      error: null,
    },
  ]);
  // Paused: the move ends with the report of what is there so far.
  const there = { created: 4_100, verified: 4_100 };
  const report = photosMoveReport({
    state: 'cancelled',
    verdict: 'incomplete',
    complete: false,
    photos: { ...photosMoveReport().photos, ...there, problems: [] },
    notes: { ...photosMoveReport().notes, created: 0, verified: 0 },
  });
  await stubEvents(
    page,
    ended ? [{ type: 'job.end', jobId, kind: 'migrate', outcome: 'done', result: report }] : [],
  );
}

describe('photos and notes moving (a hand-made move)', () => {
  it('follows the photos in bytes with the time left, and shows them paused', async () => {
    const page = await newPage();
    await stubRunningMove(page, false);
    const journey = new JourneyPage(page, 'fr');
    await journey.wizard.open(app.url);
    await journey.waitForHeading('moving.title');
    const progress = (await textOf(page, 'moving-progress')).replace(/\s+/g, ' ');
    expect(progress).toContain('environ 2 heures restantes');
    expect(progress).toContain('Photos — 33 %');
    expect(progress).toContain('4 100 sur 12 402 · 15,8 Go sur 48 Go');
    expect(progress).toContain('Notes — 0 %');
    expect(progress).toContain('0 sur 86 · 0 octets sur 410 ko');
    await screenshot(page, 'photos-8-moving-fr');
    await checkBothZooms(page, 'photos-8-moving-fr');
    await page.close();

    const paused = await newPage();
    await stubRunningMove(paused, true);
    const again = new JourneyPage(paused, 'fr');
    await again.wizard.open(app.url);
    await again.wizard.button(again.words('moving.seeSoFar')).click();
    await again.waitForHeading('moving.pausedView.title');
    expect(await textOf(paused, 'paused-photos')).toContain('4 100 sur 12 402 · 15,8 Go sur 48 Go');
    expect(await textOf(paused, 'paused-notes')).toContain('0 sur 86');
    await screenshot(paused, 'photos-9-paused-fr');
    await paused.close();
  });
});

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** From Welcome to "What we found", the scan answered by the stub (any file will do). */
async function walkToStubbedFound(journey: JourneyPage): Promise<void> {
  const part = join(dir, 'takeout-20261201T101010Z-001.zip');
  await writeFile(part, 'PK');
  await walkToFound(journey, [part], 30_000);
}

/** From Welcome to "What we found" with the export dropped and read. */
async function walkToFound(
  journey: JourneyPage,
  archive: readonly string[] = parts,
  timeoutMs = 60_000,
): Promise<void> {
  await journey.wizard.open(app.url);
  await journey.wizard.button(journey.words('welcome.start')).click();
  await journey.waitForHeading('source.title');
  await journey.dropArchive([...archive]);
  await journey.wizard.button(journey.words('source.read')).click();
  await journey.waitForHeading('found.title', timeoutMs);
}

/** Only the photos and the notes: the account is a plain files space. */
async function keepOnlyPhotosAndNotes(page: Page): Promise<void> {
  for (const section of ['calendars', 'contacts', 'tasks', 'files']) {
    const boxes = page.locator(`section[aria-labelledby="${section}-title"] input[type=checkbox]`);
    for (const box of await boxes.all()) if (await box.isChecked()) await box.uncheck();
  }
}

/** The Done table's row of a kind, by column (no-break spaces as plain ones). */
async function doneRow(page: Page, kind: string): Promise<Record<string, string>> {
  const cells: Record<string, string> = {};
  for (const cell of await page.getByTestId(`done-row-${kind}`).locator('td').all()) {
    const text = (await cell.textContent()) ?? '';
    cells[(await cell.getAttribute('data-column')) ?? ''] = text.replace(/[\u00a0\u202f]/g, ' ');
  }
  return cells;
}

describe('the photos journey', () => {
  it('moves the family’s photos and notes into a WebDAV folder, each picture once', async () => {
    const photosTruth = expectedPhotos(spec);
    const notesTruth = expectedNotes(spec);
    const page = await newPage();
    const journey = new JourneyPage(page, 'fr');
    await walkToFound(journey);

    // What was found, as the generator's truth says: each picture once (edited copies and live
    // photos' videos included), the pictures without a date, the albums; the notes that move,
    // and those of the bin that do not.
    const count = photosTruth.photos.length;
    expect(await page.getByTestId('photos-count').count(), 'the scan read the photos').toBe(1);
    expect(await page.getByTestId('notes-count').count(), 'the scan read the notes').toBe(1);
    expect(await textOf(page, 'photos-count')).toBe(
      `${fr(count)} photos et vidéos`.replace(/\u202f/g, ' '),
    );
    expect(await textOf(page, 'photos-albums')).toBe(
      `, dans ${String(photosTruth.albums.length)} albums`,
    );
    expect(await textOf(page, 'photos-undated')).toContain(
      photosTruth.undated.length === 1
        ? '1 photo n’a pas de date'
        : `${String(photosTruth.undated.length)} photos n’ont pas de date`,
    );
    expect(await textOf(page, 'notes-count')).toBe(`${String(notesTruth.notes.length)} notes`);
    expect(await textOf(page, 'notes-trashed')).toContain(
      notesTruth.trashed === 1 ? '1 note de la corbeille' : `${String(notesTruth.trashed)} notes`,
    );
    await screenshot(page, 'photos-5-journey-found-fr');
    await checkBothZooms(page, 'photos-5-journey-found-fr');

    // The edited copies: unticked once, ticked again (they move).
    const edited = page.getByLabel(journey.words('found.photos.editedChoice'));
    await edited.uncheck();
    expect(await edited.isChecked()).toBe(false);
    await edited.check();
    expect(await edited.isChecked()).toBe(true);
    // Only the photos and the notes: the account is a plain files space.
    for (const section of ['calendars', 'contacts', 'tasks', 'files']) {
      const boxes = page.locator(
        `section[aria-labelledby="${section}-title"] input[type=checkbox]`,
      );
      for (const box of await boxes.all()) if (await box.isChecked()) await box.uncheck();
    }
    await journey.wizard.button(journey.words('found.next')).click();
    await journey.waitForHeading('home.title');
    await journey.wizard.button(journey.words('home.otherWays.ownAccount')).click();
    await journey.waitForHeading('connect.title');
    await journey.connectWithPassword(server.user.home, server.user.name, server.user.password);
    await page.getByTestId('connect-result').waitFor();
    // Nothing chosen is without a place: no warning, the move can start.
    expect(await page.getByTestId('connect-result').getByRole('alert').count()).toBe(0);
    await journey.wizard.button(journey.words('connect.start')).click();
    await journey.waitForHeading('moving.title');
    await screenshot(page, 'photos-6-journey-moving-fr');

    await journey.waitForHeading('done.title', 120_000);
    await screenshot(page, 'photos-7-journey-done-fr');
    const row = (kind: string): Promise<Record<string, string>> => doneRow(page, kind);
    // Each picture, and on a server without Photos' albums one list per album: all verified.
    const photosRow = await row('photos');
    expect(photosRow).toMatchObject({
      found: String(count + photosTruth.albums.length),
      failed: '0',
    });
    expect(photosRow['verified']).toBe(photosRow['found']);
    const photoFacts = await paragraphs(page, 'photo-facts');
    expect(photoFacts[0]).toBe(
      `${String(count)} photos et vidéos dans ${String(photosTruth.albums.length)} albums : ` +
        `dates retrouvées pour ${String(count - photosTruth.undated.length)} ; ` +
        `${String(photosTruth.undated.length)} sans date (nommée plus bas).`,
    );
    expect(photoFacts[2]).toBe(
      'Chaque album est un dossier de « Photos/Albums » qui contient la liste de ses photos, sans les copier une seconde fois.',
    );
    expect((await paragraphs(page, 'note-facts'))[0]).toContain('« Notes »');
    // No agenda nor contact moved: no phone settings to give.
    expect(await page.getByTestId('devices').count()).toBe(0);
    // The photos without a date are named among the problems.
    const problems = await textOf(page, 'problems');
    for (const id of photosTruth.undated) {
      const photo = photosTruth.photos.find((one) => one.id === id);
      expect(problems, id).toContain(photo?.name ?? id);
    }
    await checkBothZooms(page, 'photos-7-journey-done-fr');

    // What Apache stored: every picture once, Google's bytes, and one list per album.
    const userDir = join(server.dataDir, server.user.name);
    const stored = filesOnDisk(userDir);
    const pictures = stored.filter((path) => path.startsWith('Photos/') && !path.endsWith('.md'));
    expect(pictures.map((path) => sha256(readFileSync(join(userDir, path)))).sort()).toEqual(
      photosTruth.photos.map((photo) => photo.sha256).sort(),
    );
    expect(stored.filter((path) => path.startsWith('Photos/Albums/'))).toHaveLength(
      photosTruth.albums.length,
    );

    // Every note that can move as a Markdown file, the archived ones in Notes/Archives, none
    // failed; then the headline is true: all that can move is there (the export's broken note
    // and the picture Google left out of it are named below), the rest left by choice.
    const notes = stored.filter((path) => path.startsWith('Notes/') && path.endsWith('.md'));
    expect(notes.filter((path) => path.startsWith('Notes/Archives/'))).toHaveLength(
      notesTruth.notes.filter((note) => note.folder === 'Archives').length,
    );
    expect(notes, 'one Markdown file per note').toHaveLength(notesTruth.notes.length);
    expect(await row('notes')).toMatchObject({ failed: '0' });
    expect(await page.getByTestId('done-summary').textContent()).toBe(
      journey.words('migration:report.complete', { context: 'takeout' }),
    );
    await page.close();
  });

  it('moves them into Nextcloud in English: a folder renamed, the albums in its Photos app, the dates kept', async () => {
    const photosTruth = expectedPhotos(spec);
    const notesTruth = expectedNotes(spec);
    const nextcloud = await startNextcloudStandIn();
    try {
      const page = await browser.newPage({ locale: 'en-GB' });
      const journey = new JourneyPage(page, 'en');
      await walkToFound(journey);
      await keepOnlyPhotosAndNotes(page);
      // The photos' folder named by the family.
      await page
        .getByTestId('photos-folder')
        .getByText(journey.words('found.folderName.change'))
        .click();
      await page
        .getByLabel(journey.words('found.photos.folderLabel'), { exact: true })
        .fill('  Family photos ');
      expect(await textOf(page, 'photos-where')).toContain('“Family photos”');
      await screenshot(page, 'photos-10-nextcloud-found-en');
      await journey.wizard.button(journey.words('found.next')).click();
      await journey.waitForHeading('home.title');
      await journey.wizard.button(journey.words('home.otherWays.ownAccount')).click();
      await journey.waitForHeading('connect.title');
      // The address Nextcloud's Files settings show.
      await journey.connectWithPassword(
        nextcloud.filesRoot,
        nextcloud.user.name,
        nextcloud.user.password,
      );
      await page.getByTestId('connect-result').waitFor();
      expect(await page.getByTestId('connect-result').getByRole('alert').count()).toBe(0);
      await journey.wizard.button(journey.words('connect.start')).click();
      await journey.waitForHeading('done.title', 120_000);
      await screenshot(page, 'photos-11-nextcloud-done-en');

      const photosRow = await doneRow(page, 'photos');
      expect(photosRow).toMatchObject({ found: String(photosTruth.photos.length), failed: '0' });
      expect(photosRow['verified']).toBe(photosRow['found']);
      const photoFacts = await paragraphs(page, 'photo-facts');
      expect(photoFacts[1]).toContain('“Family photos”');
      expect(photoFacts[2]).toBe(journey.words('migration:report.photoFacts.albumsApp'));
      await checkBothZooms(page, 'photos-11-nextcloud-done-en');

      // On the server: the albums in its Photos app, each with its pictures; every picture once
      // under the family's folder name, dated from its sidecar (X-OC-Mtime, read back on disk).
      const albums = nextcloud.photos.albums();
      expect([...albums.keys()].sort()).toEqual(photosTruth.albums.map((a) => a.name).sort());
      for (const album of photosTruth.albums) {
        expect(albums.get(album.name), album.name).toHaveLength(album.photos.length);
      }
      const stored = filesOnDisk(nextcloud.filesDir).filter((path) =>
        path.startsWith('Family photos/'),
      );
      const byHash = new Map(
        stored.map((path) => [sha256(readFileSync(join(nextcloud.filesDir, path))), path]),
      );
      expect([...byHash.keys()].sort()).toEqual(photosTruth.photos.map((p) => p.sha256).sort());
      expect(stored).toHaveLength(photosTruth.photos.length);
      for (const photo of photosTruth.photos) {
        if (photo.taken === null) continue;
        const path = byHash.get(photo.sha256) ?? '';
        const mtime = statSync(join(nextcloud.filesDir, path)).mtime;
        expect(Math.round(mtime.getTime() / 1000), path).toBe(photo.taken.getTime() / 1000);
      }

      // The notes, then the headline: true only when every note arrived.
      const notes = filesOnDisk(nextcloud.filesDir).filter(
        (path) => path.startsWith('Notes/') && path.endsWith('.md'),
      );
      expect(notes, 'one Markdown file per note').toHaveLength(notesTruth.notes.length);
      expect(await doneRow(page, 'notes')).toMatchObject({ failed: '0' });
      expect(await page.getByTestId('done-summary').textContent()).toBe(
        journey.words('migration:report.complete', { context: 'takeout' }),
      );
      await page.close();
    } finally {
      await nextcloud.close();
    }
  });
});
