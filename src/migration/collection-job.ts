// One source collection to move (a Google calendar, a task list, the address book, the Drive
// folder): how to make it on the server, how to send its items, and how many there are. The
// item type stays inside the job, so the run can hold jobs of every kind in one list.
import type { MigrationKind } from '../journal/types.ts';
import type { Collection } from '../journal/types.ts';
import type { CollectionSink, CollectionSpec, ItemSink, SourceEntry } from '../sink/item-sink.ts';
import type { ProblemFact } from '../contract/problem.ts';
import { syncItems } from './sync-items.ts';
import type { SyncContext } from './sync-items.ts';
import { verifyCollection } from './verify-collection.ts';
import type { VerifyOutcome } from './verify-collection.ts';

export type SyncSettings = Omit<SyncContext<unknown>, 'sink' | 'collectionId' | 'collectionHref'>;

export interface CollectionJob {
  readonly kind: MigrationKind;
  readonly spec: CollectionSpec;
  readonly collectionSink: CollectionSink;
  /** Items the source holds (what "found" will say). */
  readonly found: number;
  sync(collection: Collection, settings: SyncSettings): Promise<void>;
  verify(
    collection: Collection,
    settings: SyncSettings,
    onProblem: (problem: ProblemFact) => void,
  ): Promise<VerifyOutcome>;
}

export function collectionJob<P>(args: {
  kind: MigrationKind;
  spec: CollectionSpec;
  collectionSink: CollectionSink;
  itemSink: ItemSink<P>;
  found: number;
  entries: () => AsyncIterable<SourceEntry<P>> | Iterable<SourceEntry<P>>;
  /** Runs once the collection exists, before its items are read (e.g. ask what it accepts). */
  beforeSync?: (collection: Collection, signal: AbortSignal) => Promise<void>;
}): CollectionJob {
  return {
    kind: args.kind,
    spec: args.spec,
    collectionSink: args.collectionSink,
    found: args.found,
    async sync(collection, settings) {
      await args.beforeSync?.(collection, settings.signal);
      await syncItems(args.entries(), {
        ...settings,
        sink: args.itemSink,
        collectionId: collection.id,
        collectionHref: collection.href,
      });
    },
    verify: (collection, settings, onProblem) =>
      verifyCollection(collection, settings.journal, args.itemSink, settings.signal, onProblem),
  };
}

/** A path segment for a new collection, from its name: readable, ASCII, never empty. */
export function slugFor(name: string, fallback: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return slug === '' ? fallback : slug;
}
