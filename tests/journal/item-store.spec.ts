// The per-item protocol over several runs: what planItem answers, and what each run counts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Journal } from '../../src/journal/journal.ts';
import type { Plan } from '../../src/journal/item-protocol.ts';
import type { Collection, CollectionId, ItemId, Run, RunId } from '../../src/journal/types.ts';
import { journalErrorOf } from './support/journal-error-of.ts';
import { dupont, makeFixture, martin, startRun } from './support/journal-fixture.ts';
import type { Fixture } from './support/journal-fixture.ts';

let fixture: Fixture;
let journal: Journal;

beforeEach(() => {
  fixture = makeFixture();
  journal = fixture.open();
});

afterEach(() => {
  fixture.cleanup();
});

type Source = Record<string, string>; // source key → content hash

const hrefOf = (key: string) => `/dav/famille-dupont/calendars/${key}.ics`;

function plan(run: Run, collection: Collection, key: string, hash: string): Plan {
  return journal.planItem({
    runId: run.id,
    collectionId: collection.id,
    sourceKey: key,
    contentHash: hash,
    label: `Event ${key}`,
  });
}

/** A well-behaved engine: plan everything, send what needs sending. */
function migrate(run: Run, collection: Collection, source: Source): Map<string, Plan> {
  const plans = new Map<string, Plan>();
  for (const [key, hash] of Object.entries(source)) {
    const decision = plan(run, collection, key, hash);
    plans.set(key, decision);
    if (decision.action === 'unchanged') continue;
    journal.markSending(decision.itemId, {
      href: decision.action === 'create' ? (decision.href ?? hrefOf(key)) : decision.href,
      contentHash: hash,
    });
    journal.markSent(decision.itemId, { etag: `"${hash}"` });
  }
  return plans;
}

const actions = (plans: Map<string, Plan>) =>
  Object.fromEntries([...plans].map(([key, decision]) => [key, decision.action]));

const v1: Source = { a: 'ha1', b: 'hb1', c: 'hc1', d: 'hd1', e: 'he1' };

