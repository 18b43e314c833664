// The decision planItem returns, from what the journal holds about an item.
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/journal/item-protocol.ts';
import type { PlanRow } from '../../src/journal/item-protocol.ts';

const row = (overrides: Partial<PlanRow>): PlanRow => ({
  id: 7,
  state: 'planned',
  href: null,
  etag: null,
  content_hash: null,
  attempt_hash: null,
  resume: null,
  ...overrides,
});

describe('decide', () => {
  it('never sent: create, reusing the href of an earlier attempt', () => {
    expect(decide(row({}), 'h')).toEqual({ action: 'create', itemId: 7, href: null });
    expect(decide(row({ state: 'failed', href: '/a.ics', attempt_hash: 'h' }), 'h')).toEqual({
      action: 'create',
      itemId: 7,
      href: '/a.ics',
    });
  });

  it('on the server with the same content: unchanged', () => {
    for (const state of ['sent', 'verified'] as const) {
      expect(decide(row({ state, href: '/a.ics', etag: '"1"', content_hash: 'h' }), 'h')).toEqual({
        action: 'unchanged',
        itemId: 7,
        href: '/a.ics',
        etag: '"1"',
      });
    }
  });

  it('on the server with other content, or after a failed or skipped update: update', () => {
    const known = { href: '/a.ics', etag: '"1"', content_hash: 'old' };
    for (const [state, hash] of [
      ['sent', 'new'],
      ['verified', 'new'],
      ['failed', 'old'],
      ['skipped', 'old'],
    ] as const) {
      expect(decide(row({ ...known, state }), hash)).toMatchObject({
        action: 'update',
        etag: '"1"',
      });
    }
  });

  it('in flight: resume, with everything needed to look at the server', () => {
    const plan = decide(
      row({
        state: 'sending',
        href: '/a.ics',
        attempt_hash: 'new',
        content_hash: 'old',
        etag: '"1"',
        resume: '{"chunks":3}',
      }),
      'newer',
    );
    expect(plan).toEqual({
      action: 'resume',
      itemId: 7,
      href: '/a.ics',
      attemptHash: 'new',
      contentHash: 'old',
      etag: '"1"',
      resume: { chunks: 3 },
    });
  });
});
