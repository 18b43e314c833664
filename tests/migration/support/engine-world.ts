// A journal in a temporary folder, a memory DAV server, and the engine between them: a run begun
// or resumed, then the acting half of run-migration.ts (runJobs: the collection found or made
// once, the items sent, everything read back) with one job whose sinks are the memory server's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProblemFact } from '../../../src/contract/problem.ts';
import { DavError } from '../../../src/dav/dav-error.ts';
import { sameSources } from '../../../src/journal/index.ts';
import { openJournal } from '../../../src/journal/open-journal.ts';
import type { Journal } from '../../../src/journal/journal.ts';
import type { Collection, Run, Target } from '../../../src/journal/types.ts';
import { collectionJob } from '../../../src/migration/collection-job.ts';
import type { CollectionSpec, OutgoingItem, SourceEntry } from '../../../src/sink/item-sink.ts';
import { runJobs } from '../../../src/migration/run-jobs.ts';
import type { ItemOutcome } from '../../../src/contract/migrate.ts';
import type { StopRun } from '../../../src/migration/sync-items.ts';
import type { VerifyOutcome } from '../../../src/migration/verify-collection.ts';
import {
  Crash,
  hashOf,
  MemoryDav,
  memoryCollectionSink,
  memoryItemSink,
  sizeOf,
} from './memory-dav.ts';

export const target: Target = { server: 'https://dav.example.org/', account: 'famille' };

export const spec: CollectionSpec = {
  sourceKey: 'Agenda/Famille.ics',
  displayName: 'Famille (Google)',
  slug: 'famille-google',
  color: '#9fc6e7',
};

/** One source item: its key and what would be sent. */
export interface SourceItem {
  readonly key: string;
  readonly body: string;
}

export function outgoing(source: SourceItem, withSize = false): OutgoingItem<string> {
  return {
    sourceKey: source.key,
    label: `Évènement ${source.key}`,
    contentHash: hashOf(source.body),
    relativeHref: `${encodeURIComponent(source.key)}.ics`,
    size: withSize ? sizeOf(source.body) : null,
    payload: source.body,
  };
}

export interface RunReport {
  readonly run: Run;
  readonly collection: Collection | null;
  readonly outcomes: Map<string, ItemOutcome>;
  readonly problems: ProblemFact[];
  readonly verify: VerifyOutcome | null;
  /** How the run ended: normally, stopped (401, 507…), crashed or cancelled. */
  readonly ending: 'finished' | 'stopped' | 'crashed' | 'cancelled' | 'interrupted';
  /** Why an interrupted run was. */
  readonly error?: DavError;
  readonly stop: StopRun | null;
}

export interface RunOptions {
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  /** Report sizes with the items (files-like sinks). */
  readonly withSizes?: boolean;
  /** Entries to send instead of plain items (skipped ones, problems). */
  readonly entries?: readonly SourceEntry<string>[];
  readonly spec?: CollectionSpec;
  /** The archive's name (default: the same for every run). */
  readonly archive?: string;
}

export class EngineWorld {
  readonly dir = mkdtempSync(join(tmpdir(), 'baluchon-engine-'));
  readonly dav = new MemoryDav();
  journal: Journal;
  #tick = Date.UTC(2025, 2, 1);
  #crashed = false;

  constructor() {
    this.journal = this.#open();
    // A crash closes the journal at that very instant: nothing after it can be written.
    this.dav.onCrash = () => {
      this.#crashed = true;
      this.journal.close();
    };
  }

  #open(): Journal {
    return openJournal({
      path: join(this.dir, 'journal.sqlite'),
      now: () => new Date((this.#tick += 1000)),
    });
  }

  /** The process starts again after a crash (or a normal exit). */
  reopen(): void {
    this.#crashed = false;
    this.journal.close();
    this.journal = this.#open();
  }

  /** "Forget everything": the journal is gone, the server keeps what it has. */
  loseJournal(): void {
    this.journal.close();
    rmSync(this.dir, { recursive: true, force: true });
    this.journal = this.#open();
  }

  /** One run of the engine over one collection, as run-migration.ts drives it. */
  async run(sources: readonly SourceItem[], options: RunOptions = {}): Promise<RunReport> {
    const journal = this.journal;
    // The same archive given again continues its interrupted run; another one begins a new run
    // (as run-migration.ts decides with sameSources).
    const archive = [{ name: options.archive ?? 'takeout-001.zip', size: 1 }];
    const interrupted = journal
      .interruptedRuns(target)
      .find((candidate) => sameSources(candidate.sources, archive));
    const run =
      interrupted === undefined
        ? journal.beginRun({ target, kinds: ['calendars'], sources: archive })
        : journal.resumeRun(interrupted.id);
    const outcomes = new Map<string, ItemOutcome>();
    const problems: ProblemFact[] = [];
    const signal = options.signal ?? new AbortController().signal;
    const entries: SourceEntry<string>[] = options.entries?.slice() ?? [
      ...sources.map((source) => ({
        type: 'item' as const,
        item: outgoing(source, options.withSizes === true),
      })),
    ];
    const job = collectionJob({
      kind: 'calendars',
      spec: options.spec ?? spec,
      collectionSink: memoryCollectionSink(this.dav),
      itemSink: memoryItemSink(this.dav),
      found: entries.filter((entry) => entry.type !== 'problem').length,
      entries: () => entries,
    });
    try {
      const outcome = await runJobs([job], {
        journal,
        target,
        run,
        concurrency: options.concurrency ?? 3,
        signal,
        onPhase: () => undefined,
        onItem: (_kind, itemOutcome, label) => {
          outcomes.set(label, itemOutcome);
        },
        onProblem: (_kind, problem) => {
          problems.push(problem);
        },
      });
      return {
        run: outcome.run,
        collection: outcome.readBack[0]?.collection ?? null,
        outcomes,
        problems,
        verify: outcome.readBack[0]?.outcome ?? null,
        ending: outcome.stop === null ? 'finished' : 'stopped',
        stop: outcome.stop,
      };
    } catch (error) {
      const ended = { outcomes, problems, verify: null, stop: null, collection: null };
      if (error instanceof Crash || (this.#crashed && isJournalClosed(error))) {
        this.reopen();
        return { ...ended, run, ending: 'crashed' };
      }
      if (signal.aborted) return { ...ended, run: journal.getRun(run.id), ending: 'cancelled' };
      // The server stayed unreachable past every retry: the run is interrupted, to resume.
      if (error instanceof DavError) {
        return { ...ended, run: journal.getRun(run.id), ending: 'interrupted', error };
      }
      throw error;
    }
  }

  /** The collection Baluchon made for `spec` (the only one, or the test fails). */
  collectionHref(): string {
    const collections = this.journal.collections(target);
    if (collections.length !== 1) throw new Error(`${collections.length} collections`);
    return (collections[0] as Collection).href;
  }

  cleanup(): void {
    this.journal.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function isJournalClosed(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    error.code === 'journal.closed'
  );
}
