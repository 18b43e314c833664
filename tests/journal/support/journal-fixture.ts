// A journal in a fresh temporary folder, with a clock that moves one second per reading.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openJournal } from '../../../src/journal/open-journal.ts';
import type { OpenJournalOptions } from '../../../src/journal/open-journal.ts';
import type { Journal } from '../../../src/journal/journal.ts';
import type {
  Collection,
  MigrationKind,
  Run,
  SourceRef,
  Target,
} from '../../../src/journal/types.ts';

export const dupont: Target = { server: 'https://cloud.example.org/', account: 'famille-dupont' };
export const martin: Target = { server: 'https://cloud.example.org/', account: 'famille-martin' };
export const archive: SourceRef[] = [{ name: 'takeout-20250101-001.zip', size: 123_456 }];

export interface Fixture {
  readonly dir: string;
  readonly path: string;
  readonly clock: () => Date;
  open(options?: Partial<OpenJournalOptions>): Journal;
  cleanup(): void;
}

export function makeFixture(): Fixture {
  const dir = mkdtempSync(join(tmpdir(), 'baluchon-journal-'));
  const path = join(dir, 'journal.sqlite');
  let tick = Date.UTC(2025, 0, 1);
  const clock = (): Date => new Date((tick += 1000));
  const opened: Journal[] = [];
  return {
    dir,
    path,
    clock,
    open(options) {
      const journal = openJournal({ path, now: clock, busyTimeoutMs: 50, ...options });
      opened.push(journal);
      return journal;
    },
    cleanup() {
      for (const journal of opened) journal.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface StartedRun {
  readonly run: Run;
  /** The collection of the first kind asked for. */
  readonly collection: Collection;
  collectionOf(kind: MigrationKind): Collection;
}

/** A running run with one collection per kind asked for (found again on later runs). */
export function startRun(
  journal: Journal,
  target: Target = dupont,
  kinds: readonly [MigrationKind, ...MigrationKind[]] = ['calendars'],
  sources: readonly SourceRef[] = archive,
): StartedRun {
  const run = journal.beginRun({ target, kinds, sources });
  const collections = new Map<MigrationKind, Collection>();
  for (const kind of kinds) {
    const sourceKey = `google:${kind}`;
    const found = journal.findCollection(target, kind, sourceKey);
    collections.set(
      kind,
      found ??
        journal.saveCollection({
          target,
          kind,
          sourceKey,
          href: `/dav/${target.account}/${kind}/`,
          displayName: `${kind} (importé de Google)`,
          createdByUs: false,
          runId: run.id,
        }),
    );
  }
  const collectionOf = (kind: MigrationKind): Collection => {
    const collection = collections.get(kind);
    if (collection === undefined) throw new Error(`no collection for ${kind}`);
    return collection;
  };
  return { run, collection: collectionOf(kinds[0]), collectionOf };
}
