// The per-item protocol against a memory server with the semantics of a real one: created once
// with If-None-Match, left alone when unchanged, updated in place with If-Match, resumed after
// a lost answer or a crash without a second copy, the family's own edits never overwritten,
// and the run stopped only when no other item could get through.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceEntry } from '../../src/sink/item-sink.ts';
import type { Fault, LoggedRequest } from './support/memory-dav.ts';
import { hashOf, ok } from './support/memory-dav.ts';
import { EngineWorld, outgoing } from './support/engine-world.ts';
import type { SourceItem } from './support/engine-world.ts';

let world: EngineWorld;
beforeEach(() => {
  world = new EngineWorld();
});
afterEach(() => {
  world.cleanup();
});

const events = (n: number, version = 1): SourceItem[] =>
  Array.from({ length: n }, (_v, i) => ({ key: `uid-${i}`, body: `event ${i} v${version}` }));

const puts = (): LoggedRequest[] => world.dav.log.filter((request) => request.method === 'PUT');
const hrefOf = (key: string): string => `${world.collectionHref()}${key}.ics`;
const itemOf = (key: string) => {
  const collection = world.journal.collections({
    server: 'https://dav.example.org/',
    account: 'famille',
  })[0];
  if (collection === undefined) throw new Error('no collection');
  const item = world.journal.collectionItems(collection.id).find((i) => i.sourceKey === key);
  if (item === undefined) throw new Error(`no item ${key}`);
  return item;
};
/** Faults for the requests matching `when`, in order; then `ok`. */
const faultsFor = (when: (request: LoggedRequest) => boolean, ...faults: Fault[]): void => {
  const queue = [...faults];
  world.dav.fault = (request) => (when(request) ? (queue.shift() ?? ok) : ok);
};
const isPut = (request: LoggedRequest): boolean => request.method === 'PUT';

