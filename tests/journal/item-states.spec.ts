// Every (operation, state) pair of the item state machine, through the real journal: allowed
// transitions land in their state, forbidden ones throw journal.illegal-transition and leave the
// row exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isJournalError } from '../../src/journal/journal-error.ts';
import type { Journal } from '../../src/journal/journal.ts';
import {
  canTransition,
  itemOperations,
  itemStates,
  itemTransitions,
} from '../../src/journal/item-states.ts';
import type { ItemOperation, ItemState } from '../../src/journal/item-states.ts';
import type { CollectionId, ItemId, RunId } from '../../src/journal/types.ts';
import { journalErrorOf } from './support/journal-error-of.ts';
import { makeFixture, startRun } from './support/journal-fixture.ts';
import type { Fixture } from './support/journal-fixture.ts';

// The expected machine, written out independently of item-states.ts.
const everyState: ItemState[] = [
  'planned',
  'sending',
  'sent',
  'verified',
  'failed',
  'skipped',
  'missing',
];
const expected: Record<ItemOperation, { from: ItemState[]; to: ItemState }> = {
  markSending: { from: everyState, to: 'sending' },
  markSent: { from: ['sending'], to: 'sent' },
  markFailed: { from: everyState, to: 'failed' },
  markSkipped: { from: everyState, to: 'skipped' },
  markVerified: { from: ['sent', 'verified'], to: 'verified' },
  markMissing: { from: ['sent', 'verified'], to: 'missing' },
};

let fixture: Fixture;
let journal: Journal;
let runId: RunId;
let collectionId: CollectionId;
let counter = 0;

beforeAll(() => {
  fixture = makeFixture();
  journal = fixture.open();
  const started = startRun(journal);
  runId = started.run.id;
  collectionId = started.collection.id;
});

afterAll(() => {
  fixture.cleanup();
});

/** A new item brought to `state` through allowed transitions only. */
function itemIn(state: ItemState): ItemId {
  const key = `uid-${++counter}`;
  const { itemId } = journal.planItem({
    runId,
    collectionId,
    sourceKey: key,
    contentHash: 'h1',
    label: `Event ${key}`,
  });
  const send = () => {
    journal.markSending(itemId, {
      href: `/dav/famille-dupont/calendars/${key}.ics`,
      contentHash: 'h1',
    });
  };
  const sent = () => {
    send();
    journal.markSent(itemId, { etag: '"e1"' });
  };
  switch (state) {
    case 'planned':
      break;
    case 'sending':
      send();
      break;
    case 'sent':
      sent();
      break;
    case 'verified':
      sent();
      journal.markVerified([{ itemId }]);
      break;
    case 'failed':
      send();
      journal.markFailed(itemId, { code: 'dav.server-error', detail: '500' });
      break;
    case 'skipped':
      journal.markSkipped(itemId, { code: 'calendars.generated' });
      break;
    case 'missing':
      sent();
      journal.markMissing(itemId);
      break;
  }
  expect(journal.getItem(itemId).state).toBe(state);
  return itemId;
}

const apply: Record<ItemOperation, (itemId: ItemId) => void> = {
  markSending: (itemId) => {
    const href = journal.getItem(itemId).href ?? `/dav/famille-dupont/calendars/new-${itemId}.ics`;
    journal.markSending(itemId, { href, contentHash: 'h2' });
  },
  markSent: (itemId) => {
    journal.markSent(itemId, { etag: '"e2"' });
  },
  markFailed: (itemId) => {
    journal.markFailed(itemId, { code: 'dav.forbidden', detail: '403 Forbidden' });
  },
  markSkipped: (itemId) => {
    journal.markSkipped(itemId, { code: 'files.too-large' });
  },
  markVerified: (itemId) => {
    journal.markVerified([{ itemId }]);
  },
  markMissing: (itemId) => {
    journal.markMissing(itemId);
  },
};

