// The read side: progress numbers, the report's lists, and what undo may delete.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Journal } from '../../src/journal/journal.ts';
import type { RunTally } from '../../src/journal/types.ts';
import type { Collection, ItemId, Run } from '../../src/journal/types.ts';
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

function item(run: Run, collection: Collection, key: string, hash = 'h1'): ItemId {
  return journal.planItem({
    runId: run.id,
    collectionId: collection.id,
    sourceKey: key,
    contentHash: hash,
    label: `Label ${key}`,
  }).itemId;
}

function send(itemId: ItemId, href: string, hash = 'h1'): void {
  journal.markSending(itemId, { href, contentHash: hash });
  journal.markSent(itemId, { etag: `"${hash}"` });
}

function addsUp(tally: RunTally): void {
  expect(tally.found).toBe(
    tally.created + tally.updated + tally.unchanged + tally.skipped + tally.failed + tally.pending,
  );
  expect(Object.values(tally.states).reduce((a, b) => a + b, 0)).toBe(tally.found);
}

describe('counts', () => {
  it('count every outcome per kind, and the totals add up', () => {
    const first = startRun(journal, dupont, ['calendars', 'contacts']);
    const events = first.collectionOf('calendars');
    const people = first.collectionOf('contacts');
    send(item(first.run, events, 'e-unchanged'), '/e1.ics');
    send(item(first.run, events, 'e-updated'), '/e2.ics');
    journal.endRun(first.run.id, { state: 'finished' });

    const { run } = startRun(journal, dupont, ['calendars', 'contacts']);
    item(run, events, 'e-unchanged');
    send(item(run, events, 'e-updated', 'h2'), '/e2.ics', 'h2');
    send(item(run, events, 'e-created'), '/e3.ics');
    const failed = item(run, events, 'e-failed');
    journal.markSending(failed, { href: '/e4.ics', contentHash: 'h1' });
    journal.markFailed(failed, { code: 'dav.unsupported-media-type', detail: '415' });
    journal.markSkipped(item(run, people, 'c-skipped'), { code: 'contacts.empty' });
    item(run, people, 'c-planned');
    journal.markSending(item(run, people, 'c-sending'), { href: '/c.vcf', contentHash: 'h1' });
    const verified = item(run, people, 'c-verified');
    send(verified, '/c2.vcf');
    const missing = item(run, people, 'c-missing');
    send(missing, '/c3.vcf');
    journal.markVerified([{ itemId: verified }]);
    journal.markMissing(missing);

    const counts = journal.runCounts(run.id);
    expect(counts.byKind.calendars).toMatchObject({
      found: 4,
      unchanged: 1,
      updated: 1,
      created: 1,
      failed: 1,
      pending: 0,
    });
    expect(counts.byKind.contacts).toMatchObject({
      found: 5,
      created: 2,
      skipped: 1,
      pending: 2,
      verified: 1,
      missing: 1,
      states: { planned: 1, sending: 1, sent: 0, verified: 1, missing: 1, skipped: 1, failed: 0 },
    });
    expect(counts.byKind.files.found).toBe(0);
    expect(counts.total).toMatchObject({ found: 9, created: 3, failed: 1, pending: 2 });
    for (const tally of [...Object.values(counts.byKind), counts.total]) addsUp(tally);
  });

  it('target counts cover every item of the target, by state, and nothing of another', () => {
    const a = startRun(journal, dupont, ['files']);
    send(item(a.run, a.collection, 'f1'), '/f1');
    item(a.run, a.collection, 'f2');
    journal.endRun(a.run.id, { state: 'finished' });
    const b = startRun(journal, dupont, ['files']);
    item(b.run, b.collection, 'f3');
    const other = startRun(journal, martin, ['files']);
    send(item(other.run, other.collection, 'f1'), '/f1');

    const counts = journal.targetCounts(dupont);
    expect(counts.byKind.files).toMatchObject({ sent: 1, planned: 2 });
    expect(counts.total).toMatchObject({ sent: 1, planned: 2, failed: 0 });
    expect(journal.targetCounts({ server: 'https://nowhere/', account: 'x' }).total.sent).toBe(0);
  });
});