describe('syncItems', () => {
  it('creates each item once with If-None-Match: *, then reads them all back', async () => {
    const source = events(5);
    const report = await world.run(source);
    expect(report.ending).toBe('finished');
    expect(puts()).toHaveLength(5);
    expect(puts().every((put) => put.ifNoneMatch === true && put.ifMatch === null)).toBe(true);
    expect([...report.outcomes.values()]).toEqual(Array(5).fill('created'));
    expect(report.verify).toEqual({ verified: 5, missing: 0, unexpected: 0 });
    expect(world.dav.everything()).toEqual(
      new Map(source.map((item) => [hrefOf(item.key), item.body])),
    );
    expect(world.journal.runCounts(report.run.id).total).toMatchObject({
      found: 5,
      created: 5,
      verified: 5,
      pending: 0,
    });
  });

  it('sends nothing for unchanged items on a re-run', async () => {
    await world.run(events(4));
    world.dav.log.length = 0;
    const report = await world.run(events(4));
    expect(puts()).toEqual([]);
    expect(world.dav.log.filter((r) => r.method === 'PROBE')).toEqual([]);
    expect([...report.outcomes.values()]).toEqual(Array(4).fill('unchanged'));
    expect(world.journal.runCounts(report.run.id).total).toMatchObject({
      found: 4,
      unchanged: 4,
      verified: 4,
    });
  });

  it('updates a changed item in place with If-Match: the etag it was given', async () => {
    await world.run(events(3));
    const before = itemOf('uid-1');
    world.dav.log.length = 0;
    const changed = events(3).map((item) =>
      item.key === 'uid-1' ? { ...item, body: 'event 1 v2' } : item,
    );
    const report = await world.run(changed);
    expect(puts()).toEqual([
      expect.objectContaining({ href: before.href, ifMatch: before.etag, ifNoneMatch: false }),
    ]);
    expect(report.outcomes.get('Évènement uid-1')).toBe('updated');
    expect(world.dav.everything().get(hrefOf('uid-1'))).toBe('event 1 v2');
    expect(itemOf('uid-1')).toMatchObject({ href: before.href, contentHash: hashOf('event 1 v2') });
    expect(world.dav.everything().size).toBe(3);
  });

  it('counts a lost answer retried into a 412 as its own creation: one copy, no failure', async () => {
    // The server stores the event, the connection breaks before the answer, the retry meets
    // If-None-Match: * → 412. In a collection Baluchon made, at the name it chose, that is us;
    // the text is written once more over it (If-Match), since a server's rewritten copy cannot
    // be told from an older one.
    faultsFor(isPut, { kind: 'lost' });
    const report = await world.run(events(1));
    expect(puts().map((put) => [put.outcome, put.ifNoneMatch, put.ifMatch !== null])).toEqual([
      ['lost', true, false],
      [412, true, false],
      [200, false, true],
    ]);
    expect(report.outcomes.get('Évènement uid-0')).toBe('created');
    expect(report.problems).toEqual([]);
    expect(itemOf('uid-0')).toMatchObject({
      state: 'verified',
      etag: world.dav.probe(hrefOf('uid-0'))?.etag,
    });
    expect(world.dav.everything().size).toBe(1);
  });

  it('counts a lost answer to an update, retried into a 412, as its own update', async () => {
    // The If-Match PUT is stored and its answer lost: the retry's If-Match names the old etag,
    // so the server answers 412. That is not the family's edit: it is our own write.
    await world.run(events(2));
    faultsFor(isPut, { kind: 'lost' });
    world.dav.log.length = 0;
    const report = await world.run([
      { key: 'uid-0', body: 'event 0 v2' },
      { key: 'uid-1', body: 'event 1 v1' },
    ]);
    expect(puts().map((put) => put.outcome)).toEqual(['lost', 412, 200]);
    expect(report.problems).toEqual([]);
    expect(report.outcomes.get('Évènement uid-0')).toBe('updated');
    expect(itemOf('uid-0')).toMatchObject({
      state: 'verified',
      contentHash: hashOf('event 0 v2'),
      etag: world.dav.probe(hrefOf('uid-0'))?.etag,
    });
    world.dav.log.length = 0;
    const again = await world.run([
      { key: 'uid-0', body: 'event 0 v2' },
      { key: 'uid-1', body: 'event 1 v1' },
    ]);
    expect(puts()).toEqual([]);
    expect([...again.outcomes.values()]).toEqual(['unchanged', 'unchanged']);
  });

  it('recognises its own update that landed although every retry failed (next run)', async () => {
    await world.run(events(1));
    // Stored, answer lost, then the server is unavailable for every retry: the item fails.
    faultsFor(
      isPut,
      { kind: 'lost' },
      { kind: 'refuse', status: 503 },
      { kind: 'refuse', status: 503 },
      { kind: 'refuse', status: 503 },
    );
    const failed = await world.run([{ key: 'uid-0', body: 'event 0 v2' }]);
    expect(failed.outcomes.get('Évènement uid-0')).toBe('failed');
    expect(world.dav.everything().get(hrefOf('uid-0'))).toBe('event 0 v2');
    world.dav.log.length = 0;
    const again = await world.run([{ key: 'uid-0', body: 'event 0 v2' }]);
    expect(again.problems).toEqual([]);
    expect(again.outcomes.get('Évènement uid-0')).toBe('updated');
    expect(itemOf('uid-0')).toMatchObject({ state: 'verified', contentHash: hashOf('event 0 v2') });
  });

  it('replaces its own update that landed unseen when the archive went back to an older version', async () => {
    await world.run(events(1));
    faultsFor(
      isPut,
      { kind: 'lost' },
      { kind: 'refuse', status: 503 },
      { kind: 'refuse', status: 503 },
      { kind: 'refuse', status: 503 },
    );
    await world.run([{ key: 'uid-0', body: 'event 0 v2' }]);
    expect(world.dav.everything().get(hrefOf('uid-0'))).toBe('event 0 v2');
    // v2 is on the server although the journal never saw it arrive; the family gives v1 again.
    const again = await world.run(events(1));
    expect(again.problems).toEqual([]);
    expect(world.dav.everything()).toEqual(new Map([[hrefOf('uid-0'), 'event 0 v1']]));
    expect(itemOf('uid-0')).toMatchObject({ state: 'verified', contentHash: hashOf('event 0 v1') });
  });

  it('sends the new content when an older attempt of its own holds the name (create → 412)', async () => {
    // v1 is stored but every answer is lost or refused: failed. The archive then changes: the
    // create meets 412 at the name v1 took; the server must end up with v2, not keep v1.
    faultsFor(
      isPut,
      { kind: 'lost' },
      { kind: 'refuse', status: 503 },
      { kind: 'refuse', status: 503 },
      { kind: 'refuse', status: 503 },
    );
    const failed = await world.run(events(1));
    expect(failed.outcomes.get('Évènement uid-0')).toBe('failed');
    world.dav.log.length = 0;
    const again = await world.run([{ key: 'uid-0', body: 'event 0 v2' }]);
    expect(again.outcomes.get('Évènement uid-0')).toBe('created');
    expect(world.dav.everything()).toEqual(new Map([[hrefOf('uid-0'), 'event 0 v2']]));
    expect(itemOf('uid-0')).toMatchObject({ state: 'verified', contentHash: hashOf('event 0 v2') });
  });

  it('resumes after a crash once the request had arrived: looks, writes over its own copy', async () => {
    faultsFor(isPut, { kind: 'crash-after' });
    const first = await world.run(events(1), { concurrency: 1 });
    expect(first.ending).toBe('crashed');
    expect(itemOf('uid-0').state).toBe('sending');
    const landed = world.dav.probe(hrefOf('uid-0'));
    world.dav.log.length = 0;

    const second = await world.run(events(1));
    expect(second.run.id).toBe(first.run.id); // the same run, resumed
    expect(world.dav.log.map((r) => r.method)).toEqual(['INSPECT', 'PROBE', 'PUT', 'LIST']);
    expect(puts()[0]).toMatchObject({ ifMatch: landed?.etag, ifNoneMatch: false });
    expect(second.outcomes.get('Évènement uid-0')).toBe('created');
    expect(world.journal.runCounts(second.run.id).total).toMatchObject({ created: 1, verified: 1 });
    expect(world.dav.everything().size).toBe(1);
  });

  it('trusts a copy of the same size for files: after a crash or a lost answer, sends once', async () => {
    world.dav.reportSizes = true;
    faultsFor(isPut, { kind: 'crash-after' }, { kind: 'lost' });
    await world.run(events(2), { concurrency: 1, withSizes: true });
    const report = await world.run(events(2), { withSizes: true });
    // uid-0: sent, crash; resumed by a look only. uid-1: lost answer, 412, a look.
    expect(puts().map((put) => [put.href.slice(-9), put.outcome])).toEqual([
      ['uid-0.ics', 'crashed'],
      ['uid-1.ics', 'lost'],
      ['uid-1.ics', 412],
    ]);
    expect([...report.outcomes.values()]).toEqual(['created', 'created']);
    expect(report.verify).toEqual({ verified: 2, missing: 0, unexpected: 0 });
  });

  it('resumes after a crash before the request left: sends it, once', async () => {
    faultsFor(isPut, { kind: 'crash-before' });
    await world.run(events(2), { concurrency: 1 });
    world.dav.log.length = 0;
    const second = await world.run(events(2));
    expect(puts()).toHaveLength(2); // the one that never left, and the one never tried
    expect([...second.outcomes.values()]).toEqual(['created', 'created']);
    expect(world.dav.everything().size).toBe(2);
  });

  it('resumes an interrupted update whose old copy is still there: sends the new content', async () => {
    await world.run(events(1));
    faultsFor(isPut, { kind: 'crash-before' });
    await world.run([{ key: 'uid-0', body: 'event 0 v2' }]);
    world.dav.log.length = 0;
    const report = await world.run([{ key: 'uid-0', body: 'event 0 v2' }]);
    expect(puts()).toHaveLength(1);
    expect(report.outcomes.get('Évènement uid-0')).toBe('updated');
    expect(world.dav.everything().get(hrefOf('uid-0'))).toBe('event 0 v2');
  });

  it('never overwrites an item the family changed on the server: 412, reported, kept', async () => {
    await world.run(events(2));
    world.dav.write(hrefOf('uid-0'), 'changed on the phone');
    world.dav.log.length = 0;
    const report = await world.run([
      { key: 'uid-0', body: 'event 0 v2' },
      { key: 'uid-1', body: 'event 1 v1' },
    ]);
    expect(puts().map((put) => put.outcome)).toEqual([412]);
    expect(report.outcomes.get('Évènement uid-0')).toBe('failed');
    expect(report.problems).toEqual([
      expect.objectContaining({ code: 'dav.precondition-failed', where: 'Évènement uid-0' }),
    ]);
    expect(world.dav.everything().get(hrefOf('uid-0'))).toBe('changed on the phone');
    expect(itemOf('uid-0').state).toBe('failed');
  });

  it('keeps reporting the family’s edit on later runs, never overwriting it', async () => {
    await world.run(events(1));
    world.dav.write(hrefOf('uid-0'), 'changed on the phone');
    await world.run([{ key: 'uid-0', body: 'event 0 v2' }]);
    const again = await world.run([{ key: 'uid-0', body: 'event 0 v2' }]);
    expect(again.problems).toEqual([
      expect.objectContaining({ code: 'dav.precondition-failed', where: 'Évènement uid-0' }),
    ]);
    expect(world.dav.everything().get(hrefOf('uid-0'))).toBe('changed on the phone');
  });

  it('sends again an item deleted from the server since (update → 412 → nothing there)', async () => {
    await world.run(events(2));
    world.dav.remove(hrefOf('uid-1'));
    world.dav.log.length = 0;
    const report = await world.run([
      { key: 'uid-0', body: 'event 0 v1' },
      { key: 'uid-1', body: 'event 1 v2' },
    ]);
    expect(puts().map((put) => [put.ifMatch !== null, put.ifNoneMatch, put.outcome])).toEqual([
      [true, false, 412],
      [false, true, 200],
    ]);
    expect(report.outcomes.get('Évènement uid-1')).toBe('created');
    expect(world.dav.everything().get(hrefOf('uid-1'))).toBe('event 1 v2');
  });

  it('sends again an item the read-back did not find (missing → create at the same name)', async () => {
    await world.run(events(2));
    world.dav.remove(hrefOf('uid-0'));
    const missing = await world.run(events(2));
    expect(missing.verify).toEqual({ verified: 1, missing: 1, unexpected: 0 });
    expect(missing.problems).toEqual([
      expect.objectContaining({ code: 'migration.missing', where: 'Évènement uid-0' }),
    ]);
    world.dav.log.length = 0;
    const again = await world.run(events(2));
    expect(puts()).toEqual([expect.objectContaining({ href: hrefOf('uid-0'), ifNoneMatch: true })]);
    expect(again.verify).toEqual({ verified: 2, missing: 0, unexpected: 0 });
  });

  it('records skipped items with their reason and sends nothing for them', async () => {
    const entries: SourceEntry<string>[] = [
      { type: 'item', item: outgoing({ key: 'uid-0', body: 'event 0' }) },
      {
        type: 'skipped',
        skipped: {
          sourceKey: 'uid-never',
          label: 'Chorale (jamais)',
          problem: { code: 'items.event-never-happens', where: 'Chorale (jamais)' },
        },
      },
      { type: 'problem', problem: { code: 'items.event-unreadable', where: 'Famille.ics #9' } },
    ];
    const report = await world.run([], { entries });
    expect(puts()).toHaveLength(1);
    expect(report.outcomes.get('Chorale (jamais)')).toBe('skipped');
    expect(report.problems.map((problem) => problem.code)).toEqual([
      'items.event-never-happens',
      'items.event-unreadable',
    ]);
    expect(world.journal.runCounts(report.run.id).total).toMatchObject({
      found: 2,
      created: 1,
      skipped: 1,
      verified: 1,
    });
    expect(itemOf('uid-never')).toMatchObject({
      state: 'skipped',
      problem: { code: 'items.event-never-happens' },
    });
  });

  it('tells the notes of an item that was sent anyway', async () => {
    const item = {
      ...outgoing({ key: 'uid-0', body: 'event 0' }),
      notes: [{ code: 'items.event-attachment-left', where: 'Évènement uid-0' }],
    };
    const report = await world.run([], { entries: [{ type: 'item', item }] });
    expect(report.outcomes.get('Évènement uid-0')).toBe('created');
    expect(report.problems).toEqual([item.notes[0]]);
  });

  it('fails one item the server refuses (415) and goes on with the others', async () => {
    faultsFor((r) => isPut(r) && r.href.endsWith('uid-1.ics'), { kind: 'refuse', status: 415 });
    const report = await world.run(events(3));
    expect(report.ending).toBe('finished');
    expect(report.outcomes.get('Évènement uid-1')).toBe('failed');
    expect(report.problems).toEqual([
      expect.objectContaining({ code: 'dav.unsupported-media', where: 'Évènement uid-1' }),
    ]);
    expect(itemOf('uid-1')).toMatchObject({
      state: 'failed',
      problem: { code: 'dav.unsupported-media' },
    });
    expect(world.dav.everything().size).toBe(2);
    expect(report.verify).toEqual({ verified: 2, missing: 0, unexpected: 0 });
  });

  it('honours Retry-After on 503 and gets through', async () => {
    faultsFor(
      isPut,
      { kind: 'refuse', status: 503, retryAfter: 7 },
      { kind: 'refuse', status: 503, retryAfter: 2 },
    );
    const report = await world.run(events(1), { concurrency: 1 });
    expect(report.outcomes.get('Évènement uid-0')).toBe('created');
    expect(world.dav.waits).toEqual([7000, 2000]);
  });

  it.each([
    [401, 'dav.unauthorized'],
    [507, 'dav.server-full'],
  ])('stops the whole run on %i: nothing more is sent', async (status, code) => {
    let seen = 0;
    world.dav.fault = (request) =>
      isPut(request) && ++seen === 3 ? { kind: 'refuse', status } : ok;
    const report = await world.run(events(20), { concurrency: 1 });
    expect(report.ending).toBe('stopped');
    expect(report.stop?.code).toBe(code);
    expect(report.run).toMatchObject({ state: 'stopped', stopCode: code });
    expect(puts()).toHaveLength(3);
    expect(itemOf('uid-2')).toMatchObject({ state: 'failed', problem: { code } });
    // The next run (room made, password fixed) resumes the same run and finishes the job.
    const again = await world.run(events(20));
    expect(again.run.id).toBe(report.run.id);
    expect(again.verify).toEqual({ verified: 20, missing: 0, unexpected: 0 });
  });

  it('fails only the item on a 403 when the collection itself is still writable', async () => {
    faultsFor((r) => isPut(r) && r.href.endsWith('uid-1.ics'), { kind: 'refuse', status: 403 });
    const report = await world.run(events(3));
    expect(report.ending).toBe('finished');
    expect(report.outcomes.get('Évènement uid-1')).toBe('failed');
    expect(world.dav.everything().size).toBe(2);
  });

  it('stops the run on a 403 when the collection is refused too', async () => {
    await world.run(events(1));
    const collection = world.collectionHref();
    // Access to the whole calendar is withdrawn once the run has started sending.
    world.dav.fault = (request) => {
      if (isPut(request)) world.dav.forbidden.add(collection);
      return ok;
    };
    const report = await world.run(events(5), { concurrency: 1 });
    expect(report.ending).toBe('stopped');
    expect(report.stop?.code).toBe('dav.forbidden');
    expect(puts().filter((put) => put.outcome === 403)).toHaveLength(1);
    expect(world.dav.log).toContainEqual(
      expect.objectContaining({ method: 'PROBE', href: collection, outcome: 403 }),
    );
  });
});
