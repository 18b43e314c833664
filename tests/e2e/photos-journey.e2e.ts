// Photos and notes on the family's screens, in Debian's Chromium through `baluchon web`, in
// French. First "What we found" and "Done" from a hand-made scan and report (contract-checked,
// answered inside the browser): the numbers and words a family reads, the choice of the edited
// copies and of the folder's name, axe at 100 % and 200 % zoom, nothing running off the side.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photosMoveReport, photosScanReport } from '../renderer/support/photos-reports.ts';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { stubLastMove, stubScan } from './support/stub-api.ts';
import { startWebApp } from './support/web-app.ts';
import type { WebApp } from './support/web-app.ts';
import { JourneyPage } from './pages/journey-page.ts';

let app: WebApp;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baluchon-photos-journey-'));
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser.close();
  await app.stop();
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
    await journey.wizard.open(app.url);
    await journey.wizard.button(journey.words('welcome.start')).click();
    await journey.waitForHeading('source.title');
    const part = join(dir, 'takeout-20261201T101010Z-001.zip');
    await writeFile(part, 'PK');
    await journey.dropArchive([part]);
    await journey.wizard.button(journey.words('source.read')).click();
    await journey.waitForHeading('found.title');

    // "12 402 photos et vidéos (48 Go), dans 38 albums"; "22 photos n'ont pas de date…".
    expect(await textOf(page, 'photos-count')).toBe('12 402 photos et vidéos');
    expect(await textOf(page, 'photos-bytes')).toBe('(48 Go)');
    expect(await textOf(page, 'photos-albums')).toBe(', dans 38 albums');
    expect(await textOf(page, 'photos-undated')).toContain('22 photos n’ont pas de date');
    expect(await textOf(page, 'photos-undated')).toContain('« Sans date »');
    expect(await textOf(page, 'photos-live')).toContain('37 photos animées');
    expect(await textOf(page, 'photos-duplicates')).toContain(
      '2 950 photos se trouvaient deux fois',
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
    expect(await textOf(page, 'photo-facts-summary')).toBe(
      '12 402 photos dans 38 albums, dates retrouvées pour 12 380 ; 22 sans date (nommées ci-dessous).',
    );
    expect(await textOf(page, 'photo-facts-where')).toContain('« Photos »');
    expect(await textOf(page, 'photo-facts-albums')).toContain(
      'un dossier par album, avec la liste de ses photos',
    );
    expect(await textOf(page, 'note-facts-where')).toContain('86 notes dans le dossier « Notes »');
    expect(await textOf(page, 'note-facts-archived')).toBe(
      'Les 12 notes archivées sont dans « Notes/Archives ».',
    );
    expect(await textOf(page, 'note-facts-trashed')).toBe(
      '3 notes de la corbeille de Google Keep n’ont pas été déménagées.',
    );
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
    expect(await textOf(page, 'photo-facts-summary')).toBe(
      '40 photos dans 3 albums, dates retrouvées pour 40.',
    );
    expect(await textOf(page, 'photo-facts-albums')).toBe(
      'Vos albums sont dans l’application Photos de Nextcloud, rubrique Albums.',
    );
    await page.close();
  });
});
