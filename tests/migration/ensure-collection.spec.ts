// A new calendar is made once and only once: the journal remembers it before the request
// leaves, the marker lets a run without journal recognise it, and a name someone else uses is
// never taken over.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureCollection, markerFor } from '../../src/migration/ensure-collection.ts';
import type { Collection } from '../../src/journal/types.ts';
import type { CollectionSpec } from '../../src/sink/item-sink.ts';
import { Crash, HOME, memoryCollectionSink, ok } from './support/memory-dav.ts';
import type { Fault } from './support/memory-dav.ts';
import { EngineWorld, spec, target } from './support/engine-world.ts';

let world: EngineWorld;
beforeEach(() => {
  world = new EngineWorld();
});
afterEach(() => {
  world.cleanup();
});

const marker = markerFor('calendars', spec.sourceKey);
const ours = `${HOME}famille-google/`;

async function ensure(given: CollectionSpec = spec): Promise<Collection> {
  const [interrupted] = world.journal.interruptedRuns(target);
  const run =
    interrupted === undefined
      ? world.journal.beginRun({
          target,
          kinds: ['calendars'],
          sources: [{ name: 'a.zip', size: 1 }],
        })
      : world.journal.resumeRun(interrupted.id);
  const collection = await ensureCollection(given, {
    journal: world.journal,
    target,
    runId: run.id,
    kind: 'calendars',
    sink: memoryCollectionSink(world.dav),
    signal: new AbortController().signal,
  });
  world.journal.endRun(run.id, { state: 'finished' });
  return collection;
}

/** The first request of `method` gets `fault`. */
function once(method: string, fault: Fault): void {
  let done = false;
  world.dav.fault = (request) => {
    if (done || request.method !== method) return ok;
    done = true;
    return fault;
  };
}

const mkcols = (): number => world.dav.count('MKCOL');

