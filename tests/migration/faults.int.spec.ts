// A real server behind the fault proxy: connections cut before or after the server did the
// work, 503 and 429 with Retry-After, slow answers — all survived without a lost or doubled
// item; a full server (507) and a refused password (401) stop the run with a plain explanation,
// and the next run finishes the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MigrationReport } from '../../src/contract/index.ts';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import type { EventSpec } from '../fixtures/takeout/takeout-spec.ts';
import {
  CALDAV_CARDDAV_SERVERS,
  describeEachServer,
  fault,
  useFaultProxy,
} from '../harness/index.ts';
import type { RecordedRequest, RequestInfo } from '../harness/index.ts';
import { testDavClient } from '../support/dav-client.ts';
import type { TestClient } from '../support/dav-client.ts';
import { calendarObjectsOf } from './support/read-server.ts';
import { migrationSession, reportOf } from './support/service-migration.ts';
import type { MigrationSession } from './support/service-migration.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-faults-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const EVENTS = 6;

/** An export with one calendar of its own per test (named `name`), six events. */
async function exportNamed(name: string): Promise<string[]> {
  const events: EventSpec[] = [
    ...Array.from({ length: EVENTS - 1 }, (): EventSpec => ({ kind: 'single' })),
    { kind: 'series', exdates: 1, overrides: 1 },
  ];
  return buildTakeout(
    join(dir, 'exports', name),
    { language: 'fr', calendars: [{ file: name, name, events }] },
    { format: 'zip' },
  );
}

const onlyCalendars = { contacts: false, tasks: false };
const isPut = (r: RequestInfo): boolean => r.method === 'PUT';
/** Matches the requests of `method` from the `from`-th on (1-based), `count` of them. */
const nth = (method: string, from: number) => {
  let seen = 0;
  return (r: RequestInfo): boolean => r.method === method && ++seen >= from;
};

