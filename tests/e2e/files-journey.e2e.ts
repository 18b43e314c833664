// The Drive part of the journey in Debian's Chromium through `baluchon web`, in English: a family
// whose account is a plain WebDAV folder (a real Apache mod_dav) drops an export full of names
// computers refuse, follows the move in bytes, and reads in Done which files were renamed and
// which could not move — checked against what Apache stored on disk.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApache } from '../harness/index.ts';
import type { DavServer } from '../harness/index.ts';
import { buildDrive, expectedRenamings, expectedTargets } from '../files/support/drive-fixture.ts';
import type { BuiltDrive } from '../files/support/drive-fixture.ts';
import { filesOnDisk } from '../files/support/files-on-disk.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startWebApp } from './support/web-app.ts';
import type { WebApp } from './support/web-app.ts';
import { JourneyPage } from './pages/journey-page.ts';

let app: WebApp;
let browser: Browser;
let server: DavServer;
let dir: string;
let drive: BuiltDrive;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baluchon-files-journey-'));
  drive = await buildDrive(dir, { format: 'zip', parts: 2 });
  [app, browser, server] = await Promise.all([startWebApp(), launchBrowser(), startApache()]);
});

afterAll(async () => {
  await browser.close();
  await Promise.all([app.stop(), server.stop()]);
  await rm(dir, { recursive: true, force: true });
});

describe('the Drive journey', () => {
  it('moves the files into a WebDAV folder and shows the renamings and what could not move', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    const journey = new JourneyPage(page, 'en');
    await journey.walkToConnect(app.url, drive.parts);

    // The address a host gives for a plain WebDAV account: the family's own folder. Apache has a
    // files space and no calendars: Connect says so in words.
    await journey.connectWithPassword(server.user.home, server.user.name, server.user.password);
    const result = page.getByTestId('connect-result');
    await result.waitFor();
    expect(await result.textContent()).toContain(journey.words('connect.result.files'));
    await screenshot(page, 'files-1-connect-en');
    await journey.wizard.button(journey.words('connect.start')).click();
    await journey.waitForHeading('moving.title');
    await screenshot(page, 'files-2-moving-en');

    await journey.waitForHeading('done.title', 120_000);
    await screenshot(page, 'files-3-done-en');
    const movable = Object.entries(expectedTargets).filter(([, target]) => target !== null);
    const counts = await journey.doneCounts();
    expect(counts['files']).toMatchObject({
      found: String(movable.length + 4),
      created: String(movable.length),
      skipped: '4',
      failed: '0',
      verified: String(movable.length),
    });
    expect(await page.getByTestId('done-summary').textContent()).toBe(
      journey.words('migration:report.complete'),
    );
    // Next steps speak of the files' folder, not of phone calendars.
    const next = (await page.locator('section[aria-labelledby="next-title"]').textContent()) ?? '';
    expect(next).toContain(
      journey.words('migration:report.nextFiles', { folder: 'Google Drive (imported)' }),
    );
    expect(next).not.toContain(journey.words('migration:report.nextPhone'));

    // The renamings are gathered in one entry; opened, it lists each one, old name and new.
    const renamings = page.getByTestId('renamings');
    await renamings.locator('summary').click();
    await screenshot(page, 'files-4-renamings-en');
    const listed = await renamings.getByRole('listitem').allTextContents();
    expect(listed).toHaveLength(expectedRenamings.length);
    for (const { from, to } of expectedRenamings) {
      expect(listed, from).toContain(journey.words('files:report.renamedLine', { from, to }));
    }
    // Every file that cannot move is named, with why.
    const problems = (await page.getByTestId('problems').textContent()) ?? '';
    for (const [source] of Object.entries(expectedTargets).filter(([, t]) => t === null)) {
      if (source.endsWith('-info.json')) continue; // Google's metadata, not a family file.
      expect(problems, source).toContain(source);
    }

    // What Apache stored: exactly the planned files, byte for byte, under one folder.
    const folder = 'Google Drive (imported)';
    const userDir = join(server.dataDir, server.user.name);
    expect(filesOnDisk(userDir)).toEqual(
      movable.map(([, target]) => `${folder}/${target ?? ''}`).sort(),
    );
    for (const [source, target] of movable) {
      const stored = readFileSync(join(userDir, folder, target ?? ''));
      expect(stored.equals(drive.contents.get(source) ?? Buffer.alloc(1)), source).toBe(true);
    }
    await page.close();
  });
});
