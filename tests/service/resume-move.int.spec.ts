// A family pauses the move, closes Baluchon, opens it again the next day: Welcome offers to go on,
// and going on ends with everything on the server once. Through the service, as the app drives
// it, against a real Radicale.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BaluchonEvent, MigrationReport } from '../../src/contract/index.ts';
import { MigrationReport as MigrationReportSchema } from '../../src/contract/index.ts';
import type { UnfinishedMoveSummary } from '../../src/contract/migrate.ts';
import type { Service } from '../../src/service/create-service.ts';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import { familySpec } from '../fixtures/takeout/family-spec.ts';
import { startRadicale, useServer } from '../harness/index.ts';
import type { DavServer, ServerUser } from '../harness/index.ts';
import { testDavClient } from '../support/dav-client.ts';
import { calendarObjectsOf } from '../migration/support/read-server.ts';
import { migrationSession } from '../migration/support/service-migration.ts';
import { events, seedCalendarsAndContacts } from '../sources/dav/support/family.ts';

let dir: string;
let parts: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baluchon-resume-move-'));
  parts = await buildTakeout(join(dir, 'export'), familySpec('fr'), { format: 'zip', parts: 2 });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Calls a command that starts a job, and resolves with how that job ended. */
async function runJob(
  service: Service,
  name: string,
  input: unknown,
): Promise<Extract<BaluchonEvent, { type: 'job.end' }>> {
  const seen: BaluchonEvent[] = [];
  let wake: () => void = () => undefined;
  const unsubscribe = service.subscribe((event) => {
    seen.push(event);
    wake();
  });
  try {
    const started = await service.call(name, input);
    if (!started.ok) throw new Error(`${name} refused: ${started.error.message}`);
    const { jobId } = started.value as { jobId: string };
    for (;;) {
      const end = seen.find(
        (event): event is Extract<BaluchonEvent, { type: 'job.end' }> =>
          event.jobId === jobId && event.type === 'job.end',
      );
      if (end !== undefined) return end;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    unsubscribe();
  }
}

describe('a move paused, the app closed, then resumed from Welcome', () => {
  const server = useServer(() => startRadicale());

  it('offers the unfinished move after a restart and ends with every item once', async () => {
    const dataDir = join(dir, 'data');
    const stateDir = join(dir, 'state');

    // Day one: the family presses Pause once a few events are on the server.
    const first = migrationSession({ server: server().url, user: server().user, dataDir });
    let pausing = false;
    const paused = await first.migrate(parts, {
      stateDir,
      onEvent: (event) => {
        if (pausing || event.type !== 'job.progress') return;
        const progress = event.progress as { calendars?: { done: number } };
        if ((progress.calendars?.done ?? 0) < 3) return;
        pausing = true;
        void first.service.call('cancelJob', { jobId: event.jobId });
      },
    });
    expect(pausing).toBe(true);
    // Paused: what is already there is said, and it is not the whole move.
    if (paused.outcome !== 'done') throw new Error(`the paused job ended ${paused.outcome}`);
    const firstReport: MigrationReport = paused.report;
    expect(firstReport).toMatchObject({ state: 'cancelled', complete: false });
    expect(firstReport.calendars.created).toBeGreaterThanOrEqual(3);
    const before = await first.service.call('listUnfinishedMoves', {});
    expect(before.ok && (before.value as UnfinishedMoveSummary[]).length).toBe(1);
    await first.close();

    // Day two: a new start of the app (a new service on the same data folder). The password
    // was kept in memory only, so it is asked again.
    const second = migrationSession({ server: server().url, user: server().user, dataDir });
    try {
      const listed = await second.service.call('listUnfinishedMoves', {});
      if (!listed.ok) throw new Error(listed.error.message);
      const moves = listed.value as UnfinishedMoveSummary[];
      expect(moves).toHaveLength(1);
      expect(moves[0]).toMatchObject({
        username: server().user.name,
        archives: parts.map((path) => path.split('/').at(-1)),
        archivesPresent: true,
        passwordKnown: false,
      });

      const end = await runJob(second.service, 'resumeMove', {
        accountId: moves[0]?.accountId,
        password: server().user.password,
      });
      if (end.outcome !== 'done') throw new Error(`resume ${end.outcome}`);
      const report = MigrationReportSchema.parse(end.result);
      expect(report).toMatchObject({ state: 'finished', complete: true });
      // The same run goes on: its report covers both days, every event made once.
      expect(report.runId).toBe(firstReport.runId);
      expect(firstReport.calendars.created).toBeLessThan(report.calendars.found);
      expect(report.calendars).toMatchObject({ created: report.calendars.found, failed: 0 });

      // On the server: every event once, in the calendars the first day made (none twice).
      const reader = testDavClient(server().user);
      try {
        const calendars = report.collections.filter((c) => c.kind === 'calendars');
        expect(new Set(calendars.map((c) => c.name)).size).toBe(calendars.length);
        let stored = 0;
        for (const calendar of calendars) {
          const url = new URL(new URL(calendar.url).pathname, server().url).href;
          const objects = await calendarObjectsOf(reader.client, url);
          expect(new Set(objects.flatMap((o) => o.uids)).size).toBe(objects.length);
          stored += objects.length;
        }
        expect(stored).toBe(report.calendars.found);
        expect(report.calendars.verified).toBe(report.calendars.found);
      } finally {
        await reader.http.close();
      }

      // Nothing left to go on with.
      const after = await second.service.call('listUnfinishedMoves', {});
      expect(after.ok && after.value).toEqual([]);
    } finally {
      await second.close();
    }
  });
});

function user(server: DavServer, name: string): ServerUser {
  const found = server.users.find((one) => one.name === name);
  if (found === undefined) throw new Error(`no user ${name}`);
  return found;
}

describe('a move from another host, stopped, then resumed after a restart', () => {
  // One server, two accounts: the one the family leaves and the one they move to.
  const server = useServer(() =>
    startRadicale({ users: [{ name: 'ancien' }, { name: 'nouveau' }] }),
  );

  beforeAll(async () => {
    const old = user(server(), 'ancien');
    await seedCalendarsAndContacts(old, { calendarHome: old.home, addressbookHome: old.home });
  });

  it('asks for the old host’s password again and goes on with it', async () => {
    const dataDir = join(dir, 'from-host-data');
    const stateDir = join(dir, 'from-host-state');
    const old = user(server(), 'ancien');
    const fresh = user(server(), 'nouveau');

    // Day one: both accounts connected, the move started, then stopped at once.
    const first = migrationSession({ server: server().url, user: fresh, dataDir });
    try {
      const connect = async (who: ServerUser): Promise<string> => {
        const connected = await first.service.call('connect', {
          server: server().url,
          username: who.name,
          password: who.password,
        });
        if (!connected.ok) throw new Error(connected.error.message);
        return (connected.value as { accountId: string }).accountId;
      };
      const sourceId = await connect(old);
      const accountId = await connect(fresh);
      const ended: string[] = [];
      const unsubscribe = first.service.subscribe((event) => {
        if (event.type === 'job.end') ended.push(event.jobId);
      });
      try {
        const started = await first.service.call('startMigration', {
          source: { kind: 'dav', accountId: sourceId },
          accountId,
          selection: { contacts: true, tasks: true, files: false, photos: false, notes: false },
          stateDir,
        });
        if (!started.ok) throw new Error(started.error.message);
        const { jobId } = started.value as { jobId: string };
        await first.service.call('cancelJob', { jobId });
        await vi.waitFor(
          () => {
            expect(ended).toContain(jobId);
          },
          { timeout: 15_000 },
        );
      } finally {
        unsubscribe();
      }
    } finally {
      await first.close();
    }

    // Day two: a new start of the app. Neither password was kept: both are asked again.
    const second = migrationSession({ server: server().url, user: fresh, dataDir });
    try {
      const listed = await second.service.call('listUnfinishedMoves', {});
      if (!listed.ok) throw new Error(listed.error.message);
      const moves = listed.value as UnfinishedMoveSummary[];
      expect(moves).toHaveLength(1);
      const move = moves[0];
      if (move === undefined) throw new Error('no unfinished move');
      expect(move).toMatchObject({
        username: 'nouveau',
        fromUsername: 'ancien',
        archives: [],
        archivesPresent: true,
        passwordKnown: false,
        sourcePasswordKnown: false,
      });
      expect(new URL(move.fromServer ?? '').host).toBe(new URL(server().url).host);

      // Without the old host's password the move cannot read from it.
      const refused = await second.service.call('resumeMove', {
        accountId: move.accountId,
        password: fresh.password,
      });
      expect(refused.ok ? null : refused.error.code).toBe('connect.password-needed');

      const end = await runJob(second.service, 'resumeMove', {
        accountId: move.accountId,
        password: fresh.password,
        sourcePassword: old.password,
      });
      if (end.outcome !== 'done') throw new Error(`resume ${end.outcome}`);
      const report = MigrationReportSchema.parse(end.result);
      expect(report).toMatchObject({ state: 'finished', complete: true });
      expect(report.calendars.found).toBeGreaterThanOrEqual(events.length);
      expect(report.calendars.failed).toBe(0);

      // On the new account: the old host's events arrived.
      const reader = testDavClient(fresh);
      try {
        let stored = 0;
        for (const calendar of report.collections.filter((c) => c.kind === 'calendars')) {
          const url = new URL(new URL(calendar.url).pathname, server().url).href;
          stored += (await calendarObjectsOf(reader.client, url)).length;
        }
        expect(stored).toBe(report.calendars.found);
      } finally {
        await reader.http.close();
      }

      const after = await second.service.call('listUnfinishedMoves', {});
      expect(after.ok && after.value).toEqual([]);
    } finally {
      await second.close();
    }
  });
});
