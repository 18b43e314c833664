// The engine changes files needed (src/migration), tested with a sink of our own: every item is
// released once the engine is done with it, whatever happened; a long send can keep and find its
// resume blob; a sink's own coded error is recorded under its code.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProblemFact } from '../../src/contract/problem.ts';
import { DavError } from '../../src/dav/dav-error.ts';
import type { RemoteState } from '../../src/dav/remote-state.ts';
import type { JsonValue } from '../../src/journal/types.ts';
import type { ItemSink, OutgoingItem, SendOptions, SourceEntry } from '../../src/sink/item-sink.ts';
import { syncItems } from '../../src/migration/sync-items.ts';
import { BaluchonError } from '../../src/errors/baluchon-error.ts';
import { makeFixture, startRun } from '../journal/support/journal-fixture.ts';
import type { Fixture } from '../journal/support/journal-fixture.ts';

let fixture: Fixture;
beforeEach(() => {
  fixture = makeFixture();
});
afterEach(() => {
  fixture.cleanup();
});

type Behaviour = 'ok' | 'coded' | 'dav' | 'resume';

function sinkOf(
  behaviours: Map<string, Behaviour>,
  seen: { resume: JsonValue | null }[],
): ItemSink<string> {
  return {
    send(href: string, item: OutgoingItem<string>, options: SendOptions): Promise<RemoteState> {
      const behaviour = behaviours.get(item.sourceKey) ?? 'ok';
      if (behaviour === 'coded') {
        return Promise.reject(new BaluchonError('files.source-unreadable', { detail: 'cut' }));
      }
      if (behaviour === 'dav') {
        return Promise.reject(
          new DavError('dav.conflict', { method: 'PUT', url: href, status: 409 }),
        );
      }
      if (behaviour === 'resume') {
        seen.push({ resume: options.resume?.() ?? null });
        options.saveResume?.({ uploadId: 'u-1', chunks: 2 });
        seen.push({ resume: options.resume?.() ?? null });
        return Promise.reject(new DavError('dav.network', { method: 'PUT', url: href }));
      }
      return Promise.resolve({ etag: `"${item.contentHash}"`, size: null });
    },
    probe: () => Promise.resolve(null),
    list: () => Promise.resolve(new Map()),
    hrefFor: (collection, item) => `${collection}${item.relativeHref}`,
  };
}

function items(keys: string[], released: string[]): SourceEntry<string>[] {
  return keys.map((key) => ({
    type: 'item',
    item: {
      sourceKey: key,
      label: key,
      contentHash: `h-${key}`,
      relativeHref: key,
      size: 1,
      payload: key,
      release: () => released.push(key),
    },
  }));
}

async function run(
  keys: string[],
  behaviours: Map<string, Behaviour>,
): Promise<{ released: string[]; problems: ProblemFact[]; seen: { resume: JsonValue | null }[] }> {
  const journal = fixture.open();
  const { run: started, collection } = startRun(journal, undefined, ['files']);
  const released: string[] = [];
  const problems: ProblemFact[] = [];
  const seen: { resume: JsonValue | null }[] = [];
  await syncItems(items(keys, released), {
    journal,
    runId: started.id,
    collectionId: collection.id,
    collectionHref: 'https://cloud.example/files/',
    sink: sinkOf(behaviours, seen),
    concurrency: 2,
    signal: new AbortController().signal,
    events: { onItem: () => undefined, onProblem: (problem) => problems.push(problem) },
  });
  journal.endRun(started.id, { state: 'finished' });
  journal.close();
  return { released, problems, seen };
}

describe('engine hooks used by files', () => {
  it('releases every item once: sent, unchanged, failed', async () => {
    const behaviours = new Map<string, Behaviour>([
      ['c', 'coded'],
      ['d', 'dav'],
    ]);
    const first = await run(['a', 'b', 'c', 'd'], behaviours);
    expect(first.released.sort()).toEqual(['a', 'b', 'c', 'd']);
    const second = await run(['a', 'b', 'c', 'd'], new Map());
    expect(second.released.sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('records a sink’s coded error under its code', async () => {
    const { problems } = await run(['c'], new Map([['c', 'coded']]));
    expect(problems).toEqual([
      { code: 'files.source-unreadable', where: 'c', params: { detail: 'cut' } },
    ]);
    const journal = fixture.open();
    const [item] = journal.failedItems({
      target: { server: 'https://cloud.example.org/', account: 'famille-dupont' },
    });
    expect(item?.problem).toEqual({ code: 'files.source-unreadable', detail: 'cut' });
  });

  it('a long send keeps its resume blob, and finds it on the next attempt', async () => {
    const behaviours = new Map<string, Behaviour>([['big', 'resume']]);
    const first = await run(['big'], behaviours);
    expect(first.seen).toEqual([{ resume: null }, { resume: { uploadId: 'u-1', chunks: 2 } }]);
    const second = await run(['big'], behaviours);
    expect(second.seen[0]).toEqual({ resume: { uploadId: 'u-1', chunks: 2 } });
  });
});
