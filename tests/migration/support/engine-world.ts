// A journal in a temporary folder, a memory DAV server, and the engine's pieces wired between
// them the way run-migration.ts wires them: a run begun or resumed, the collection found or
// made once (ensureCollection), the items sent (syncItems), then read back (verifyCollection).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProblemFact } from '../../../src/contract/problem.ts';
import { openJournal } from '../../../src/journal/open-journal.ts';
import type { Journal } from '../../../src/journal/journal.ts';
import type { Collection, Run, Target } from '../../../src/journal/types.ts';
import { ensureCollection } from '../../../src/migration/ensure-collection.ts';
import type {
  CollectionSpec,
  OutgoingItem,
  SourceEntry,
} from '../../../src/migration/item-sink.ts';
import { StopRun, syncItems } from '../../../src/migration/sync-items.ts';
import type { ItemOutcome } from '../../../src/migration/sync-items.ts';
import { verifyCollection } from '../../../src/migration/verify-collection.ts';
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
  readonly ending: 'finished' | 'stopped' | 'crashed' | 'cancelled';
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
    const [interrupted] = journal.interruptedRuns(target);
    const run =
      interrupted === undefined
        ? journal.beginRun({
            target,
            kinds: ['calendars'],
            sources: [{ name: 'takeout.zip', size: 1 }],
          })
        : journal.resumeRun(interrupted.id);
    const outcomes = new Map<string, ItemOutcome>();
    const problems: ProblemFact[] = [];
    const signal = options.signal ?? new AbortController().signal;
    const sink = memoryItemSink(this.dav);
    let collection: Collection | null = null;
    let stop: StopRun | null = null;
    const entries: SourceEntry<string>[] = options.entries?.slice() ?? [
      ...sources.map((source) => ({
        type: 'item' as const,
        item: outgoing(source, options.withSizes === true),
      })),
    ];
    let verify: VerifyOutcome | null = null;
    try {
      collection = await ensureCollection(options.spec ?? spec, {
        journal,
        target,
        runId: run.id,
        kind: 'calendars',
        sink: memoryCollectionSink(this.dav),
        signal,
      });
      try {
        await syncItems(entries, {
          journal,
          runId: run.id,
          collectionId: collection.id,
          collectionHref: collection.href,
          sink,
          concurrency: options.concurrency ?? 3,
          signal,
          events: {
            onItem: (outcome, label) => {
              outcomes.set(label, outcome);
            },
            onProblem: (problem) => {
              problems.push(problem);
            },
          },
        });
      } catch (error) {
        if (!(error instanceof StopRun)) throw error;
        stop = error;
      }
      if (stop === null) {
        verify = await verifyCollection(collection, journal, sink, signal, (problem) =>
          problems.push(problem),
        );
      }
    } catch (error) {
      if (error instanceof Crash || (this.#crashed && isJournalClosed(error))) {
        this.reopen();
        return { run, collection, outcomes, problems, verify, ending: 'crashed', stop };
      }
      if (signal.aborted) {
        const ended = journal.endRun(run.id, { state: 'cancelled' });
        return { run: ended, collection, outcomes, problems, verify, ending: 'cancelled', stop };
      }
      throw error;
    }
    const ended = journal.endRun(
      run.id,
      stop === null ? { state: 'finished' } : { state: 'stopped', code: stop.code },
    );
    const ending = stop === null ? 'finished' : 'stopped';
    return { run: ended, collection, outcomes, problems, verify, ending, stop };
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
