// Every kind found is accounted for, in Debian's Chromium through `baluchon web`, in French: a
// family whose account is a calendar server (a real Radicale, no place for files) reads in Done
// that their Drive files stayed at Google, and why, adds an account for the files (a real Apache
// mod_dav) from there and sees the files arrive; another family gives both accounts on Connect.
// The Done table stays readable at 200 % zoom; Done and Connect pass axe.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import { familySpec } from '../fixtures/takeout/family-spec.ts';
import { filesOnDisk } from '../files/support/files-on-disk.ts';
import { startApache, startRadicale } from '../harness/index.ts';
import type { DavServer, ServerUser } from '../harness/index.ts';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startWebApp } from './support/web-app.ts';
import type { WebApp } from './support/web-app.ts';
import { JourneyPage } from './pages/journey-page.ts';

const folder = 'Google Drive (importé)';
/** The family's Drive files that can move (a form, a link and a map cannot). */
const movable = [
  'Documents/Budget.xlsx',
  'Documents/Exposé.pptx',
  'Documents/Lettre.docx',
  'Documents/Notes.odt',
  'Factures/2024-01.pdf',
  'Photos/Vacances.jpg',
  'Sauvegarde/agenda.ics',
].map((path) => `${folder}/${path}`);

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

let app: WebApp;
let browser: Browser;
let calendars: DavServer;
let files: DavServer;
let dir: string;
let parts: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baluchon-accounting-'));
  parts = await buildTakeout(dir, familySpec('fr'), { format: 'zip', parts: 2 });
  const users = { users: [{ name: 'dupont' }, { name: 'martin' }] };
  [app, browser, calendars, files] = await Promise.all([
    startWebApp(),
    launchBrowser(),
    startRadicale(users),
    startApache(users),
  ]);
});

afterAll(async () => {
  await browser.close();
  await Promise.all([app.stop(), calendars.stop(), files.stop()]);
  await rm(dir, { recursive: true, force: true });
});

function user(server: DavServer, name: string): ServerUser {
  const found = server.users.find((one) => one.name === name);
  if (found === undefined) throw new Error(`no user ${name}`);
  return found;
}

/** Fills "Un compte pour vos fichiers" with the family's own WebDAV folder on Apache. */
async function giveFilesAccount(journey: JourneyPage, account: ServerUser): Promise<void> {
  const form = journey.page.getByTestId('files-account');
  await form.getByLabel(journey.words('filesAccount.server'), { exact: true }).fill(account.home);
  await form.getByLabel(journey.words('filesAccount.username'), { exact: true }).fill(account.name);
  await form
    .getByLabel(journey.words('filesAccount.password'), { exact: true })
    .fill(account.password);
  await form.getByRole('button', { name: journey.words('filesAccount.check') }).click();
  await journey.page.getByTestId('files-account-result').waitFor();
}

/** Cells of the Done table that leave the window (cut off) at the page's current size. */
async function cellsCutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const cells = Array.from(
      document.querySelectorAll('[data-testid="done-counts"] th, [data-testid="done-counts"] td'),
    );
    const cut: string[] = [];
    for (const cell of cells) {
      const box = cell.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // the column headings, hidden when stacked
      if (box.left < 0 || box.right > width + 0.5) cut.push(cell.textContent);
    }
    return cut;
  });
}

