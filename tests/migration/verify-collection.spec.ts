// The read-back: what the server lists is compared with the journal; the report's numbers come
// from here. Missing items, half-sent files and unexpected extras are each named.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProblemFact } from '../../src/contract/problem.ts';
import type { Collection } from '../../src/journal/types.ts';
import type { ItemSink } from '../../src/sink/item-sink.ts';
import { verifyCollection } from '../../src/migration/verify-collection.ts';
import { memoryItemSink } from './support/memory-dav.ts';
import { EngineWorld, target } from './support/engine-world.ts';
import type { SourceItem } from './support/engine-world.ts';

let world: EngineWorld;
beforeEach(() => {
  world = new EngineWorld();
});
afterEach(() => {
  world.cleanup();
});

const events = (n: number): SourceItem[] =>
  Array.from({ length: n }, (_v, i) => ({ key: `uid-${i}`, body: `event number ${i}` }));

function collection(): Collection {
  const [found] = world.journal.collections(target);
  if (found === undefined) throw new Error('no collection');
  return found;
}

async function verify(sink: ItemSink<string> = memoryItemSink(world.dav)) {
  const problems: ProblemFact[] = [];
  const outcome = await verifyCollection(
    collection(),
    world.journal,
    sink,
    new AbortController().signal,
    (problem) => problems.push(problem),
  );
  return { outcome, problems };
}

const stateOf = (key: string) =>
  world.journal.collectionItems(collection().id).find((item) => item.sourceKey === key);

describe('verifyCollection', () => {
  it('marks every listed item verified, with the etag read back', async () => {
    await world.run(events(3));
    const href = `${collection().href}uid-1.ics`;
    world.dav.write(href, 'event number 1'); // same text, new etag (a server rewriting it)
    const { outcome, problems } = await verify();
    expect(outcome).toEqual({ verified: 3, missing: 0, unexpected: 0 });
    expect(problems).toEqual([]);
    expect(stateOf('uid-1')).toMatchObject({
      state: 'verified',
      etag: world.dav.probe(href)?.etag,
    });
  });

  it('names what the server does not list, and the journal will send it again', async () => {
    await world.run(events(3));
    world.dav.remove(`${collection().href}uid-2.ics`);
    const { outcome, problems } = await verify();
    expect(outcome).toEqual({ verified: 2, missing: 1, unexpected: 0 });
    expect(problems).toEqual([{ code: 'migration.missing', where: 'Évènement uid-2' }]);
    expect(stateOf('uid-2')).toMatchObject({ state: 'missing', contentHash: null });
  });

  it('counts a file of the wrong size as missing, and says which sizes', async () => {
    world.dav.reportSizes = true;
    await world.run(events(2), { withSizes: true });
    world.dav.write(`${collection().href}uid-0.ics`, 'event num'); // cut short
    const { outcome, problems } = await verify();
    expect(outcome).toEqual({ verified: 1, missing: 1, unexpected: 0 });
    expect(problems).toEqual([
      {
        code: 'migration.wrong-size',
        where: 'Évènement uid-0',
        params: { expected: 'event number 0'.length, found: 'event num'.length },
      },
    ]);
  });

  it('counts what nobody sent in a collection Baluchon made (a duplicate would show here)', async () => {
    await world.run(events(2));
    world.dav.write(`${collection().href}stranger.ics`, 'added by a phone');
    const { outcome, problems } = await verify();
    expect(outcome).toEqual({ verified: 2, missing: 0, unexpected: 1 });
    expect(problems).toEqual([
      { code: 'migration.unexpected', where: 'Famille (Google)', params: { count: 1 } },
    ]);
  });

  it('does not count the family’s own items in a collection they picked', async () => {
    const run = world.journal.beginRun({
      target,
      kinds: ['calendars'],
      sources: [{ name: 'a.zip', size: 1 }],
    });
    const href = 'https://dav.example.org/famille/personal/';
    world.dav.addCollection(href, 'Personnel');
    world.dav.write(`${href}theirs.ics`, 'their own event');
    world.journal.saveCollection({
      target,
      kind: 'calendars',
      sourceKey: 'Agenda/Famille.ics',
      href,
      displayName: 'Personnel',
      createdByUs: false,
      runId: run.id,
    });
    world.journal.endRun(run.id, { state: 'finished' });
    await world.run(events(2));
    const { outcome } = await verify();
    expect(outcome).toEqual({ verified: 2, missing: 0, unexpected: 0 });
  });

  it('leaves items that were never sent out of it (failed, skipped)', async () => {
    world.dav.fault = (request) =>
      request.method === 'PUT' && request.href.endsWith('uid-0.ics')
        ? { kind: 'refuse', status: 415 }
        : { kind: 'ok' };
    await world.run(events(2));
    const { outcome } = await verify();
    expect(outcome).toEqual({ verified: 1, missing: 0, unexpected: 0 });
    expect(stateOf('uid-0')?.state).toBe('failed');
  });

  it('matches hrefs however the server escapes them', async () => {
    await world.run([{ key: 'a@b', body: 'event with an at sign' }]);
    const plain = memoryItemSink(world.dav);
    // The server lists `a@b.ics` where we wrote `a%40b.ics`.
    const sink: ItemSink<string> = {
      ...plain,
      list: async (href, signal) =>
        new Map(
          [...(await plain.list(href, signal))].map(([url, state]) => [
            url.replace('%40', '@'),
            state,
          ]),
        ),
    };
    const { outcome } = await verify(sink);
    expect(outcome).toEqual({ verified: 1, missing: 0, unexpected: 0 });
  });
});
