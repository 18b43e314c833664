// Page model of the whole journey as a family walks it: drop the archive, read what was found,
// connect, follow the move, read what arrived. Words come from the catalogues, in the page's
// language.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Locale } from '../../../src/contract/index.ts';
import { createI18n } from '../../../src/i18n/create-i18n.ts';
import { WizardPage } from './wizard-page.ts';

export interface FoundNumbers {
  calendars: { name: string; events: string }[];
  contacts: string;
  tasks: string;
  files: string;
  bytes: string;
}

export class JourneyPage {
  readonly wizard: WizardPage;
  readonly #t: (key: string, params?: Record<string, string | number>) => string;

  constructor(
    readonly page: Page,
    readonly language: Locale,
  ) {
    this.wizard = new WizardPage(page);
    const i18n = createI18n(language);
    this.#t = (key, params) => i18n.t(key.includes(':') ? key : `wizard:${key}`, params ?? {});
  }

  words(key: string, params?: Record<string, string | number>): string {
    return this.#t(key, params);
  }

  async waitForHeading(key: string, timeout = 30_000): Promise<void> {
    await this.wizard
      .heading()
      .filter({ hasText: this.words(key) })
      .waitFor({ timeout });
  }

  /** Drags the archive parts from "the desktop" and drops them on the drop area. */
  async dropArchive(paths: readonly string[]): Promise<void> {
    const files = await Promise.all(
      paths.map(async (path) => ({
        name: basename(path),
        base64: (await readFile(path)).toString('base64'),
      })),
    );
    const dataTransfer = await this.page.evaluateHandle((list) => {
      const transfer = new DataTransfer();
      for (const file of list) {
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], file.name, { type: 'application/zip' }));
      }
      return transfer;
    }, files);
    const zone = this.page.getByTestId('drop-zone');
    await zone.dispatchEvent('dragover', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
  }

  chosenFiles(): Locator {
    return this.page.getByTestId('chosen-files').getByRole('listitem');
  }

  async foundNumbers(): Promise<FoundNumbers> {
    const rows = this.page.getByTestId('calendar-row');
    const calendars: FoundNumbers['calendars'] = [];
    for (const row of await rows.all()) {
      calendars.push({
        name: (await row.getByTestId('calendar-name').textContent()) ?? '',
        events: (await row.getByTestId('calendar-events').textContent()) ?? '',
      });
    }
    const text = async (id: string): Promise<string> =>
      (await this.page.getByTestId(id).textContent()) ?? '';
    return {
      calendars,
      contacts: await text('contacts-count'),
      tasks: await text('tasks-count'),
      files: await text('files-count'),
      bytes: await text('files-bytes'),
    };
  }

  /**
   * From Welcome to Connect the plain way: drop the parts, read them, go on past what was found,
   * and choose "I already have an account".
   */
  async walkToConnect(appUrl: string, parts: readonly string[]): Promise<void> {
    await this.wizard.open(appUrl);
    await this.wizard.button(this.words('welcome.start')).click();
    await this.waitForHeading('source.title');
    await this.dropArchive(parts);
    await this.wizard.button(this.words('source.read')).click();
    await this.waitForHeading('found.title');
    await this.wizard.button(this.words('found.next')).click();
    await this.waitForHeading('home.title');
    await this.wizard.button(this.words('home.otherWays.ownAccount')).click();
    await this.waitForHeading('connect.title');
  }

  async connectWithPassword(server: string, username: string, password: string): Promise<void> {
    await this.page.getByLabel(this.words('connect.password.server'), { exact: true }).fill(server);
    await this.page
      .getByLabel(this.words('connect.password.username'), { exact: true })
      .fill(username);
    await this.page
      .getByLabel(this.words('connect.password.password'), { exact: true })
      .fill(password);
    await this.wizard.button(this.words('connect.check')).click();
  }

  /** The Done screen's table: for each kind shown, the number in each column. */
  async doneCounts(): Promise<Record<string, Record<string, string>>> {
    const counts: Record<string, Record<string, string>> = {};
    for (const kind of ['calendars', 'tasks', 'contacts', 'files']) {
      const row = this.page.getByTestId(`done-row-${kind}`);
      if ((await row.count()) === 0) continue;
      const cells: Record<string, string> = {};
      for (const cell of await row.locator('td').all()) {
        cells[(await cell.getAttribute('data-column')) ?? ''] = (await cell.textContent()) ?? '';
      }
      counts[kind] = cells;
    }
    return counts;
  }
}
