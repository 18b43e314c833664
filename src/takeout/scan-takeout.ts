// The scan of a Takeout export: open it as a Source, read it once, and tell what it holds and the
// problems met. The migration reads the same Source the same way (src/migration/run-migration.ts):
// what the family sees here is what the engine plans from.
import type { ProblemFact } from '../contract/problem.ts';
import { openTakeoutSource } from '../sources/takeout/open-takeout-source.ts';
import type { ScanFacts, ScanOptions } from './read-inventory.ts';

export type { ScanFacts, ScanOptions } from './read-inventory.ts';

export async function scanTakeout(
  paths: readonly string[],
  options: ScanOptions = {},
): Promise<ScanFacts> {
  const problems: ProblemFact[] = [];
  const report = (problem: ProblemFact): void => {
    problems.push(problem);
    options.onProblem?.(problem);
  };
  options.onProgress?.({
    phase: 'listing',
    entriesDone: 0,
    entriesTotal: 0,
    bytesDone: 0,
    bytesTotal: 0,
  });
  // The scan reads nothing after the inventory: no copies of a .tgz's calendars to keep.
  const source = await openTakeoutSource(paths, {
    tmpDir: null,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  });
  try {
    const { facts } = await source.read({
      signal: options.signal ?? new AbortController().signal,
      onProblem: report,
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
    // The engine's facts: the service words each unmovable item's reason in its own language.
    const cannotMove = facts.files.cannotMove.map(({ where, kind }) => ({ where, kind }));
    return { ...facts, files: { ...facts.files, cannotMove }, problems };
  } finally {
    await source.close();
  }
}