describe('every kind accounted for', () => {
  it('says the files stayed at Google on a calendar-only account, then brings them to a files account', async () => {
    const page = await browser.newPage({
      locale: 'fr-FR',
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 2,
    });
    const journey = new JourneyPage(page, 'fr');
    await journey.walkToConnect(app.url, parts);
    const dupont = user(calendars, 'dupont');
    await journey.connectWithPassword(calendars.url, dupont.name, dupont.password);
    await page.getByTestId('connect-result').waitFor();
    await journey.wizard.button(journey.words('connect.start')).click();
    await journey.waitForHeading('done.titleIncomplete', 120_000);

    // The headline does not say "everything"; the files have their row, and why they stayed.
    const summary = (await page.getByTestId('done-summary').textContent()) ?? '';
    expect(summary).toBe(journey.words('migration:report.verdict.incomplete'));
    expect(summary).not.toContain('Tout ce qui peut');
    const counts = await journey.doneCounts();
    expect(counts['files']).toMatchObject({ found: '10', verified: '0' });
    const left = (await page.getByTestId('done-left-files').textContent()) ?? '';
    expect(left).toMatch(
      /^10 fichiers \([\d,]+ ko\) sont restés chez Google : ce compte n’a pas de place pour les fichiers\./,
    );
    // Calendars, contacts and tasks did arrive: nothing of theirs stayed.
    for (const kind of ['calendars', 'contacts', 'tasks']) {
      expect(await page.getByTestId(`done-left-${kind}`).count(), kind).toBe(0);
    }
    const add = page
      .getByTestId('done-left-files')
      .getByRole('button', { name: journey.words('done.addFilesAccount') });
    expect(await add.count()).toBe(1);
    // Retrying would not help: the only gap is a missing place.
    expect(await journey.wizard.button(journey.words('done.tryAgain')).count()).toBe(0);
    await screenshot(page, 'done-1-calendar-only-fr');
    expect(await axeViolations(page)).toEqual([]);

    // At 200 % zoom: a 1280-pixel window lays out like a 640-pixel one at scale 2 (this page
    // was opened at scale 2).
    await page.setViewportSize({ width: 640, height: 400 });
    expect(await cellsCutOff(page)).toEqual([]);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByTestId('done-counts').scrollIntoViewIfNeeded();
    await screenshot(page, 'done-2-calendar-only-fr-200pc');
    // The same cells, each whole inside the window (the rows were stacked, not cut).
    expect(await page.getByTestId('done-row-files').locator('td').count()).toBe(7);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });

    // "Ajouter un compte pour vos fichiers": the files go on, the rest is not sent again.
    await add.click();
    await journey.waitForHeading('filesAccount.screenTitle');
    await giveFilesAccount(journey, user(files, 'dupont'));
    await screenshot(page, 'done-3-files-account-fr');
    expect(await axeViolations(page)).toEqual([]);
    await journey.wizard.button(journey.words('filesAccount.start')).click();
    await journey.waitForHeading('done.title', 120_000);

    const after = await journey.doneCounts();
    expect(after['files']).toMatchObject({ found: '10', verified: '7', skipped: '3', failed: '0' });
    expect(after['calendars']).toMatchObject({ created: '0', failed: '0' });
    expect(await page.getByTestId('done-summary').textContent()).toBe(
      journey.words('migration:report.complete'),
    );
    const accounts = (await page.getByTestId('done-accounts').textContent()) ?? '';
    expect(accounts).toContain(dupont.name);
    // "Fichiers vers dupont sur http://127.0.0.1:…" (the address as the account was found).
    expect(accounts).toContain(
      journey
        .words('migration:report.filesTo', { account: 'dupont', server: files.url })
        .slice(0, -1),
    );
    expect(await page.getByTestId('done-left-files').textContent()).toContain(
      'ne peuvent pas être déménagés',
    );
    await screenshot(page, 'done-4-files-arrived-fr');
    expect(await axeViolations(page)).toEqual([]);
    expect(filesOnDisk(join(files.dataDir, 'dupont')).sort()).toEqual(
      [...movable, ...memories].sort(),
    );
    await page.close();
  });

  it('takes an account for the files on Connect, and moves everything in one run', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    const journey = new JourneyPage(page, 'fr');
    await journey.walkToConnect(app.url, parts);
    const martin = user(calendars, 'martin');
    await journey.connectWithPassword(calendars.url, martin.name, martin.password);
    await page.getByTestId('connect-result').waitFor();
    expect(await page.getByTestId('connect-result').textContent()).toContain(
      journey.words('connect.result.noFiles'),
    );
    await screenshot(page, 'connect-files-1-no-place-fr');
    await journey.wizard.button(journey.words('filesAccount.add')).click();
    await page.getByTestId('files-account').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await giveFilesAccount(journey, user(files, 'martin'));
    expect(await page.getByTestId('files-account-result').textContent()).toContain('martin');
    // With a place for the files, Connect no longer says they cannot go.
    expect(await page.getByText(journey.words('connect.result.cannot.files')).count()).toBe(0);
    await screenshot(page, 'connect-files-2-added-fr');
    expect(await axeViolations(page)).toEqual([]);

    await journey.wizard.button(journey.words('connect.start')).click();
    await journey.waitForHeading('done.title', 120_000);
    const counts = await journey.doneCounts();
    expect(counts['files']).toMatchObject({ verified: '7', failed: '0' });
    expect(counts['calendars']?.['failed']).toBe('0');
    expect(await page.getByTestId('done-summary').textContent()).toBe(
      journey.words('migration:report.complete'),
    );
    const accounts = (await page.getByTestId('done-accounts').textContent()) ?? '';
    expect(accounts).toContain(
      journey
        .words('migration:report.to', { account: 'martin', server: calendars.url })
        .slice(0, -1),
    );
    expect(accounts).toContain(
      journey
        .words('migration:report.filesTo', { account: 'martin', server: files.url })
        .slice(0, -1),
    );
    await screenshot(page, 'connect-files-3-done-fr');
    expect(filesOnDisk(join(files.dataDir, 'martin')).sort()).toEqual(
      [...movable, ...memories].sort(),
    );
    await page.close();
  });
});