describe('item state machine', () => {
  it('item-states.ts declares the expected machine', () => {
    expect(itemStates).toEqual(everyState);
    for (const operation of itemOperations) {
      expect([...itemTransitions[operation].from].sort(), operation).toEqual(
        [...expected[operation].from].sort(),
      );
      expect(itemTransitions[operation].to, operation).toBe(expected[operation].to);
    }
  });

  const pairs = itemOperations.flatMap((operation) =>
    everyState.map((from) => ({
      operation,
      from,
      allowed: expected[operation].from.includes(from),
    })),
  );

  it.each(pairs.filter((pair) => pair.allowed))(
    '$operation from $from is allowed',
    ({ operation, from }) => {
      expect(canTransition(operation, from)).toBe(true);
      const itemId = itemIn(from);
      apply[operation](itemId);
      expect(journal.getItem(itemId).state).toBe(expected[operation].to);
    },
  );

  it.each(pairs.filter((pair) => !pair.allowed))(
    '$operation from $from is refused and changes nothing',
    ({ operation, from }) => {
      expect(canTransition(operation, from)).toBe(false);
      const itemId = itemIn(from);
      const before = journal.getItem(itemId);
      let thrown: unknown;
      try {
        apply[operation](itemId);
      } catch (error) {
        thrown = error;
      }
      expect(isJournalError(thrown, 'journal.illegal-transition')).toBe(true);
      expect(thrown).toMatchObject({ details: { item: itemId, operation, from } });
      expect(journal.getItem(itemId)).toEqual(before);
    },
  );

  it('a batch of verifications with one illegal item records none of them', () => {
    const sent = itemIn('sent');
    const planned = itemIn('planned');
    const error = journalErrorOf(() => {
      journal.markVerified([{ itemId: sent }, { itemId: planned }]);
    });
    expect(error.code).toBe('journal.illegal-transition');
    expect(journal.getItem(sent).state).toBe('sent');
  });

  it('an unknown item is journal.not-found, whatever the operation', () => {
    for (const operation of itemOperations) {
      const error = journalErrorOf(() => {
        apply[operation](999_999 as ItemId);
      });
      expect(error.code, operation).toBe('journal.not-found');
    }
  });
});

