import { describe, expect, it } from 'vitest';
import { groupByTier } from '../../../renderer/src/hosts/group-by-tier.ts';
import { suggestion } from './suggestion.ts';

describe('groupByTier', () => {
  it('groups neighbours of the same tier and numbers them as in the whole list', () => {
    const hosts = [
      suggestion({ id: 'a', tier: 'suitable' }),
      suggestion({ id: 'b', tier: 'suitable' }),
      suggestion({ id: 'c', tier: 'to-check' }),
      suggestion({ id: 'd', tier: 'closed' }),
    ];
    expect(
      groupByTier(hosts).map((group) => ({
        tier: group.tier,
        start: group.start,
        ids: group.hosts.map((host) => host.id),
      })),
    ).toEqual([
      { tier: 'suitable', start: 1, ids: ['a', 'b'] },
      { tier: 'to-check', start: 3, ids: ['c'] },
      { tier: 'closed', start: 4, ids: ['d'] },
    ]);
  });

  it('keeps the given order when a tier comes back', () => {
    const hosts = [
      suggestion({ id: 'a', tier: 'partial' }),
      suggestion({ id: 'b', tier: 'suitable' }),
      suggestion({ id: 'c', tier: 'partial' }),
    ];
    expect(groupByTier(hosts).map((group) => group.start)).toEqual([1, 2, 3]);
  });
});
