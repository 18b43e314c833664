// A part missing from those given is a hint the family sees before going on (ScanReport
// .missingParts), never a problem; a damaged part gets the same precise reason whether it is
// given alone or beside a good part.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProblemFact } from '../../src/contract/problem.ts';
import { missingPartNames } from '../../src/takeout/export-parts.ts';
import { partNamesInIndex } from '../../src/takeout/archive-index.ts';
import { scanTakeout } from '../../src/takeout/scan-takeout.ts';
import { missingPartFixtures } from '../fixtures/takeout/archive-hint-fixtures.ts';
import { hostileFixtures } from '../fixtures/takeout/hostile-fixtures.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-hints-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const fixtureDir = (name: string): string => {
  const path = join(dir, name);
  mkdirSync(path);
  return path;
};

describe('parts that seem missing', () => {
  it.each(Object.keys(missingPartFixtures))('%s', async (quirk) => {
    const build = missingPartFixtures[quirk];
    if (build === undefined) throw new Error(quirk);
    const fixture = build(fixtureDir(quirk));
    const report = await scanTakeout(fixture.paths);
    expect(report.missingParts).toEqual(fixture.missingParts);
    // A hint, not a problem: the family may go on, and what was given is all read.
    expect(report.problems).toEqual([]);
    expect(report.archives.map((archive) => archive.name).sort()).toEqual(
      fixture.paths.map((path) => basename(path)).sort(),
    );
  });

  it('names every gap, with the extension of the parts given, and the new counter form', () => {
    const zip = (n: string): string => `/dl/takeout-20260314T091500Z-${n}.zip`;
    expect(missingPartNames([zip('001'), zip('004')])).toEqual([
      'takeout-20260314T091500Z-002.zip',
      'takeout-20260314T091500Z-003.zip',
    ]);
    expect(missingPartNames(['takeout-20260318T202441Z-3-002.tgz'])).toEqual([
      'takeout-20260318T202441Z-3-001.tgz',
    ]);
    // Parts of two exports: told otherwise (mixed-exports), no guess here.
    expect(missingPartNames([zip('001'), '/dl/takeout-20250101T000000Z-003.zip'])).toEqual([]);
    // Not named like Google's parts: nothing can be said.
    expect(missingPartNames(['/dl/mon-export.zip'])).toEqual([]);
    // The index page may name a part with its own extension.
    expect(
      missingPartNames([zip('001')], ['takeout-20260314T091500Z-002.tgz', 'unrelated.zip']),
    ).toEqual(['takeout-20260314T091500Z-002.tgz']);
  });

  it('reads part names anywhere in the index page, each once', () => {
    expect(
      partNamesInIndex(
        '<a href="takeout-20260314T091500Z-001.zip">1</a> takeout-20260314T091500Z-001.zip ' +
          '<td>takeout-20260314T091500Z-2-002.tgz</td> takeout-2026-001.zip',
      ),
    ).toEqual(['takeout-20260314T091500Z-001.zip', 'takeout-20260314T091500Z-2-002.tgz']);
  });
});

/** The hostile fixtures whose quirk is a whole part that cannot be read, beside a good part. */
const damagedParts = ['zip-no-central-directory', 'truncated-zip', 'not-an-archive', 'tbz-archive'];

describe('a damaged part alone gets the same precise reason as beside a good part', () => {
  it.each(damagedParts)('%s', async (quirk) => {
    const build = hostileFixtures[quirk];
    if (build === undefined) throw new Error(quirk);
    const fixture = await build(fixtureDir(`alone-${quirk}`));
    const beside = await scanTakeout(fixture.paths);
    const damaged = beside.problems.filter((problem) =>
      fixture.paths.some((path) => basename(path) === problem.where),
    );
    expect(damaged).toHaveLength(1);
    const [problem] = damaged as [ProblemFact];
    const path = fixture.paths.find((candidate) => basename(candidate) === problem.where);

    const alone: ProblemFact[] = [];
    const scan = scanTakeout([path as string], { onProblem: (fact) => alone.push(fact) });
    // Nothing else to read: the scan fails, and the problems met say exactly why.
    await expect(scan).rejects.toMatchObject({ code: 'takeout.nothing-readable' });
    expect(alone).toContainEqual(problem);
  });
});
