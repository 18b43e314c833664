// A page reloaded (or a second window) in the middle of a move: the service says which move is
// running, with its last progress, answers a second "go on" with the running job instead of a
// second one on the same journal, and keeps the report of the last move until forgotten. A
// "forget everything" in the middle of a move stops it first. Through the service, as the app
// drives it, against a real Radicale.
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  BaluchonEvent,
  LastMove,
  MoveStatus,
  UnfinishedMoveSummary,
} from '../../src/contract/index.ts';
import type { Service } from '../../src/service/create-service.ts';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import type { EventSpec } from '../fixtures/takeout/takeout-spec.ts';
import { startRadicale, useServer } from '../harness/index.ts';
import { migrationSession } from '../migration/support/service-migration.ts';
import type { MigrationSession } from '../migration/support/service-migration.ts';

// Radicale takes 10–15 events a second: the move is still running when the checks are made.
const EVENTS = 120;

let dir: string;
let parts: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baluchon-reattach-'));
  const events = Array.from({ length: EVENTS }, (): EventSpec => ({ kind: 'single' }));
  parts = await buildTakeout(
    join(dir, 'export'),
    { language: 'fr', calendars: [{ file: 'Famille', name: 'Famille', events }] },
    { format: 'zip', parts: 1 },
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function call<T>(service: Service, name: string, input: unknown): Promise<T> {
  const result = await service.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Every event the service sends, and a way to wait for one. */
function watch(service: Service) {
  const events: BaluchonEvent[] = [];
  let wake: () => void = () => undefined;
  const unsubscribe = service.subscribe((event) => {
    events.push(event);
    wake();
  });
  return {
    events,
    unsubscribe,
    async until(found: (event: BaluchonEvent) => boolean): Promise<BaluchonEvent> {
      for (;;) {
        const event = events.find(found);
        if (event !== undefined) return event;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}

const copiedAtLeast =
  (jobId: string, count: number) =>
  (event: BaluchonEvent): boolean =>
    event.jobId === jobId &&
    event.type === 'job.progress' &&
    event.kind === 'migrate' &&
    event.progress.calendars.done >= count;

async function connect(
  session: MigrationSession,
  url: string,
  user: { name: string; password: string },
) {
  const account = await call<{ accountId: string }>(session.service, 'connect', {
    server: url,
    username: user.name,
    password: user.password,
  });
  return account.accountId;
}

describe('a move followed again from another window', () => {
  const server = useServer(() => startRadicale());

  it('answers a second go-on with the running job, tells its progress, and keeps its report', async () => {
    const dataDir = join(dir, 'data-reattach');
    // The archive as `baluchon web` receives it: a copy in the data folder's uploads/.
    const received = join(dataDir, 'uploads', 'abc123', basename(parts[0] ?? ''));
    await mkdir(join(received, '..'), { recursive: true });
    await copyFile(parts[0] ?? '', received);

    const session = migrationSession({ server: server().url, user: server().user, dataDir });
    const seen = watch(session.service);
    try {
      const accountId = await connect(session, server().url, server().user);
      const { jobId } = await call<{ jobId: string }>(session.service, 'startMigration', {
        paths: [received],
        accountId,
        selection: { contacts: false, tasks: false, files: false },
      });
      await seen.until(copiedAtLeast(jobId, 3));

      // The reloaded page asks what is running: this move, with what it said last.
      const moves = await call<MoveStatus[]>(session.service, 'listMoves', {});
      expect(moves).toHaveLength(1);
      const [running] = moves;
      expect(running).toMatchObject({
        jobId,
        accountId,
        username: server().user.name,
        state: 'running',
        report: null,
        error: null,
      });
      expect(running?.progress?.calendars.found).toBe(EVENTS);
      expect(running?.progress?.calendars.done).toBeGreaterThanOrEqual(3);

      // Welcome's "go on" and a second start both follow the running job.
      const resumed = await call<{ jobId: string }>(session.service, 'resumeMove', { accountId });
      expect(resumed.jobId).toBe(jobId);
      const again = await call<{ jobId: string }>(session.service, 'startMigration', {
        paths: [received],
        accountId,
        selection: { contacts: false, tasks: false, files: false },
      });
      expect(again.jobId).toBe(jobId);

      const end = await seen.until((event) => event.jobId === jobId && event.type === 'job.end');
      if (end.type !== 'job.end' || end.outcome !== 'done' || end.kind !== 'migrate')
        throw new Error('the move did not end with a report');
      expect(end.result).toMatchObject({ state: 'finished', complete: true });
      expect(end.result.calendars).toMatchObject({ found: EVENTS, created: EVENTS, failed: 0 });
      // Only one job ran: no second one started on the same journal.
      const started = new Set(seen.events.filter((e) => e.kind === 'migrate').map((e) => e.jobId));
      expect([...started]).toEqual([jobId]);

      // Once ended, the move is there with its report.
      const after = await call<MoveStatus[]>(session.service, 'listMoves', {});
      expect(after[0]).toMatchObject({ jobId, state: 'done', report: { complete: true } });
      // The copy of the archive received in the browser is no longer needed.
      expect(await readdir(join(dataDir, 'uploads'))).toEqual([]);
    } finally {
      seen.unsubscribe();
      await session.close();
    }

    // The next day (a new service on the same data folder): Welcome can show the report again.
    const next = migrationSession({ server: server().url, user: server().user, dataDir });
    try {
      const last = await call<LastMove | null>(next.service, 'lastMove', {});
      expect(last).toMatchObject({
        report: { state: 'finished', complete: true, account: server().user.name },
      });
      expect(last?.report.calendars.verified).toBe(EVENTS);
      expect(await call<MoveStatus[]>(next.service, 'listMoves', {})).toEqual([]);
      expect(await call<UnfinishedMoveSummary[]>(next.service, 'listUnfinishedMoves', {})).toEqual(
        [],
      );
      // Until the family forgets everything.
      await call(next.service, 'forgetEverything', {});
      expect(await call<LastMove | null>(next.service, 'lastMove', {})).toBeNull();
    } finally {
      await next.close();
    }
  });

  it('stops a running move before forgetting everything, and leaves nothing behind', async () => {
    const dataDir = join(dir, 'data-forget');
    const session = migrationSession({ server: server().url, user: server().user, dataDir });
    const seen = watch(session.service);
    try {
      const accountId = await connect(session, server().url, server().user);
      const { jobId } = await call<{ jobId: string }>(session.service, 'startMigration', {
        paths: parts,
        accountId,
        selection: { contacts: false, tasks: false, files: false },
      });
      await seen.until(copiedAtLeast(jobId, 3));

      const forgotten = await call<{ removed: string[] }>(session.service, 'forgetEverything', {});
      // The move had ended (paused) before anything was erased.
      const end = seen.events.find((event) => event.jobId === jobId && event.type === 'job.end');
      expect(end).toMatchObject({ outcome: 'done', result: { state: 'cancelled' } });
      expect(forgotten.removed).toEqual(expect.arrayContaining(['journal', 'reports']));

      expect(await readdir(dataDir)).toEqual([]);
      expect(await call<MoveStatus[]>(session.service, 'listMoves', {})).toEqual([]);
      expect(await call<LastMove | null>(session.service, 'lastMove', {})).toBeNull();
      expect(
        await call<UnfinishedMoveSummary[]>(session.service, 'listUnfinishedMoves', {}),
      ).toEqual([]);
    } finally {
      seen.unsubscribe();
      await session.close();
    }
  });
});