describe('planItem across runs', () => {
  it('the same archive twice: the second run sends nothing', () => {
    const first = startRun(journal);
    expect(Object.values(actions(migrate(first.run, first.collection, v1)))).toEqual(
      Array(5).fill('create'),
    );
    journal.endRun(first.run.id, { state: 'finished' });

    const second = startRun(journal);
    expect(second.collection.id).toBe(first.collection.id);
    const plans = migrate(second.run, second.collection, v1);
    expect(Object.values(actions(plans))).toEqual(Array(5).fill('unchanged'));
    expect(journal.runCounts(second.run.id).total).toMatchObject({
      found: 5,
      unchanged: 5,
      created: 0,
      updated: 0,
      pending: 0,
    });
    // Nothing was sent again.
    for (const item of journal.collectionItems(first.collection.id)) expect(item.attempts).toBe(1);
    // The second run planned every item: live counts are its own; the first run's report
    // stays in its summary.
    expect(journal.runCounts(first.run.id).total.found).toBe(0);
    expect(journal.getRun(first.run.id).summary?.total).toMatchObject({ found: 5, created: 5 });
    expect(journal.getRun(second.run.id).summary).toBeNull();
  });

  it('changed content is an update of the same href with the stored etag', () => {
    const first = startRun(journal);
    migrate(first.run, first.collection, v1);
    journal.endRun(first.run.id, { state: 'finished' });

    const second = startRun(journal);
    const decision = plan(second.run, second.collection, 'c', 'hc2');
    expect(decision).toEqual({
      action: 'update',
      itemId: expect.any(Number) as ItemId,
      href: hrefOf('c'),
      etag: '"hc1"',
    });
    // Until its update starts, the item still says what the server holds.
    expect(journal.getItem(decision.itemId)).toMatchObject({ state: 'sent', contentHash: 'hc1' });
    journal.markSending(decision.itemId, { href: hrefOf('c'), contentHash: 'hc2' });
    journal.markSent(decision.itemId, { etag: '"hc2"' });
    expect(journal.getItem(decision.itemId)).toMatchObject({
      outcome: 'updated',
      contentHash: 'hc2',
      etag: '"hc2"',
      createdRunId: first.run.id,
      runId: second.run.id,
    });
  });

  it('a newer archive: new items are created, known ones unchanged, vanished ones left alone', () => {
    const first = startRun(journal);
    migrate(first.run, first.collection, v1);
    journal.endRun(first.run.id, { state: 'finished' });

    const v2: Source = { ...v1, f: 'hf1', g: 'hg1' };
    delete v2['e'];
    const second = startRun(journal);
    expect(actions(migrate(second.run, second.collection, v2))).toEqual({
      a: 'unchanged',
      b: 'unchanged',
      c: 'unchanged',
      d: 'unchanged',
      f: 'create',
      g: 'create',
    });
    expect(journal.runCounts(second.run.id).total).toMatchObject({
      found: 6,
      unchanged: 4,
      created: 2,
    });
    const vanished = journal
      .collectionItems(first.collection.id)
      .find((item) => item.sourceKey === 'e');
    expect(vanished).toMatchObject({ state: 'sent', runId: first.run.id });
    expect(journal.collectionItems(first.collection.id)).toHaveLength(7);
  });

  it('a resumed run keeps counting what it did before the interruption', () => {
    const first = startRun(journal);
    const done = plan(first.run, first.collection, 'a', 'ha1');
    journal.markSending(done.itemId, { href: hrefOf('a'), contentHash: 'ha1' });
    journal.markSent(done.itemId, { etag: '"1"' });
    const inFlight = plan(first.run, first.collection, 'b', 'hb1');
    journal.markSending(inFlight.itemId, { href: hrefOf('b'), contentHash: 'hb1' });
    journal.saveResume(inFlight.itemId, { uploadId: 'u-1', chunks: 2 });
    journal.close();

    journal = fixture.open();
    const run = journal.resumeRun(first.run.id);
    expect(plan(run, first.collection, 'a', 'ha1').action).toBe('unchanged');
    expect(plan(run, first.collection, 'b', 'hb1')).toEqual({
      action: 'resume',
      itemId: inFlight.itemId,
      href: hrefOf('b'),
      attemptHash: 'hb1',
      contentHash: null,
      etag: null,
      resume: { uploadId: 'u-1', chunks: 2 },
    });
    expect(journal.runCounts(run.id).total).toMatchObject({
      found: 2,
      created: 1,
      unchanged: 0,
      pending: 1,
    });
    // The engine found it on the server: it was created by this run after all.
    journal.markSent(inFlight.itemId, { etag: '"2"' });
    expect(journal.runCounts(run.id).total).toMatchObject({ found: 2, created: 2, pending: 0 });
  });

  it('an interrupted update resumes with what the server held before it', () => {
    const first = startRun(journal);
    migrate(first.run, first.collection, v1);
    journal.endRun(first.run.id, { state: 'finished' });
    const second = startRun(journal);
    const update = plan(second.run, second.collection, 'a', 'ha2');
    journal.markSending(update.itemId, { href: hrefOf('a'), contentHash: 'ha2' });
    journal.close();

    journal = fixture.open();
    const third = journal.beginRun({ target: dupont, kinds: ['calendars'], sources: [] });
    expect(journal.getRun(second.run.id).state).toBe('abandoned');
    expect(plan(third, second.collection, 'a', 'ha2')).toMatchObject({
      action: 'resume',
      attemptHash: 'ha2',
      contentHash: 'ha1',
      etag: '"ha1"',
    });
    // The server still holds ha1: send again, conditionally on its etag.
    journal.markSending(update.itemId, { href: hrefOf('a'), contentHash: 'ha2' });
    journal.markSent(update.itemId, { etag: '"ha2"' });
    expect(journal.getItem(update.itemId)).toMatchObject({ outcome: 'updated', attempts: 3 });
  });

  it('a failed create is retried at the same href, so a retry can never make a second copy', () => {
    const { run, collection } = startRun(journal);
    const first = plan(run, collection, 'a', 'ha1');
    expect(first).toEqual({ action: 'create', itemId: first.itemId, href: null });
    journal.markSending(first.itemId, { href: hrefOf('a'), contentHash: 'ha1' });
    journal.markFailed(first.itemId, { code: 'network.timeout' });
    expect(plan(run, collection, 'a', 'ha1')).toEqual({
      action: 'create',
      itemId: first.itemId,
      href: hrefOf('a'),
    });
  });

  it('an item skipped or failed after being sent is updated next time, not recreated', () => {
    const first = startRun(journal);
    migrate(first.run, first.collection, v1);
    journal.endRun(first.run.id, { state: 'finished' });
    const second = startRun(journal);
    const skipped = plan(second.run, second.collection, 'a', 'ha2');
    journal.markSkipped(skipped.itemId, { code: 'calendars.too-many-attendees' });
    journal.endRun(second.run.id, { state: 'finished' });
    const third = startRun(journal);
    expect(plan(third.run, third.collection, 'a', 'ha1')).toMatchObject({
      action: 'update',
      href: hrefOf('a'),
      etag: '"ha1"',
    });
  });

  it('keeps the label and size of the latest plan', () => {
    const { run, collection } = startRun(journal, dupont, ['files']);
    const first = journal.planItem({
      runId: run.id,
      collectionId: collection.id,
      sourceKey: 'drive:1',
      contentHash: 'h',
      label: 'Photos/été.jpg',
      size: 10,
    });
    journal.planItem({
      runId: run.id,
      collectionId: collection.id,
      sourceKey: 'drive:1',
      contentHash: 'h2',
      label: 'Photos/été 2024.jpg',
      size: 12,
    });
    expect(journal.getItem(first.itemId)).toMatchObject({
      label: 'Photos/été 2024.jpg',
      size: 12,
      plannedHash: 'h2',
      kind: 'files',
    });
  });

  it('refuses an unknown collection, or a run of another target', () => {
    const { run, collection } = startRun(journal, dupont);
    const other = startRun(journal, martin);
    const planWith = (runId: RunId, collectionId: CollectionId) =>
      journalErrorOf(() =>
        journal.planItem({ runId, collectionId, sourceKey: 'x', contentHash: 'h', label: 'x' }),
      );
    expect(planWith(run.id, 999 as CollectionId).details).toMatchObject({ what: 'collection' });
    expect(planWith(other.run.id, collection.id).details).toMatchObject({ what: 'run' });
    expect(planWith(999 as RunId, collection.id).code).toBe('journal.not-found');
    expect(journal.collectionItems(collection.id)).toEqual([]);
  });
});