describeEachServer('migration under faults', CALDAV_CARDDAV_SERVERS, (server, kind) => {
  const proxy = useFaultProxy(() => server().url, { seed: 11 });
  let reader: TestClient;
  let session: MigrationSession;
  beforeAll(() => {
    reader = testDavClient(server().user);
    session = migrationSession({
      server: proxy().url,
      user: server().user,
      dataDir: join(dir, kind, 'data'),
      concurrency: 2,
    });
  });
  afterAll(async () => {
    await session.close();
    await reader.http.close();
  });

  const state = (name: string): string => join(dir, kind, name);
  const run = async (name: string, parts: string[]) =>
    session.migrate(parts, { stateDir: state(name), selection: onlyCalendars });

  /** The one calendar the run made, read back from the server itself. */
  const stored = async (report: MigrationReport) => {
    expect(report.collections).toHaveLength(1);
    const url = new URL(new URL(report.collections[0]?.url ?? '').pathname, server().url).href;
    return calendarObjectsOf(reader.client, url);
  };
  const expectAllOnce = async (report: MigrationReport): Promise<void> => {
    const objects = await stored(report);
    expect(objects).toHaveLength(EVENTS);
    expect(new Set(objects.flatMap((o) => o.uids)).size).toBe(EVENTS);
    expect(report.calendars).toMatchObject({ found: EVENTS, verified: EVENTS, failed: 0 });
  };
  const puts = (): RecordedRequest[] => proxy().requests.filter((r) => r.method === 'PUT');

  it('survives connections cut before and after the server did the work', async () => {
    const parts = await exportNamed('Coupures');
    proxy().addRule({ match: nth('PUT', 2), times: 1, action: fault.reset('before-headers') });
    proxy().addRule({ match: nth('PUT', 2), times: 1, action: fault.reset('before-forward') });
    proxy().addRule({ match: nth('PUT', 2), times: 1, action: fault.reset('after-headers') });
    const report = reportOf(await run('resets', parts));
    expect(report).toMatchObject({ state: 'finished', complete: true });
    await expectAllOnce(report);
    expect(puts().filter((r) => r.outcome === 'reset')).toHaveLength(3);
    // Every cut request was sent again (a 412 after a cut that arrived is ours, not a failure).
    expect(report.calendars.problems).toEqual([]);
  });

  it('makes the calendar once when the answer to MKCALENDAR is lost', async () => {
    const parts = await exportNamed('Calendrier perdu');
    proxy().addRule({
      match: { method: 'MKCALENDAR' },
      times: 1,
      action: fault.reset('before-headers'),
    });
    const report = reportOf(await run('mkcalendar', parts));
    expect(report.complete).toBe(true);
    expect(report.collections.map((c) => new URL(c.url).pathname)).toEqual([
      expect.stringMatching(/calendrier-perdu-google\/$/) as string,
    ]);
    expect(proxy().requests.filter((r) => r.method === 'MKCALENDAR')).toHaveLength(2);
    await expectAllOnce(report);
  });

  it('waits as long as a 503 or 429 asks (Retry-After), then goes on', async () => {
    const parts = await exportNamed('Patience');
    session.waits.length = 0;
    proxy().addRule({ match: isPut, times: 2, action: fault.unavailable(7) });
    proxy().addRule({ match: { method: 'PROPFIND' }, times: 1, action: fault.tooManyRequests(3) });
    const report = reportOf(await run('retry-after', parts));
    expect(report.complete).toBe(true);
    expect(session.waits.filter((ms) => ms === 7000)).toHaveLength(2);
    expect(session.waits).toContain(3000);
    await expectAllOnce(report);
  });

  it('copes with slow answers and a trickling read-back', async () => {
    const parts = await exportNamed('Lenteur');
    proxy().addRule({ match: isPut, action: fault.delay(150, 'response') });
    proxy().addRule({ match: { method: 'PROPFIND' }, action: fault.slowBody(64, 5) });
    const report = reportOf(await run('slow', parts));
    expect(report.complete).toBe(true);
    await expectAllOnce(report);
  });

  it('stops on a full server (507) with a plain explanation, and the next run finishes it', async () => {
    const parts = await exportNamed('Plein');
    proxy().addRule({ match: nth('PUT', 3), action: fault.respond(507) });
    const stopped = reportOf(await run('full', parts));
    expect(stopped).toMatchObject({
      state: 'stopped',
      stopCode: 'dav.server-full',
      complete: false,
    });
    expect(stopped.stopMessage).toMatch(/plein|place|espace/i);
    // What arrived before the stop was read back; nothing was sent after it.
    expect(stopped.calendars.verified).toBe(2);
    // Two are sent at once: the one beside the refused PUT may have left before the 507 came
    // back, and be refused too; none leaves after it.
    const refused = puts().filter((r) => r.status === 507);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeLessThanOrEqual(2);
    expect(puts()).toHaveLength(2 + refused.length);

    proxy().clearRules();
    const finished = reportOf(await run('full', parts));
    expect(finished).toMatchObject({ runId: stopped.runId, state: 'finished', complete: true });
    await expectAllOnce(finished);
  });

  it('stops when the password is refused mid-run (401), read-back included, then resumes', async () => {
    const parts = await exportNamed('Mot de passe');
    let refusing = false;
    proxy().addRule({
      match: (r) => {
        if (isPut(r) && puts().length >= 3) refusing = true;
        return refusing;
      },
      action: fault.respond(401, { 'www-authenticate': 'Basic realm="baluchon"' }),
    });
    const stopped = reportOf(await run('password', parts));
    expect(stopped).toMatchObject({ state: 'stopped', stopCode: 'dav.unauthorized' });
    expect(stopped.stopMessage).not.toBeNull();

    proxy().clearRules();
    const finished = reportOf(await run('password', parts));
    expect(finished).toMatchObject({ runId: stopped.runId, state: 'finished', complete: true });
    await expectAllOnce(finished);
  });

  it('survives random resets and 503s on every kind of request', async () => {
    const parts = await exportNamed('Chaos');
    proxy().addRule({ probability: 0.15, action: fault.reset('before-headers') });
    proxy().addRule({ probability: 0.1, action: fault.unavailable(1) });
    let report = reportOf(await run('chaos', parts));
    // Retries may run out on a bad streak: the next run (same archive) finishes the job.
    for (let again = 0; again < 3 && !report.complete; again++) {
      report = reportOf(await run('chaos', parts));
    }
    proxy().clearRules();
    report = reportOf(await run('chaos', parts));
    expect(report.complete).toBe(true);
    await expectAllOnce(report);
  });
});