describe('lists', () => {
  it('failed items come with their problem, for a run or for the target', () => {
    const first = startRun(journal);
    const early = item(first.run, first.collection, 'z-early');
    journal.markFailed(early, { code: 'calendars.invalid', detail: 'DTSTART missing' });
    journal.endRun(first.run.id, { state: 'finished' });
    const { run, collection } = startRun(journal);
    const late = item(run, collection, 'a-late');
    journal.markFailed(late, { code: 'dav.forbidden', detail: '403' });

    expect(journal.failedItems({ runId: run.id }).map((i) => [i.label, i.problem])).toEqual([
      ['Label a-late', { code: 'dav.forbidden', detail: '403' }],
    ]);
    expect(journal.failedItems({ target: dupont }).map((i) => i.sourceKey)).toEqual([
      'a-late',
      'z-early',
    ]);
    expect(journal.itemsInStates({ target: martin }, ['failed'])).toEqual([]);
    expect(
      journal.itemsInStates({ runId: run.id }, ['failed', 'planned']).map((i) => i.sourceKey),
    ).toEqual(['a-late']);
  });
});

describe('what undo may delete', () => {
  it('only what Baluchon created, by one run or by all runs of the target', () => {
    const first = journal.beginRun({
      target: dupont,
      kinds: ['calendars', 'contacts'],
      sources: [],
    });
    const ours = journal.saveCollection({
      target: dupont,
      kind: 'calendars',
      sourceKey: 'Famille',
      href: '/cal/famille/',
      displayName: 'Famille',
      createdByUs: true,
      runId: first.id,
    });
    journal.markCollectionReady(ours.id);
    const theirs = journal.saveCollection({
      target: dupont,
      kind: 'contacts',
      sourceKey: 'Contacts',
      href: '/card/contacts/',
      displayName: 'Contacts',
      createdByUs: false,
      runId: first.id,
    });
    const a = item(first, ours, 'a');
    send(a, '/cal/famille/a.ics');
    const c = item(first, theirs, 'c');
    send(c, '/card/contacts/c.vcf');
    journal.endRun(first.id, { state: 'finished' });

    const second = journal.beginRun({ target: dupont, kinds: ['calendars'], sources: [] });
    send(item(second, ours, 'a', 'h2'), '/cal/famille/a.ics', 'h2'); // updated, not created
    const d = item(second, theirs, 'd');
    journal.markSending(d, { href: '/card/contacts/d.vcf', contentHash: 'h1' }); // may be there
    const e = item(second, theirs, 'e'); // never sent

    const byFirst = journal.createdBy({ runId: first.id });
    expect(byFirst.collections.map((x) => x.id)).toEqual([ours.id]);
    expect(byFirst.items.map((x) => x.id)).toEqual([a, c]);
    const bySecond = journal.createdBy({ runId: second.id });
    expect(bySecond.collections).toEqual([]);
    expect(bySecond.items.map((x) => x.id)).toEqual([d]);
    const all = journal.createdBy({ target: dupont });
    expect(all.items.map((x) => x.id)).toEqual([a, c, d]);
    expect(all.items.map((x) => x.id)).not.toContain(e);
    expect(journal.createdBy({ target: martin })).toEqual({ collections: [], items: [] });
  });

  it('once undone, the items and collections leave the journal and will be created again', () => {
    const { run, collection } = startRun(journal);
    const a = item(run, collection, 'a');
    send(a, '/a.ics');
    const b = item(run, collection, 'b');
    send(b, '/b.ics');
    journal.endRun(run.id, { state: 'finished' });

    expect(journal.removeItems([a, 999 as ItemId])).toBe(1);
    expect(journal.markRunUndone(run.id).state).toBe('undone');
    expect(journal.collectionItems(collection.id).map((x) => x.id)).toEqual([b]);
    expect(journal.removeCollection(collection.id)).toBe(true);
    expect(journal.removeCollection(collection.id)).toBe(false);
    expect(journal.targetCounts(dupont).total.sent).toBe(0);
    // Its report is still there.
    expect(journal.getRun(run.id).summary?.total.created).toBe(2);

    const again = startRun(journal);
    expect(
      journal.planItem({
        runId: again.run.id,
        collectionId: again.collection.id,
        sourceKey: 'a',
        contentHash: 'h1',
        label: 'a',
      }).action,
    ).toBe('create');
  });
});
