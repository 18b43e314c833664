// Property: whatever the items, the archive versions given in turn, and whatever goes wrong in
// each run — a request refused (503, 401, 507), an answer lost after the server did the work, the
// process dying before or after a request, the family pressing "cancel", the journal forgotten —
// re-running until a run ends cleanly leaves the server holding each item once, at its one
// name, with the latest content; one calendar only; the counts add up; and the read-back
// finds exactly the source.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashOf } from './support/memory-dav.ts';
import type { Fault } from './support/memory-dav.ts';
import { EngineWorld } from './support/engine-world.ts';
import type { SourceItem } from './support/engine-world.ts';

interface ItemSpec {
  readonly key: string;
  readonly inFirst: boolean;
  readonly inSecond: boolean;
  readonly changed: boolean;
}

type Trouble = Fault | { readonly kind: 'cancel' };

interface Round {
  readonly version: 0 | 1;
  readonly concurrency: number;
  /** What happens to the 1st, 2nd… request of the run; `ok` after the list. */
  readonly troubles: readonly Trouble[];
  readonly forgetJournal: boolean;
}

const troubleArbitrary: fc.Arbitrary<Trouble> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Trouble>({ kind: 'ok' }) },
  { weight: 3, arbitrary: fc.constant<Trouble>({ kind: 'lost' }) },
  { weight: 2, arbitrary: fc.constant<Trouble>({ kind: 'refuse', status: 503, retryAfter: 1 }) },
  { weight: 1, arbitrary: fc.constant<Trouble>({ kind: 'refuse', status: 401 }) },
  { weight: 1, arbitrary: fc.constant<Trouble>({ kind: 'refuse', status: 507 }) },
  { weight: 1, arbitrary: fc.constant<Trouble>({ kind: 'crash-before' }) },
  { weight: 1, arbitrary: fc.constant<Trouble>({ kind: 'crash-after' }) },
  { weight: 1, arbitrary: fc.constant<Trouble>({ kind: 'cancel' }) },
);

const itemsArbitrary = fc.uniqueArray(
  fc.record({
    key: fc.stringMatching(/^[a-z0-9@.% -]{1,6}$/),
    inFirst: fc.boolean(),
    inSecond: fc.boolean(),
    changed: fc.boolean(),
  }),
  { minLength: 1, maxLength: 14, selector: (item) => item.key },
);

const roundArbitrary: fc.Arbitrary<Round> = fc.record({
  version: fc.constantFrom<0 | 1>(0, 1),
  concurrency: fc.integer({ min: 1, max: 4 }),
  troubles: fc.array(troubleArbitrary, { maxLength: 40 }),
  forgetJournal: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
});

function sourceOf(items: readonly ItemSpec[], version: 0 | 1): SourceItem[] {
  return items
    .filter((item) => (version === 0 ? item.inFirst : item.inSecond))
    .map((item) => ({
      key: item.key,
      body: `${item.key} ${version === 1 && item.changed ? 'second' : 'first'} version`,
    }));
}

async function play(items: readonly ItemSpec[], rounds: readonly Round[]): Promise<void> {
  const world = new EngineWorld();
  try {
    /** Keys ever given to the engine: the only ones the server may hold. */
    const given = new Set<string>();
    let last: 0 | 1 = 0;
    for (const round of rounds) {
      if (round.forgetJournal) world.loseJournal();
      const controller = new AbortController();
      const queue = [...round.troubles];
      world.dav.fault = () => {
        const trouble = queue.shift() ?? { kind: 'ok' };
        if (trouble.kind !== 'cancel') return trouble;
        controller.abort(new Error('cancelled by the family'));
        return { kind: 'ok' };
      };
      const source = sourceOf(items, round.version);
      for (const item of source) given.add(item.key);
      last = round.version;
      await world.run(source, {
        concurrency: round.concurrency,
        signal: controller.signal,
        archive: `takeout-v${round.version}.zip`,
      });
    }

    // Then nothing goes wrong any more: at most two runs finish the job (the second one only
    // if the first found something missing on the server and must send it again).
    world.dav.fault = () => ({ kind: 'ok' });
    const source = sourceOf(items, last);
    if (source.length === 0) return;
    const archive = `takeout-v${last}.zip`;
    let report = await world.run(source, { archive });
    if (report.verify?.missing !== 0) report = await world.run(source, { archive });

    expect(report.ending).toBe('finished');
    expect(report.problems.filter((p) => p.code !== 'migration.unexpected')).toEqual([]);
    const collectionHref = world.collectionHref();
    expect([...world.dav.collections.keys()]).toEqual([collectionHref]);

    // The server holds each item of the archive once, at its name, with the latest content;
    // beside them only items of the other version (Baluchon never deletes anything).
    const onServer = world.dav.everything();
    const hrefOf = (key: string): string => `${collectionHref}${encodeURIComponent(key)}.ics`;
    for (const item of source) expect(onServer.get(hrefOf(item.key)), item.key).toBe(item.body);
    const allowed = new Set([...given].map(hrefOf));
    for (const href of onServer.keys()) expect(allowed, href).toContain(href);

    // The counts add up, and the read-back found exactly the archive.
    const total = world.journal.runCounts(report.run.id).total;
    expect(total.found).toBe(source.length);
    expect(
      total.created +
        total.updated +
        total.unchanged +
        total.skipped +
        total.failed +
        total.pending,
    ).toBe(total.found);
    expect(total).toMatchObject({ failed: 0, pending: 0, verified: source.length, missing: 0 });
    // What the journal says is on the server is there, with that very content; the read-back
    // missed nothing, and counts as unexpected only what the journal does not know (there
    // after a forgotten journal, and never at another name than its own, checked above).
    const collectionId = report.collection?.id;
    if (collectionId === undefined) throw new Error('no collection');
    const known = world.journal.collectionItems(collectionId);
    for (const item of known.filter((i) => i.state === 'sent' || i.state === 'verified')) {
      const body = onServer.get(item.href ?? '');
      expect(body === undefined ? undefined : hashOf(body), item.sourceKey).toBe(item.contentHash);
    }
    const knownHrefs = new Set(known.map((item) => item.href));
    expect(report.verify).toMatchObject({
      missing: 0,
      unexpected: [...onServer.keys()].filter((href) => !knownHrefs.has(href)).length,
    });
  } finally {
    world.cleanup();
  }
}

describe('the engine under random interruptions', () => {
  it('never loses an item, never makes two, and ends with exactly the archive', async () => {
    await fc.assert(
      fc.asyncProperty(
        itemsArbitrary,
        fc.array(roundArbitrary, { minLength: 1, maxLength: 5 }),
        play,
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 120) },
    );
  }, 120_000);
});
