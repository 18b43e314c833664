// After the move, the family's phones and computers, in Debian's Chromium through `baluchon web`:
// a French family's move into a real Radicale ends on Done with a QR code that decodes (jsQR, on
// the pixels Chromium drew) to the DAVx⁵ link for their account, an iPhone profile that parses
// with the account's facts, the addresses for Thunderbird, and a take-home sheet that prints on
// one A4 page — in French from Done, in English from `baluchon sheet`. No artefact holds the
// password. Done's new section passes axe at 100 % and 200 %, and is reached by keyboard.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'plist';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import { familySpec } from '../fixtures/takeout/family-spec.ts';
import { startRadicale } from '../harness/index.ts';
import type { DavServer } from '../harness/index.ts';
import { decodeQrPixels } from '../support/decode-qr.ts';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, screenshot, screenshotsDir } from './support/browser.ts';
import { startWebApp } from './support/web-app.ts';
import type { WebApp } from './support/web-app.ts';
import { JourneyPage } from './pages/journey-page.ts';

const run = promisify(execFile);

let app: WebApp;
let browser: Browser;
let server: DavServer;
let dir: string;
let parts: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baluchon-devices-'));
  parts = await buildTakeout(dir, familySpec('fr'), { format: 'zip', parts: 1 });
  [app, browser, server] = await Promise.all([startWebApp(), launchBrowser(), startRadicale()]);
});

afterAll(async () => {
  await browser.close();
  await Promise.all([app.stop(), server.stop()]);
  await rm(dir, { recursive: true, force: true });
});

/**
 * The QR code's text, read from what Chromium painted on screen: the element's screenshot (PNG),
 * turned back into pixels by the page itself (a data: image, which its CSP allows), then jsQR.
 */
async function qrText(page: Page): Promise<string | null> {
  const png = await page.getByTestId('davx5-qr').screenshot();
  const drawn = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    if (context === null) return null;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    return { width: image.width, height: image.height, pixels: Array.from(data) };
  }, png.toString('base64'));
  return drawn === null ? null : decodeQrPixels(drawn.pixels, drawn.width, drawn.height);
}

/** Pages of a PDF Chromium printed (each page object says `/Type /Page`). */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

describe('after the move: phones, computers and the sheet to take home', () => {
  it('sets a phone up from a QR code, gives the iPhone profile and prints one A4 sheet', async () => {
    const page = await browser.newPage({ locale: 'fr-FR', acceptDownloads: true });
    const journey = new JourneyPage(page, 'fr');
    await journey.walkToConnect(app.url, parts);
    await journey.connectWithPassword(server.url, server.user.name, server.user.password);
    await page.getByTestId('connect-result').waitFor();
    await journey.wizard.button(journey.words('connect.start')).click();
    await journey.waitForHeading('done.titleIncomplete', 120_000);
    const devices = page.getByTestId('devices');
    await devices.waitFor();
    await devices.scrollIntoViewIfNeeded();
    await screenshot(page, 'devices-1-done-fr');

    // The QR code and the link open DAVx⁵ with this account's address and user name.
    const address = new URL(server.url);
    const expected = `caldav://${server.user.name}@${address.host}${address.pathname}`;
    expect(await page.getByTestId('davx5-link').getAttribute('href')).toBe(expected);
    expect(await qrText(page)).toBe(expected);

    // The iPhone profile, as the browser downloads it.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('apple-profile').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.mobileconfig$/);
    const profilePath = join(dir, download.suggestedFilename());
    await download.saveAs(profilePath);
    const profileXml = await readFile(profilePath, 'utf8');
    const profile = parse(profileXml) as { PayloadContent: Record<string, unknown>[] };
    expect(profile.PayloadContent[0]?.['CalDAVUsername']).toBe(server.user.name);
    expect(profile.PayloadContent[0]?.['CalDAVHostName']).toBe(address.hostname);
    expect(profile.PayloadContent[0]?.['CalDAVPort']).toBe(Number(address.port));

    expect(await devices.textContent()).toContain(server.url);
    expect(await axeViolations(page)).toEqual([]);

    // At 200 % zoom the section stays inside the window and passes axe.
    await page.setViewportSize({ width: 640, height: 900 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'devices-2-done-fr-200pc');
    await page.setViewportSize({ width: 1280, height: 900 });

    // The sheet, reached with the keyboard, alone on screen, one A4 page on paper.
    await page.locator('body').focus();
    await journey.wizard.pressByKeyboard(journey.words('devices:sheet.open'), 120);
    const sheet = page.getByTestId('take-home-sheet');
    await sheet.waitFor();
    expect(await sheet.textContent()).toContain(server.user.name);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'devices-3-sheet-fr');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pageCount(pdf)).toBe(1);
    await page.emulateMedia({ media: 'screen' });

    // Nothing the family takes away holds the password.
    for (const artefact of [profileXml, await sheet.innerHTML(), expected]) {
      expect(artefact).not.toContain(server.user.password);
    }
    await journey.wizard.button(journey.words('devices:sheet.back')).click();
    await devices.waitFor();
    await page.close();
  });

  it('prints the same sheet in English from the command line, on one A4 page', async () => {
    const reports = join(app.dataDir, 'reports');
    const saved = (await readdir(reports)).filter((name) => name.endsWith('.json'));
    const runId = /-(\d+)\.json$/.exec(saved[0] ?? '')?.[1];
    expect(runId).toBeDefined();
    const out = join(dir, 'sheet-en.html');
    await run(
      process.execPath,
      [
        'node_modules/tsx/dist/cli.mjs',
        'src/cli/main.ts',
        'sheet',
        '--state',
        app.dataDir,
        '--run',
        runId ?? '',
        '--out',
        out,
      ],
      { env: { ...process.env, LANG: 'en_US.UTF-8' } },
    );
    const html = await readFile(out, 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).not.toContain(server.user.password);
    const page = await browser.newPage({ locale: 'en-US' });
    await page.setContent(html);
    await page.screenshot({ path: join(screenshotsDir, 'devices-4-sheet-en.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pageCount(pdf)).toBe(1);
    await page.close();
  });
});
