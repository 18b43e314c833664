// Issue 12, point 1, end to end: an archive whose calendar holds a repeating event no date
// satisfies goes through the service as the app drives it (scan, then the move to a real
// Radicale). The service keeps answering other requests meanwhile (ical.js used to spin for ever
// on that event, blocking every request, Cancel included), the other events move, and the
// report names that one.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanReport } from '../../src/contract/index.ts';
import type { BaluchonEvent } from '../../src/contract/index.ts';
import { hostileFixtures, IMPOSSIBLE_EVENT } from '../fixtures/takeout/hostile-fixtures.ts';
import { startRadicale, useServer } from '../harness/index.ts';
import { migrationSession, reportOf } from '../migration/support/service-migration.ts';
import type { MigrationSession } from '../migration/support/service-migration.ts';

let dir: string;
let paths: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baluchon-impossible-rule-'));
  const build = hostileFixtures['calendar-impossible-rule'];
  if (build === undefined) throw new Error('fixture missing');
  ({ paths } = await build(dir));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Asks the service something unrelated; resolves with whether it answered before `ended`. */
async function answersBefore(session: MigrationSession, ended: Promise<unknown>) {
  let over = false;
  void ended.then(() => (over = true));
  const info = await session.service.call('appInfo', {});
  return { ok: info.ok, beforeEnd: !over };
}

describe('an archive with a repeating event whose rule never happens', () => {
  const server = useServer(() => startRadicale());

  it('is scanned and moved with the service answering throughout; the report names the event', async () => {
    const session = migrationSession({
      server: server().url,
      user: server().user,
      dataDir: join(dir, 'data'),
    });
    try {
      // The scan: another request is answered while it runs.
      let scanEnd: (event: BaluchonEvent) => void = () => undefined;
      const scanEnded = new Promise<BaluchonEvent>((resolve) => (scanEnd = resolve));
      const unsubscribe = session.service.subscribe((event) => {
        if (event.kind === 'scan' && event.type === 'job.end') scanEnd(event);
      });
      const started = await session.service.call('startScan', { paths });
      expect(started.ok).toBe(true);
      expect(await answersBefore(session, scanEnded)).toEqual({ ok: true, beforeEnd: true });
      const scanned = await scanEnded;
      unsubscribe();
      if (scanned.type !== 'job.end' || scanned.outcome !== 'done') throw new Error('scan failed');
      const report = ScanReport.parse(scanned.result);
      expect(report.calendars.find((calendar) => calendar.name === 'Club')).toMatchObject({
        events: 3,
      });

      // The move: asked again once it has started, before it ends.
      const answers: Promise<{ ok: boolean; beforeEnd: boolean }>[] = [];
      let moveEnd: () => void = () => undefined;
      const moveEnded = new Promise<void>((resolve) => (moveEnd = resolve));
      const end = await session.migrate(paths, {
        stateDir: join(dir, 'state'),
        selection: { contacts: false, tasks: false },
        onEvent: (event) => {
          if (event.type === 'job.end') moveEnd();
          else if (answers.length === 0) answers.push(answersBefore(session, moveEnded));
        },
      });
      expect(answers).toHaveLength(1);
      expect(await answers[0]).toEqual({ ok: true, beforeEnd: true });

      const moved = reportOf(end);
      const named = moved.calendars.problems.filter(
        (problem) => problem.code === 'items.event-rule-never-happens',
      );
      expect(named).toHaveLength(1);
      expect(named[0]?.where).toContain(IMPOSSIBLE_EVENT);
      expect(named[0]?.reason).toContain('ne tombe jamais');
      // Famille's 3 events and Club's 2 others arrived; only that one stayed behind.
      expect(moved.calendars).toMatchObject({ found: 6, created: 5, skipped: 1, failed: 0 });
      // Also said as it happened, as the Progress screen shows it.
      expect(end.problems.map(({ code }) => code)).toContain('items.event-rule-never-happens');
    } finally {
      await session.close();
    }
  }, 60_000);
});
