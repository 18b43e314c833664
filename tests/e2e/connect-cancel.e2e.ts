// The connect screen while a server does not answer (issue 12, point 4): the family sees that
// Baluchon is looking for their calendars, with a Cancel button that ends the search — in French
// and English, axe-clean — and can then connect to a server that answers.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import { familySpec } from '../fixtures/takeout/family-spec.ts';
import { startRadicale } from '../harness/index.ts';
import type { DavServer } from '../harness/index.ts';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startWebApp } from './support/web-app.ts';
import type { WebApp } from './support/web-app.ts';
import { JourneyPage } from './pages/journey-page.ts';

let app: WebApp;
let browser: Browser;
let server: DavServer;
let dir: string;
let parts: string[];
let silent: Server;
let silentUrl: string;
const sockets = new Set<Socket>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baluchon-connect-cancel-'));
  parts = await buildTakeout(dir, familySpec('fr'), { format: 'zip', parts: 1 });
  [app, browser, server] = await Promise.all([startWebApp(), launchBrowser(), startRadicale()]);
  // Accepts connections and never answers: without Cancel, the search would wait its deadlines.
  silent = createServer((socket) => {
    sockets.add(socket);
    socket.resume();
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentUrl = `http://127.0.0.1:${String((silent.address() as AddressInfo).port)}/`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
  await browser.close();
  await Promise.all([app.stop(), server.stop()]);
  await rm(dir, { recursive: true, force: true });
});

describe('connect screen', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`shows the search with a Cancel that ends it (${lang})`, async () => {
      const page = await browser.newPage({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });
      const journey = new JourneyPage(page, lang);
      await journey.wizard.open(app.url);
      await journey.wizard.button(journey.words('welcome.start')).click();
      await journey.waitForHeading('source.title');
      await journey.dropArchive(parts);
      await journey.wizard.button(journey.words('source.read')).click();
      await journey.waitForHeading('found.title');
      await journey.wizard.button(journey.words('found.next')).click();
      await journey.waitForHeading('home.title');
      await journey.wizard.button(journey.words('home.otherWays.ownAccount')).click();
      await journey.waitForHeading('connect.title');

      await journey.connectWithPassword(silentUrl, 'anne', 'secret');
      const progress = page.getByTestId('connect-progress');
      await progress.waitFor();
      expect(await progress.textContent()).toContain(journey.words('connect.searching'));
      await screenshot(page, `connect-searching-${lang}`);
      expect(await axeViolations(page)).toEqual([]);

      await progress.getByRole('button', { name: journey.words('actions.cancel') }).click();
      await progress.waitFor({ state: 'detached' });
      expect(await page.getByTestId('connect-error').count()).toBe(0);

      // The form is usable again: a server that answers connects.
      await journey.connectWithPassword(server.url, server.user.name, server.user.password);
      await page.getByTestId('connect-result').waitFor();
      await page.close();
    }, 120_000);
  }
});
