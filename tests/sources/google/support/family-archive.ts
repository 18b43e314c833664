// The same family's archive, read through the Takeout source, for the live readers' tests to
// compare with: built once per test file (beforeAll), removed after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { CalendarSource } from '../../../../src/ical/calendar-source.ts';
import type { Translator } from '../../../../src/i18n/create-i18n.ts';
import type { SourceInventory } from '../../../../src/sources/source.ts';
import { openTakeoutSource } from '../../../../src/sources/takeout/open-takeout-source.ts';
import { buildTakeout } from '../../../fixtures/takeout/build-takeout.ts';
import type { TakeoutSpec } from '../../../fixtures/takeout/takeout-spec.ts';

/** The archive's inventory, once the file's beforeAll has run. */
export function useFamilyArchive(spec: TakeoutSpec, t: Translator): () => SourceInventory {
  let dir: string;
  let archive: SourceInventory | undefined;
  let close: () => Promise<void> = () => Promise.resolve();
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baluchon-google-family-'));
    const parts = await buildTakeout(join(dir, 'zip'), spec, { format: 'zip', parts: 1 });
    const source = await openTakeoutSource(parts, { t, tmpDir: null });
    archive = await source.read({
      signal: new AbortController().signal,
      onProblem: () => undefined,
    });
    close = () => source.close();
  });
  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (archive === undefined) throw new Error('the archive is read in beforeAll');
    return archive;
  };
}

/** Every component (or card) a source hands over, in order. */
export async function collect(source: Pick<CalendarSource, 'open'>): Promise<string[]> {
  const texts: string[] = [];
  for await (const text of source.open()) texts.push(text);
  return texts;
}
