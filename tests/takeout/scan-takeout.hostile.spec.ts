import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot } from '../support/snapshot.ts';
import { scanTakeout } from '../../src/takeout/scan-takeout.ts';
import { hostileFixtures } from '../fixtures/takeout/hostile-fixtures.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-hostile-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('scanTakeout with hostile or broken input', () => {
  it.each(Object.keys(hostileFixtures))(
    '%s: named in the problems, never followed, good content counted',
    async (quirk) => {
      const fixtureDir = join(dir, quirk);
      mkdirSync(fixtureDir);
      const build = hostileFixtures[quirk];
      if (build === undefined) throw new Error(quirk);
      const fixture = await build(fixtureDir);
      const before = {
        temp: snapshot(dir),
        cwd: snapshot(process.cwd(), { skipToolFolders: true }),
      };

      const report = await scanTakeout(
        fixture.paths,
        fixture.limits === undefined ? {} : { limits: fixture.limits },
      );

      expect(snapshot(dir)).toEqual(before.temp);
      expect(snapshot(process.cwd(), { skipToolFolders: true })).toEqual(before.cwd);
      expect(report.problems.map(({ code, where }) => ({ code, where }))).toEqual(fixture.problems);
      expect(report.missingParts).toEqual(fixture.missingParts ?? []);
      for (const problem of report.problems) {
        expect(problem.code.startsWith('takeout.')).toBe(true);
      }
      // The good content of the same export is still all there.
      expect(
        report.calendars.find((calendar) => calendar.key === 'Agenda/Famille.ics'),
      ).toMatchObject({
        name: 'Famille',
        events: 3,
      });
      expect(report.contacts.count).toBe(fixture.people ?? 2);
      expect(report.files).toMatchObject({
        folder: 'Drive',
        count: fixture.driveFiles ?? 1,
        documents: { count: 1, byFormat: { docx: 1 } },
      });
    },
  );
});