describe('ensureCollection', () => {
  it('makes the calendar with its marker, and finds it in the journal next time', async () => {
    const made = await ensure();
    expect(made).toMatchObject({ href: ours, state: 'ready', createdByUs: true });
    expect(world.dav.collections.get(ours)).toMatchObject({
      displayName: 'Famille (Google)',
      marker,
    });
    const again = await ensure();
    expect(again.id).toBe(made.id);
    expect(mkcols()).toBe(1);
  });

  it('makes it again at the same place when it was deleted from the server since', async () => {
    await ensure();
    world.dav.collections.delete(ours);
    const again = await ensure();
    expect(again.href).toBe(ours);
    expect([...world.dav.collections.keys()]).toEqual([ours]);
  });

  it('after a crash before the request left ("creating" in the journal): makes it once', async () => {
    once('MKCOL', { kind: 'crash-before' });
    await expect(ensure()).rejects.toBeInstanceOf(Crash);
    world.reopen();
    expect(world.journal.collections(target)).toEqual([
      expect.objectContaining({ href: ours, state: 'creating' }),
    ]);
    const made = await ensure();
    expect(made).toMatchObject({ href: ours, state: 'ready' });
    expect([...world.dav.collections.keys()]).toEqual([ours]);
    expect(world.dav.collections.get(ours)?.marker).toBe(marker);
  });

  it('after a crash once the server had made it: adopts it, marks it, makes nothing more', async () => {
    once('MKCOL', { kind: 'crash-after' });
    await expect(ensure()).rejects.toBeInstanceOf(Crash);
    world.reopen();
    const made = await ensure();
    expect(made).toMatchObject({ href: ours, state: 'ready' });
    expect(mkcols()).toBe(1);
    // The marker the crash prevented is set now, so a lost journal still finds the calendar.
    expect(world.dav.collections.get(ours)?.marker).toBe(marker);
    world.loseJournal();
    expect((await ensure()).href).toBe(ours);
    expect([...world.dav.collections.keys()]).toEqual([ours]);
  });

  it('adopts its own calendar from a run whose journal was lost (the marker says so)', async () => {
    await ensure();
    world.loseJournal();
    const adopted = await ensure();
    expect(adopted).toMatchObject({ href: ours, state: 'ready', createdByUs: true });
    expect(mkcols()).toBe(1);
  });

  it('never uses a name taken by a calendar of the family: takes the next free one', async () => {
    world.dav.addCollection(ours, 'Famille (Google)'); // theirs: no marker, their events
    world.dav.write(`${ours}theirs.ics`, 'their own event');
    world.dav.addCollection(`${HOME}famille-google-2/`, 'Autre', 'calendars:Agenda/Autre.ics');
    const made = await ensure();
    expect(made.href).toBe(`${HOME}famille-google-3/`);
    expect(world.dav.collections.get(ours)).toMatchObject({ marker: null });
    expect((await ensure()).href).toBe(`${HOME}famille-google-3/`);
  });

  it('adopts the empty, unmarked calendar an interrupted creation left under our name', async () => {
    world.dav.addCollection(ours, 'Famille (Google)');
    world.dav.addCollection(`${HOME}famille-google-2/`, 'Autre chose');
    const made = await ensure();
    expect(made.href).toBe(ours);
    expect(world.dav.collections.get(ours)?.marker).toBe(marker);
    expect(world.dav.collections.get(`${HOME}famille-google-2/`)?.marker).toBe(null);
  });

  it('takes the next name when the calendar appears between the look and the creation (405)', async () => {
    world.dav.fault = (request) => {
      if (request.method === 'MKCOL' && request.href === ours && !world.dav.collections.has(ours)) {
        world.dav.addCollection(ours, 'Appeared meanwhile');
      }
      return ok;
    };
    const made = await ensure();
    expect(made.href).toBe(`${HOME}famille-google-2/`);
    expect(world.journal.collections(target)).toHaveLength(1);
  });

  it('recognises its own creation when the answer was lost and the retry says "exists"', async () => {
    once('MKCOL', { kind: 'lost' });
    const made = await ensure();
    expect(made).toMatchObject({ href: ours, state: 'ready' });
    expect([...world.dav.collections.keys()]).toEqual([ours]);
    expect(world.dav.collections.get(ours)?.marker).toBe(marker);
  });

  it('says why when the server refuses to make any calendar', async () => {
    once('MKCOL', { kind: 'refuse', status: 403 });
    await expect(ensure()).rejects.toMatchObject({ code: 'dav.forbidden' });
    expect([...world.dav.collections.keys()]).toEqual([]);
  });

  it('is the same collection for two sources sharing an alias (the archive, then Google live)', async () => {
    const archive = {
      ...spec,
      sourceKey: 'Takeout/Agenda/Famille.ics',
      aliases: ['google-calendar-named:Famille'],
    };
    const live = {
      ...spec,
      sourceKey: 'google-calendar:abc@group.calendar.google.com',
      aliases: ['google-calendar-named:Famille'],
    };
    const made = await ensure(archive);
    expect(world.dav.collections.get(made.href)?.marker).toBe(
      markerFor('calendars', 'google-calendar-named:Famille'),
    );
    const again = await ensure(live);
    expect(again.id).toBe(made.id);
    expect(mkcols()).toBe(1);
  });

  it('still finds a collection an earlier version kept under the source’s own key', async () => {
    const made = await ensure();
    const again = await ensure({ ...spec, aliases: ['google-calendar-named:Famille'] });
    expect(again.id).toBe(made.id);
    expect(mkcols()).toBe(1);
  });

  it('recognises by its alias marker a collection whose journal was lost', async () => {
    const made = await ensure({ ...spec, aliases: ['google-calendar-named:Famille'] });
    world.loseJournal();
    const live = {
      ...spec,
      sourceKey: 'google-calendar:abc',
      aliases: ['google-calendar-named:Famille'],
    };
    const again = await ensure(live);
    expect(again.href).toBe(made.href);
    expect(mkcols()).toBe(1);
  });
});