describe('what each transition records', () => {
  it('markSending counts the attempt and remembers href and hash', () => {
    const itemId = itemIn('planned');
    journal.markSending(itemId, { href: '/dav/a.ics', contentHash: 'hx' });
    expect(journal.getItem(itemId)).toMatchObject({
      state: 'sending',
      href: '/dav/a.ics',
      attemptHash: 'hx',
      contentHash: null,
      attempts: 1,
      createdRunId: runId,
      outcome: null,
    });
  });

  it('markSent makes the attempt the content on the server, with its etag', () => {
    const itemId = itemIn('sending');
    journal.markSent(itemId, { etag: '"abc"', size: 321 });
    expect(journal.getItem(itemId)).toMatchObject({
      state: 'sent',
      contentHash: 'h1',
      etag: '"abc"',
      size: 321,
      outcome: 'created',
      problem: null,
    });
  });

  it('markSent records what the server holds when it is not the last attempt', () => {
    const itemId = itemIn('sending');
    apply.markSending(itemId); // attempt h2 in flight, then an interruption
    journal.markSent(itemId, { etag: '"found"', contentHash: 'h1' }); // the server had h1
    expect(journal.getItem(itemId)).toMatchObject({ contentHash: 'h1', etag: '"found"' });
  });

  it('a second send of a sent item is an update and keeps who created it', () => {
    const itemId = itemIn('sent');
    apply.markSending(itemId);
    journal.markSent(itemId, { etag: '"e2"' });
    expect(journal.getItem(itemId)).toMatchObject({
      outcome: 'updated',
      contentHash: 'h2',
      attempts: 2,
      createdRunId: runId,
    });
  });

  it('markFailed and markSkipped keep the problem for the report', () => {
    const failed = itemIn('sending');
    journal.markFailed(failed, { code: 'dav.forbidden', detail: 'x'.repeat(10_000) });
    expect(journal.getItem(failed).problem?.code).toBe('dav.forbidden');
    expect(journal.getItem(failed).problem?.detail).toHaveLength(2000);
    const skipped = itemIn('planned');
    journal.markSkipped(skipped, { code: 'files.google-form' });
    expect(journal.getItem(skipped)).toMatchObject({
      outcome: 'skipped',
      problem: { code: 'files.google-form', detail: null },
    });
  });

  it('markVerified keeps the etag unless a new one is given', () => {
    const kept = itemIn('sent');
    journal.markVerified([{ itemId: kept }]);
    expect(journal.getItem(kept).etag).toBe('"e1"');
    const changed = itemIn('sent');
    journal.markVerified([{ itemId: changed, etag: '"server-rewrote-it"' }]);
    expect(journal.getItem(changed)).toMatchObject({ etag: '"server-rewrote-it"' });
    expect(journal.getItem(changed).verifiedAt).not.toBeNull();
  });

  it('markMissing forgets what the server held, so the next plan creates it again', () => {
    const itemId = itemIn('verified');
    journal.markMissing(itemId);
    expect(journal.getItem(itemId)).toMatchObject({ contentHash: null, etag: null });
    const plan = journal.planItem({
      runId,
      collectionId,
      sourceKey: journal.getItem(itemId).sourceKey,
      contentHash: 'h1',
      label: 'again',
    });
    expect(plan).toEqual({ action: 'create', itemId, href: journal.getItem(itemId).href });
  });

  it('the href may change while nothing is on the server, never after', () => {
    const failed = itemIn('failed');
    journal.markSending(failed, { href: '/dav/renamed.ics', contentHash: 'h1' });
    expect(journal.getItem(failed).href).toBe('/dav/renamed.ics');

    const sent = itemIn('sent');
    const error = journalErrorOf(() => {
      journal.markSending(sent, { href: '/dav/elsewhere.ics', contentHash: 'h2' });
    });
    expect(error.code).toBe('journal.illegal-transition');
    expect(journal.getItem(sent).state).toBe('sent');
  });

  it('the resume blob lives while the same content is being sent', () => {
    const itemId = itemIn('sending');
    const blob = { uploadId: 'web-file-upload-1234', chunksDone: [1, 2, 3] };
    journal.saveResume(itemId, blob);
    expect(journal.getItem(itemId).resume).toEqual(blob);
    journal.markSending(itemId, { href: journal.getItem(itemId).href ?? '', contentHash: 'h1' });
    expect(journal.getItem(itemId).resume).toEqual(blob);
    journal.markFailed(itemId, { code: 'network.reset' });
    expect(journal.getItem(itemId).resume).toEqual(blob);
    journal.markSending(itemId, { href: journal.getItem(itemId).href ?? '', contentHash: 'h9' });
    expect(journal.getItem(itemId).resume).toBeNull();
    journal.saveResume(itemId, blob);
    journal.markSent(itemId, { etag: null });
    expect(journal.getItem(itemId).resume).toBeNull();
  });

  it('saveResume outside `sending` is refused', () => {
    const itemId = itemIn('sent');
    const error = journalErrorOf(() => {
      journal.saveResume(itemId, { uploadId: 'x' });
    });
    expect(error.code).toBe('journal.illegal-transition');
  });
});

describe('transitions belong to a running run', () => {
  it('after the run ended, only the read-back may change an item', () => {
    const local = makeFixture();
    try {
      const j = local.open();
      const { run, collection } = startRun(j);
      const plan = (key: string) =>
        j.planItem({
          runId: run.id,
          collectionId: collection.id,
          sourceKey: key,
          contentHash: 'h',
          label: key,
        }).itemId;
      const planned = plan('a');
      const sent = plan('b');
      j.markSending(sent, { href: '/b.ics', contentHash: 'h' });
      j.markSent(sent, { etag: null });
      j.endRun(run.id, { state: 'finished' });

      const refused = [
        () => {
          j.markSending(planned, { href: '/a.ics', contentHash: 'h' });
        },
        () => {
          j.markFailed(planned, { code: 'x' });
        },
        () => {
          j.markSkipped(planned, { code: 'x' });
        },
        () => {
          j.markSent(planned, { etag: null });
        },
      ];
      for (const work of refused) {
        const error = journalErrorOf(work);
        expect(error.code).toBe('journal.illegal-transition');
        expect(error.details?.['run']).toBe('finished');
      }
      const error = journalErrorOf(() => plan('c'));
      expect(error.code).toBe('journal.illegal-transition');
      expect(error.details).toMatchObject({ operation: 'planItem', from: 'finished' });

      j.markVerified([{ itemId: sent }]);
      expect(j.getItem(sent).state).toBe('verified');
      j.markMissing(sent);
      expect(j.getItem(sent).state).toBe('missing');
    } finally {
      local.cleanup();
    }
  });
});
