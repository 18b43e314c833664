// Answers some of the app's commands and its event stream from the test, inside the browser
// (Playwright's request routing), while the real `baluchon web` answers the rest. For screens
// whose data cannot be made yet by a real run (a scan of a kind the reader does not read yet) or
// is long to make (a finished move of thousands of photos): the page gets contract-shaped data
// (the helpers' callers parse it with the contract's schemas) and is tested as a family sees it.
import type { Page } from 'playwright-core';
import type {
  BaluchonEvent,
  CommandName,
  CommandOutput,
  LastMove,
  ScanReport,
} from '../../../src/contract/index.ts';

/** Answers `api/<name>` with this value, as the service would (`{ ok: true, value }`). */
export async function stubCommand<K extends CommandName>(
  page: Page,
  name: K,
  value: CommandOutput<K>,
): Promise<void> {
  await page.route(`**/api/${name}`, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ ok: true, value }),
    }),
  );
}

/**
 * Replaces the event stream with these events, said once when the page opens it. The stream then
 * ends; `retry` keeps the page from opening it again within the test (an hour).
 */
export async function stubEvents(page: Page, events: readonly BaluchonEvent[]): Promise<void> {
  const body =
    'retry: 3600000\n\n' + events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('');
  await page.route('**/events', (route) =>
    route.fulfill({
      status: 200,
      headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' },
      body,
    }),
  );
}

/**
 * A scan that ends at once with this report: the dropped parts are "received" without being sent
 * (their names kept), and reading them gives `report`. Call before the page is opened.
 */
export async function stubScan(page: Page, report: ScanReport): Promise<void> {
  const jobId = 'stub-scan';
  await page.route('**/upload?**', (route) => {
    const name = new URL(route.request().url()).searchParams.get('name') ?? 'part.zip';
    return route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ ok: true, value: { path: `/stub/${name}` } }),
    });
  });
  await stubCommand(page, 'startScan', { jobId });
  await stubEvents(page, [
    { type: 'job.end', jobId, kind: 'scan', outcome: 'done', result: report },
  ]);
}

/** Welcome offers this move's report as the last one; "see it" opens Done with it. */
export async function stubLastMove(page: Page, last: LastMove): Promise<void> {
  await stubCommand(page, 'lastMove', last);
}
